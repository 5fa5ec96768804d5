// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the customer area and the values each takes (dates as ms since the epoch). */
export interface CustomerArgs {
  'customer.askCashier': undefined;
  'customer.checking.title': undefined;
  'customer.expired.hint': undefined;
  'customer.expired.title': undefined;
  'customer.failed.title': undefined;
  'customer.label': undefined;
  'customer.paid.hint': undefined;
  'customer.paid.title': undefined;
  'customer.pay.newCode': undefined;
  'customer.pay.scan': undefined;
  'customer.pay.scanLink': undefined;
  'customer.pay.validFor': { time: T };
  'customer.pay.wait': undefined;
  'customer.welcome.alipay': undefined;
  'customer.welcome.title': undefined;
}
