import { formatWithCode } from '../../shared/money';
import type {
  RefundSlipFacts,
  ReportSlipFacts,
  SaleSlipFacts,
  SlipCopy,
  SlipFormat,
} from './slip-facts';
import { BLANK, centred, displayWidth, heading, large, left, qr, row, RULE } from './slip-markup';

/** QR cells of 6 printer dots (0.75 mm at 203 dpi): hand scanners and phones read them. */
const QR_CELL_DOTS = 6;

/** A label in both languages, or English only where the printer has no Chinese font. */
const say = (format: SlipFormat, zh: string, en: string) => (format.chinese ? `${zh} ${en}` : en);

/** "2026-12-02 17:40:12" in the counter's local time: unambiguous in both languages. */
export function slipTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * A centred line in both languages; Chinese above English where together they would not fit
 * (a line the printer wraps breaks words in the middle).
 */
function centredSay(format: SlipFormat, zh: string, en: string): string {
  if (!format.chinese) return centred(en);
  const both = `${zh} ${en}`;
  return displayWidth(both, format.chinese) <= format.cpl
    ? centred(both)
    : `${centred(zh)}\n${centred(en)}`;
}

function header(format: SlipFormat, merchantName: string, title: [string, string]): string[] {
  return [heading(merchantName || 'Alipay Counter'), centredSay(format, ...title)];
}

function copyLine(format: SlipFormat, copy: SlipCopy, reprint: boolean): string[] {
  const lines = [
    copy === 'customer'
      ? centredSay(format, '顾客联', 'CUSTOMER COPY')
      : centredSay(format, '商户联', 'MERCHANT COPY'),
  ];
  // A reprint must never pass for the original slip.
  if (reprint) lines.push(heading(say(format, '重印', 'REPRINT')));
  return lines;
}

/**
 * The slip of a paid sale: merchant, amount, "Alipay", payment id, Gate's operation id, date and
 * time, and a QR of the payment id that History's search opens (for refunds).
 */
export function saleSlip(
  facts: SaleSlipFacts,
  copy: SlipCopy,
  format: SlipFormat,
  reprint = false,
): string {
  return [
    ...header(format, facts.merchantName, ['收款凭证', 'PAYMENT RECEIPT']),
    ...copyLine(format, copy, reprint),
    RULE,
    centredSay(format, '金额', 'Amount'),
    large(formatWithCode(facts.amount, facts.currency)),
    centredSay(format, '支付宝 支付成功', 'Alipay PAID'),
    RULE,
    row(say(format, '支付方式', 'Method'), say(format, '支付宝', 'Alipay'), format),
    row(say(format, '时间', 'Time'), slipTime(facts.paidAt), format),
    row(say(format, '订单号', 'Payment ID'), facts.paymentId, format),
    row(say(format, '流水号', 'Gate operation'), facts.operationId ?? '-', format),
    row(say(format, '终端', 'Terminal'), facts.terminalId, format),
    RULE,
    qr(facts.paymentId, QR_CELL_DOTS),
    BLANK,
    centredSay(format, '退款时请出示此码', 'Show this code for a refund'),
    BLANK,
    centredSay(format, '谢谢惠顾', 'Thank you'),
  ].join('\n');
}

/** The slip of a refund: the original payment, the amount refunded, what remains, the reason. */
export function refundSlip(
  facts: RefundSlipFacts,
  copy: SlipCopy,
  format: SlipFormat,
  reprint = false,
): string {
  const money = (minor: number) => formatWithCode(minor, facts.currency);
  return [
    ...header(format, facts.merchantName, ['退款凭证', 'REFUND RECEIPT']),
    ...copyLine(format, copy, reprint),
    RULE,
    centredSay(format, '退款金额', 'Refunded'),
    large(money(facts.refundAmount)),
    centredSay(format, '支付宝 已退款', 'Alipay REFUNDED'),
    RULE,
    row(say(format, '原订单号', 'Payment ID'), facts.paymentId, format),
    row(say(format, '原支付金额', 'Paid'), money(facts.paymentAmount), format),
    row(say(format, '可退余额', 'Can still be refunded'), money(facts.remaining), format),
    row(say(format, '原因', 'Reason'), facts.reason, format),
    row(say(format, '时间', 'Time'), slipTime(facts.refundedAt), format),
    row(say(format, '退款单号', 'Refund ID'), facts.refundId, format),
    row(say(format, '终端', 'Terminal'), facts.terminalId, format),
    RULE,
    qr(facts.paymentId, QR_CELL_DOTS),
    BLANK,
    centredSay(format, '谢谢惠顾', 'Thank you'),
  ].join('\n');
}

/**
 * An X (so far) or Z (closed day) report: per currency, payments, refunds, net and declined;
 * what was still open; on a Z, the audit chain's head hash when the day was closed, so the
 * paper can be checked against the journal later (`audit verify`).
 */
export function reportSlip(facts: ReportSlipFacts, format: SlipFormat): string {
  const title: [string, string] =
    facts.kind === 'Z'
      ? [`日结报表 Z${facts.number}`, `Z REPORT ${facts.number}`]
      : ['当前报表 X', 'X REPORT (SO FAR)'];
  const lines = [
    ...header(format, facts.merchantName, title),
    row(say(format, '终端', 'Terminal'), facts.terminalId, format),
    row(
      say(format, '从', 'From'),
      facts.periodStart === 0 ? '-' : slipTime(facts.periodStart),
      format,
    ),
    row(say(format, '到', 'To'), slipTime(facts.periodEnd), format),
    RULE,
  ];
  if (facts.currencies.length === 0)
    lines.push(centredSay(format, '本期无交易', 'No payments or refunds'));
  for (const c of facts.currencies) {
    const money = (minor: number) => formatWithCode(minor, c.currency);
    lines.push(
      heading(c.currency),
      row(
        say(format, `收款 ${c.payments.count} 笔`, `Payments ${c.payments.count}`),
        money(c.payments.sum),
        format,
      ),
      row(
        say(format, `退款 ${c.refunds.count} 笔`, `Refunds ${c.refunds.count}`),
        money(c.refunds.sum),
        format,
      ),
      row(say(format, '净额', 'Net'), money(c.net), format),
      row(say(format, '失败', 'Declined'), String(c.declined), format),
      RULE,
    );
  }
  lines.push(
    row(say(format, '未完成收款', 'Open payments'), String(facts.open.payments), format),
    row(say(format, '未完成退款', 'Open refunds'), String(facts.open.refunds), format),
  );
  if (facts.kind === 'Z') {
    // 64 hex digits: split so that each half fits even on 58 mm paper.
    const hash = facts.auditHeadHash ?? '-';
    lines.push(RULE, left(say(format, '审计链哈希', 'Audit chain head')));
    for (let at = 0; at < hash.length; at += 32) lines.push(left(hash.slice(at, at + 32)));
    if (facts.periodDigest) {
      lines.push(left(say(format, '本期摘要', 'Period digest')));
      for (let at = 0; at < facts.periodDigest.length; at += 32)
        lines.push(left(facts.periodDigest.slice(at, at + 32)));
    }
  }
  lines.push(RULE, row(say(format, '打印时间', 'Printed'), slipTime(facts.printedAt), format));
  return lines.join('\n');
}

/** The sample customer slip of a test print (Settings and `cli print-test`). */
export function sampleSaleFacts(
  paymentId: string,
  merchantName: string,
  terminalId: string,
  now: number,
): SaleSlipFacts {
  return {
    merchantName,
    terminalId,
    paymentId,
    amount: 8800,
    currency: 'CNY',
    paidAt: now,
    operationId: 'TEST-PRINT',
  };
}
