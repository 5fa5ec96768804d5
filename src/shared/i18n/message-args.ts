// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { CashierArgs } from './message-args/cashier';
import type { CommonArgs } from './message-args/common';
import type { CustomerArgs } from './message-args/customer';
import type { MainArgs } from './message-args/main';
import type { ManagerArgs } from './message-args/manager';
import type { PrintingArgs } from './message-args/printing';
import type { SettingsArgs } from './message-args/settings';
import type { ShellArgs } from './message-args/shell';
import type { StaffArgs } from './message-args/staff';

/** Every message id and the values it takes (dates as ms since the epoch). */
export interface MessageArgs
  extends
    CashierArgs,
    CommonArgs,
    CustomerArgs,
    MainArgs,
    ManagerArgs,
    PrintingArgs,
    SettingsArgs,
    ShellArgs,
    StaffArgs {}

export type MessageId = keyof MessageArgs;
