// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the staff area and the values each takes (dates as ms since the epoch). */
export interface StaffArgs {
  'staff.endShift.back': undefined;
  'staff.endShift.confirm': undefined;
  'staff.endShift.noReason': undefined;
  'staff.endShift.open': undefined;
  'staff.endShift.pick': undefined;
  'staff.endShift.pinFor': { name: T };
  'staff.endShift.reason': undefined;
  'staff.endShift.title': { name: T };
  'staff.firstManager.intro': undefined;
  'staff.firstManager.name': undefined;
  'staff.firstManager.noName': undefined;
  'staff.firstManager.step': undefined;
  'staff.firstManager.title': undefined;
  'staff.handOver.back': undefined;
  'staff.handOver.confirm': undefined;
  'staff.handOver.nobody': undefined;
  'staff.handOver.pick': { name: T };
  'staff.handOver.pinFor': { name: T };
  'staff.handOver.saleOnScreen': undefined;
  'staff.handOver.title': undefined;
  'staff.handOver.waiting': { name: T };
  'staff.header.handOver': undefined;
  'staff.header.lock': undefined;
  'staff.header.lockHint': undefined;
  'staff.header.signedIn': { name: T };
  'staff.lock.title': undefined;
  'staff.lock.unlock': undefined;
  'staff.lock.whose': { name: T };
  'staff.pin.back': { name: T };
  'staff.pin.delete': undefined;
  'staff.pin.digits': undefined;
  'staff.pin.label': undefined;
  'staff.pin.noPin': { name: T };
  'staff.pin.signIn': undefined;
  'staff.pin.title': { name: T };
  'staff.report.cell': { count: T; sum: T };
  'staff.report.close': undefined;
  'staff.report.currency': undefined;
  'staff.report.net': undefined;
  'staff.report.next': { name: T };
  'staff.report.none': undefined;
  'staff.report.payments': undefined;
  'staff.report.period': { from: T; to: T };
  'staff.report.print': undefined;
  'staff.report.refunds': undefined;
  'staff.report.title': { name: T };
  'staff.role.cashier': undefined;
  'staff.role.manager': undefined;
  'staff.signIn.hint': undefined;
  'staff.signIn.listLabel': undefined;
  'staff.signIn.title': undefined;
}
