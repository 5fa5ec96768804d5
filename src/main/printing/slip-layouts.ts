import type {
  RefundSlipFacts,
  ReportSlipCurrency,
  ReportSlipFacts,
  SaleSlipFacts,
  SlipCopy,
} from './slip-facts';
import { BLANK, centred, heading, large, left, qr, row, RULE, wrap } from './slip-markup';
import type { SlipWords } from './slip-words';

/** QR cells of 6 printer dots (0.75 mm at 203 dpi): hand scanners and phones read them. */
const QR_CELL_DOTS = 6;

/** A centred line; several where it would not fit (a printer left to wrap it breaks words). */
export function centredLines(words: SlipWords, text: string): string {
  return wrapped(words, text).map(centred).join('\n');
}

/** Text in lines that fit the paper. */
const wrapped = (words: SlipWords, text: string) => wrap(text, words.cpl, words.width);

/** Flush-left text in lines that fit the paper. */
const leftLines = (words: SlipWords, text: string) => wrapped(words, text).map(left);

/** The store's name, or the app's when it has none (or none of it prints). */
export function header(words: SlipWords, merchantName: string): string {
  const name = words.typed(merchantName) || words.typed(words.say('common.productName'));
  return wrapped(words, name).map(heading).join('\n');
}

function copyLines(words: SlipWords, copy: SlipCopy, reprint: boolean): string[] {
  const lines = [
    centredLines(
      words,
      words.say(copy === 'customer' ? 'printing.slip.customerCopy' : 'printing.slip.merchantCopy'),
    ),
  ];
  // A reprint must never pass for the original slip.
  if (reprint) lines.push(heading(words.say('printing.slip.reprint')));
  return lines;
}

/**
 * The head of a sale's or a refund's slip: the store, the slip's title and copy, then the money
 * that moved in large print between rules, with what it was.
 */
function moneyHead(
  words: SlipWords,
  merchantName: string,
  copy: SlipCopy,
  reprint: boolean,
  said: { title: string; label: string; amount: string; outcome: string },
): string[] {
  return [
    header(words, merchantName),
    centredLines(words, said.title),
    ...copyLines(words, copy, reprint),
    RULE,
    centredLines(words, said.label),
    large(said.amount),
    centredLines(words, said.outcome),
    RULE,
  ];
}

/**
 * The slip of a paid sale: merchant, amount, "Alipay", payment id, Gate's operation id, date and
 * time, and a QR of the payment id that History's search opens (for refunds).
 */
export function saleSlip(
  facts: SaleSlipFacts,
  copy: SlipCopy,
  words: SlipWords,
  reprint = false,
): string {
  return [
    ...moneyHead(words, facts.merchantName, copy, reprint, {
      title: words.say('printing.slip.receiptTitle'),
      label: words.say('printing.slip.amount'),
      amount: words.money(facts.amount, facts.currency),
      outcome: words.say('printing.slip.alipayPaid'),
    }),
    row(words.say('printing.slip.method'), words.say('printing.slip.alipay'), words),
    row(words.say('printing.slip.time'), words.time(facts.paidAt), words),
    row(words.say('printing.slip.paymentId'), facts.paymentId, words),
    row(words.say('printing.slip.transactionId'), facts.operationId ?? '-', words),
    row(words.say('printing.slip.terminal'), words.typed(facts.terminalId), words),
    RULE,
    qr(facts.paymentId, QR_CELL_DOTS),
    BLANK,
    centredLines(words, words.say('printing.slip.showForRefund')),
    BLANK,
    centredLines(words, words.say('printing.slip.thanks')),
  ].join('\n');
}

