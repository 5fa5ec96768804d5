// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the customer area that take no values. */
export type CustomerPlain =
  | `customer.${'askCashier' | 'label'}`
  | 'customer.checking.title'
  | `customer.expired.${'hint' | 'title'}`
  | 'customer.failed.title'
  | `customer.paid.${'hint' | 'title'}`
  | `customer.pay.${'newCode' | 'scan' | 'scanLink' | 'wait'}`
  | `customer.welcome.${'alipay' | 'title'}`;

/**
 * The messages of the customer area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export interface CustomerArgs
  extends Record<CustomerPlain, undefined>, Record<'customer.pay.validFor', { time: T }> {}
