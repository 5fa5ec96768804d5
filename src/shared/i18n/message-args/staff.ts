// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the staff area that take no values. */
export type StaffPlain =
  | `staff.endShift.${'back' | 'confirm' | 'noReason' | 'open' | 'pick' | 'reason'}`
  | `staff.firstManager.${'intro' | 'name' | 'noName' | 'step' | 'title'}`
  | `staff.forgot.${'open' | 'save' | 'why'}`
  | `staff.handOver.${'back' | 'confirm' | 'nobody' | 'saleOnScreen' | 'signOut'}`
  | `staff.handOver.${'signOutWaiting' | 'title'}`
  | `staff.header.${'handOver' | 'lock' | 'lockHint'}`
  | `staff.lock.${'title' | 'unlock'}`
  | `staff.pin.${'delete' | 'digits' | 'label' | 'signIn'}`
  | `staff.report.${'close' | 'currency' | 'net' | 'none' | 'payments' | 'print' | 'refunds'}`
  | `staff.role.${'cashier' | 'manager'}`
  | `staff.signIn.${'hint' | 'listLabel' | 'title'}`;

/**
 * The messages of the staff area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export interface StaffArgs
  extends
    Record<StaffPlain, undefined>,
    Record<
      | `staff.endShift.${'pinFor' | 'title'}`
      | `staff.forgot.${'done' | 'title'}`
      | `staff.handOver.${'pick' | 'pinFor' | 'waiting'}`
      | 'staff.header.signedIn'
      | 'staff.lock.whose'
      | `staff.pin.${'back' | 'noPin' | 'title'}`
      | `staff.report.${'next' | 'title'}`,
      { name: T }
    >,
    Record<'staff.report.cell', { count: T; sum: T }>,
    Record<'staff.report.period', { from: T; to: T }> {}
