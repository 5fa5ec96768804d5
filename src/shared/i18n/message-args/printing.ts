// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the printing area that take no values. */
export type PrintingPlain =
  | `printing.address.${'cups' | 'name' | 'tcp'}`
  | `printing.error.${'alreadyRetrying' | 'chooseKind' | 'noJob' | 'noPrinter' | 'notFailed'}`
  | `printing.error.${'notShown' | 'unknownSlip'}`
  | `printing.failedLine.${'dismiss' | 'dismissHint' | 'label' | 'retry'}`
  | `printing.failure.${'cutOff' | 'driverDesktopOnly'}`
  | `printing.languageName.${'de' | 'en' | 'es' | 'fr' | 'it' | 'zhHans' | 'zhHant'}`
  | 'printing.languages.storeName'
  | 'printing.preview.copy'
  | `printing.preview.copy.${'customer' | 'merchant'}`
  | `printing.receipt.${'label' | 'print' | 'refund' | 'status' | 'title'}`
  | `printing.reprint.${'merchant' | 'receipt' | 'refund'}`
  | `printing.settings.address.${'cups' | 'driver' | 'tcp' | 'windows'}`
  | `printing.settings.${'auto' | 'codePage' | 'driverPaper' | 'formLabel' | 'heading'}`
  | `printing.settings.${'kind' | 'paperWidth' | 'save' | 'test' | 'testNotPrinted'}`
  | `printing.settings.${'testing' | 'unsaved'}`
  | `printing.settings.auto.${'customer' | 'merchant'}`
  | `printing.settings.codePage.${'big5' | 'cp1252' | 'cp437' | 'cp858' | 'cp936' | 'gb18030'}`
  | `printing.settings.codePageName.${'big5' | 'cp1252' | 'cp437' | 'cp858' | 'cp936'}`
  | 'printing.settings.codePageName.gb18030'
  | `printing.settings.driverPaper.${'roll' | 'sheet'}`
  | `printing.settings.example.${'cups' | 'driver' | 'tcp' | 'windows'}`
  | `printing.settings.kind.${'cups' | 'driver' | 'none' | 'tcp' | 'windows'}`
  | `printing.slip.${'alipay' | 'alipayPaid' | 'alipayRefunded' | 'amount' | 'auditHead'}`
  | `printing.slip.${'customerCopy' | 'declined' | 'from' | 'merchantCopy' | 'method' | 'net'}`
  | `printing.slip.${'noActivity' | 'openPayments' | 'openRefunds' | 'originalPayment'}`
  | `printing.slip.${'paidAmount' | 'paymentId' | 'periodDigest' | 'printedAt' | 'reason'}`
  | `printing.slip.${'receiptTitle' | 'refundId' | 'refundTitle' | 'refundedAmount'}`
  | `printing.slip.${'remaining' | 'reprint' | 'showForRefund' | 'staffMember' | 'terminal'}`
  | `printing.slip.${'thanks' | 'time' | 'to' | 'transactionId' | 'xTitle'}`
  | `printing.slip.shiftEnded.${'byManager' | 'handover' | 'signedOut'}`;

/**
 * The messages of the printing area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export interface PrintingArgs
  extends
    Record<PrintingPlain, undefined>,
    Record<`printing.error.${'noPayment' | 'notPaid'}`, { paymentId: T }>,
    Record<`printing.error.${'noRefund' | 'refundNotDone'}`, { refundId: T }>,
    Record<'printing.error.noRefundOfPayment', { paymentId: T; refundId: T }>,
    Record<
      | `printing.error.${'noReport' | 'noShift' | 'shiftOpen'}`
      | `printing.slip.${'shiftTitle' | 'zTitle'}`,
      { number: T }
    >,
    Record<
      'printing.failedLine.many' | `printing.slip.${'payments' | 'refunds'}`,
      { count: number }
    >,
    Record<'printing.failedLine.one', { kind: string; number: T }>,
    Record<
      | `printing.failure.${'badAddress' | 'closedEarly' | 'paperOut' | 'refused' | 'reset'}`
      | 'printing.failure.unreachable'
      | 'printing.printer.tcp',
      { address: T }
    >,
    Record<'printing.failure.cupsRefused', { detail: T; queue: T }>,
    Record<'printing.failure.cupsTimeout', { queue: T; seconds: T }>,
    Record<
      `printing.failure.${'driverError' | 'lpStart' | 'powershellStart' | 'unexpected'}`,
      { detail: T }
    >,
    Record<'printing.failure.driverNotInstalled', { installed: T; name: T }>,
    Record<`printing.failure.${'driverNotPrinted' | 'windowsRefused'}`, { detail: T; name: T }>,
    Record<`printing.failure.${'lpMissing' | 'powershellMissing'}`, { program: T }>,
    Record<'printing.failure.network', { address: T; detail: T }>,
    Record<`printing.failure.${'noAnswer' | 'notConfirmed'}`, { address: T; seconds: T }>,
    Record<'printing.failure.recorded', { text: T }>,
    Record<'printing.failure.spoolerTimeout', { name: T; seconds: T }>,
    Record<'printing.failure.unknownHost', { host: T }>,
    Record<'printing.jobTitle', { id: T; kind: string }>,
    Record<'printing.languages.fallback', { language: T; slips: string }>,
    Record<`printing.languages.${'one' | 'unaccented'}`, { language: T }>,
    Record<'printing.languages.substituted', { printed: T; wanted: T }>,
    Record<'printing.languages.two', { customer: T; store: T }>,
    Record<'printing.notice.queued' | 'printing.settings.testPrinted', { printer: T }>,
    Record<
      `printing.preview.${'alt' | 'caption' | 'label'}` | 'printing.settings.paperWidth.mm',
      { width: T }
    >,
    Record<'printing.printer.cups', { queue: T }>,
    Record<`printing.printer.${'driver' | 'windows'}`, { name: T }>,
    Record<'printing.receipt.state', { state: string }> {}
