// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the manager area that take no values. */
export type ManagerPlain =
  | `manager.closeDay.${'body' | 'continue' | 'pinTitle' | 'title'}`
  | `manager.detail.${'amount' | 'back' | 'gate' | 'hideDetails' | 'label' | 'noGate'}`
  | `manager.detail.${'receipt' | 'refundable' | 'refunded' | 'refunds' | 'showDetails'}`
  | `manager.detail.${'started' | 'status' | 'timeline'}`
  | `manager.header.${'lock' | 'lockHint' | 'navBusy'}`
  | `manager.history.${'amount' | 'any' | 'badCursor' | 'currency' | 'export' | 'from'}`
  | `manager.history.${'more' | 'none' | 'paymentId' | 'scanHint' | 'search' | 'status' | 'to'}`
  | `manager.history.col.${'amount' | 'payment' | 'refunded' | 'status' | 'time'}`
  | `manager.locked.${'body' | 'title' | 'unlock'}`
  | `manager.outcome.${'cancelled' | 'cancelledWatching' | 'declined' | 'expired' | 'lateKept'}`
  | `manager.outcome.${'lateOpen' | 'lateRefund' | 'open' | 'partially_refunded' | 'refunded'}`
  | `manager.outcome.${'rejected' | 'succeeded' | 'unknown'}`
  | 'manager.pdf.browser'
  | `manager.people.${'everyone' | 'lateDecidedBy' | 'manager' | 'nobody' | 'person'}`
  | `manager.people.${'shiftTime' | 'signInFirst' | 'slip' | 'staff' | 'takenBy' | 'xTitle'}`
  | `manager.pin.${'confirm' | 'keychain' | 'label' | 'notSet' | 'resetNeeded'}`
  | `manager.pin.${'secretNotLoaded' | 'secretWrong'}`
  | `manager.refund.${'amount' | 'doneBody' | 'doneOk' | 'notPaid' | 'reason' | 'submit'}`
  | 'manager.refund.title'
  | `manager.refundState.${'declined' | 'open' | 'rejected' | 'succeeded'}`
  | `manager.report.col.${'cancelled' | 'currency' | 'declined' | 'net' | 'paid' | 'payments'}`
  | `manager.report.col.${'refunded' | 'refunds'}`
  | `manager.report.${'empty' | 'evidenceNone' | 'evidenceSummary' | 'evidenceUnkeyed'}`
  | 'manager.report.xTitle'
  | `manager.reports.${'closeDay' | 'print' | 'refresh' | 'xCsv' | 'xPrinter'}`
  | 'manager.session.locked'
  | `manager.status.${'awaiting_customer' | 'cancelled' | 'created' | 'declined' | 'expired'}`
  | `manager.status.${'late' | 'partially_refunded' | 'refunded' | 'rejected' | 'requested'}`
  | `manager.status.${'succeeded' | 'unknown'}`
  | `manager.timeline.${'byCashier' | 'byCounter' | 'byManager' | 'cancelled' | 'declined'}`
  | `manager.timeline.${'expired' | 'fromGate' | 'late' | 'lateDecision' | 'noted' | 'paid'}`
  | `manager.timeline.${'partlyRefunded' | 'qrShown' | 'refundAsked' | 'refundRefused'}`
  | `manager.timeline.${'refundResult' | 'refunded' | 'rejected' | 'reprinted'}`
  | `manager.timeline.${'resultArrived' | 'resultIgnored' | 'retriedAsLink' | 'sent'}`
  | `manager.timeline.${'slipFailed' | 'slipPrinted' | 'slipQueued' | 'started' | 'unknown'}`
  | 'manager.unlock.title';

/**
 * The messages of the manager area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export interface ManagerArgs
  extends
    Record<ManagerPlain, undefined>,
    Record<
      'manager.closeDay.openNote' | `manager.duration.${'hours' | 'minutes'}`,
      { count: number }
    >,
    Record<'manager.history.rangeBoth' | 'manager.report.period', { from: number; to: number }>,
    Record<'manager.history.rangeFrom', { from: number }>,
    Record<'manager.history.rangeTo' | 'manager.report.periodFirst', { to: number }>,
    Record<'manager.people.refundedBy', { name: T }>,
    Record<'manager.people.refundedByAuthorised', { manager: T; name: T }>,
    Record<'manager.people.shiftFromTo', { from: T; to: T }>,
    Record<'manager.people.shiftOpen', { from: T }>,
    Record<`manager.people.${'shiftsAddUp' | 'shiftsDiffer'}`, { currency: T }>,
    Record<
      | 'manager.people.zShiftsTitle'
      | `manager.report.${'noZ' | 'zTitle'}`
      | `manager.reports.${'zCsv' | 'zPrinter'}`,
      { number: T }
    >,
    Record<`manager.pin.${'locked' | 'lockedLong'}`, { left: T; until: number }>,
    Record<'manager.pin.newDigits', { max: T; min: T }>,
    Record<'manager.pin.wrong', { left: number; lock: T }>,
    Record<'manager.refund.doneTitle', { amount: T }>,
    Record<'manager.refund.noPayment', { paymentId: T }>,
    Record<'manager.refund.pinTitle', { amount: T; currency: T; paymentId: T }>,
    Record<'manager.refund.tooMuch', { asked: T; remaining: T }>,
    Record<'manager.report.evidenceDigest', { digest: T }>,
    Record<'manager.report.evidenceHead', { entry: T }>,
    Record<'manager.report.open', { payments: number; refunds: number }> {}