/** The slip of a refund: the original payment, the amount refunded, what remains, the reason. */
export function refundSlip(
  facts: RefundSlipFacts,
  copy: SlipCopy,
  words: SlipWords,
  reprint = false,
): string {
  const money = (minor: number) => words.money(minor, facts.currency);
  return [
    ...moneyHead(words, facts.merchantName, copy, reprint, {
      title: words.say('printing.slip.refundTitle'),
      label: words.say('printing.slip.refundedAmount'),
      amount: money(facts.refundAmount),
      outcome: words.say('printing.slip.alipayRefunded'),
    }),
    row(words.say('printing.slip.originalPayment'), facts.paymentId, words),
    row(words.say('printing.slip.paidAmount'), money(facts.paymentAmount), words),
    row(words.say('printing.slip.remaining'), money(facts.remaining), words),
    row(words.say('printing.slip.reason'), words.typed(facts.reason) || '-', words),
    row(words.say('printing.slip.time'), words.time(facts.refundedAt), words),
    row(words.say('printing.slip.refundId'), facts.refundId, words),
    row(words.say('printing.slip.terminal'), words.typed(facts.terminalId), words),
    RULE,
    qr(facts.paymentId, QR_CELL_DOTS),
    BLANK,
    centredLines(words, words.say('printing.slip.thanks')),
  ].join('\n');
}

/**
 * One currency's takings on a report or shift slip: its heading, payments and refunds (count
 * and sum) and the net.
 */
export function takingsLines(
  words: SlipWords,
  totals: Omit<ReportSlipCurrency, 'declined'>,
): string[] {
  const money = (minor: number) => words.money(minor, totals.currency);
  return [
    heading(totals.currency),
    row(
      words.say('printing.slip.payments', { count: totals.payments.count }),
      money(totals.payments.sum),
      words,
    ),
    row(
      words.say('printing.slip.refunds', { count: totals.refunds.count }),
      money(totals.refunds.sum),
      words,
    ),
    row(words.say('printing.slip.net'), money(totals.net), words),
  ];
}

/**
 * An X (so far) or Z (closed day) report: per currency, payments, refunds, net and declined;
 * what was still open; on a Z, the audit chain's head hash when the day was closed, so the
 * paper can be checked against the journal later (`audit verify`).
 */
export function reportSlip(facts: ReportSlipFacts, words: SlipWords): string {
  const lines = [
    header(words, facts.merchantName),
    facts.kind === 'Z'
      ? centredLines(words, words.say('printing.slip.zTitle', { number: facts.number ?? 0 }))
      : centredLines(words, words.say('printing.slip.xTitle')),
    row(words.say('printing.slip.terminal'), words.typed(facts.terminalId), words),
    row(
      words.say('printing.slip.from'),
      facts.periodStart === 0 ? '-' : words.time(facts.periodStart),
      words,
    ),
    row(words.say('printing.slip.to'), words.time(facts.periodEnd), words),
    RULE,
  ];
  if (facts.currencies.length === 0)
    lines.push(centredLines(words, words.say('printing.slip.noActivity')));
  for (const c of facts.currencies)
    lines.push(
      ...takingsLines(words, c),
      row(words.say('printing.slip.declined'), words.count(c.declined), words),
      RULE,
    );
  lines.push(
    row(words.say('printing.slip.openPayments'), words.count(facts.open.payments), words),
    row(words.say('printing.slip.openRefunds'), words.count(facts.open.refunds), words),
  );
  if (facts.kind === 'Z') {
    // 64 hex digits: split so that each half fits even on 58 mm paper.
    const hash = facts.auditHeadHash ?? '-';
    lines.push(RULE, ...leftLines(words, words.say('printing.slip.auditHead')));
    for (let at = 0; at < hash.length; at += 32) lines.push(left(hash.slice(at, at + 32)));
    if (facts.periodDigest) {
      lines.push(...leftLines(words, words.say('printing.slip.periodDigest')));
      for (let at = 0; at < facts.periodDigest.length; at += 32)
        lines.push(left(facts.periodDigest.slice(at, at + 32)));
    }
  }
  lines.push(RULE, row(words.say('printing.slip.printedAt'), words.time(facts.printedAt), words));
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
