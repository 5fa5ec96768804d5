import type { TimelineEntry } from '../../shared/ipc/views';
import { said, type Said } from '../../shared/i18n/said';
import type { PaymentState } from '../../shared/payment-state';
import type { Journal } from '../journal/journal';

/** What a change of state means to a manager, in one sentence. */
const REACHED: Record<PaymentState, Said> = {
  created: said('manager.timeline.started'),
  requested: said('manager.timeline.sent'),
  awaiting_customer: said('manager.timeline.qrShown'),
  succeeded: said('manager.timeline.paid'),
  declined: said('manager.timeline.declined'),
  rejected: said('manager.timeline.rejected'),
  unknown: said('manager.timeline.unknown'),
  partially_refunded: said('manager.timeline.partlyRefunded'),
  refunded: said('manager.timeline.refunded'),
  expired: said('manager.timeline.expired'),
};

/**
 * A change that keeps the state (a cancel, a late payment's decision, a check); null for a refund
 * written against the payment, which the refund's own lines say.
 */
function sameState(cause: string): Said | null {
  if (cause.startsWith('refund ')) return null;
  if (cause.startsWith('cashier cancelled')) return said('manager.timeline.cancelled');
  if (cause.includes('late')) return said('manager.timeline.lateDecision');
  return said('manager.timeline.noted');
}

/** What the cashier's cancel writes in the audit log: its state change already says it. */
const CANCELS = ['sale cancelled', 'retried as a Payment Page link'];

/**
 * The audit entries worth their own sentence; the others say who noted something; null for a
 * cancel, which the state change beside it already says.
 */
function auditSaid(actor: string, action: string): Said | null {
  if (actor === 'cashier' && CANCELS.includes(action)) return null;
  if (action === 'sale retried as a Payment Page link')
    return said('manager.timeline.retriedAsLink');
  if (action === 'refund requested') return said('manager.timeline.refundAsked');
  if (action === 'refund refused') return said('manager.timeline.refundRefused');
  if (action === 'late payment') return said('manager.timeline.late');
  if (action === 'receipt reprinted') return said('manager.timeline.reprinted');
  if (action.startsWith('refund ')) return said('manager.timeline.refundResult');
  if (actor === 'cashier') return said('manager.timeline.byCashier');
  if (actor === 'manager') return said('manager.timeline.byManager');
  if (actor === 'gate') return said('manager.timeline.fromGate');
  return said('manager.timeline.byCounter');
}

/**
 * Everything the journal knows about a payment, in time order, each as a plain sentence for the
 * manager (`said`) with the journal's own words behind it (`detail`, shown under Details): each
 * state change with its cause, each result received, each audit entry, each slip.
 */
export function paymentTimeline(journal: Journal, paymentId: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const t of journal.transitionsOf(paymentId)) {
    const change = t.from === null ? t.to : t.from === t.to ? t.to : `${t.from} → ${t.to}`;
    const words = t.from !== null && t.from === t.to ? sameState(t.cause) : REACHED[t.to];
    if (words)
      entries.push({ at: t.at, kind: 'transition', said: words, detail: `${change}: ${t.cause}` });
  }
  for (const c of journal.callbacksOf(paymentId)) {
    const what = c.verified ? (c.outcome ?? 'recorded') : `refused (${c.problem ?? 'unverified'})`;
    entries.push({
      at: c.receivedAt,
      kind: 'callback',
      said: said(c.verified ? 'manager.timeline.resultArrived' : 'manager.timeline.resultIgnored'),
      detail: `callback from ${c.remote || 'unknown'}: ${what}`,
    });
  }
  for (const a of journal.auditTrail.entriesOf(paymentId)) {
    const words = auditSaid(a.actor, a.action);
    if (words)
      entries.push({ at: a.at, kind: 'audit', said: words, detail: `${a.actor}: ${a.action}` });
  }
  // Its slips: whether the customer got a receipt is a question the counter gets asked.
  for (const job of journal.printJobs.ofPayment(paymentId)) {
    const slip = `${job.reprint ? 'reprint of ' : ''}${job.kind.replace('_', ' ')} slip`;
    const detail =
      job.state === 'sent'
        ? `${slip} printed on ${job.printer}`
        : job.state === 'failed'
          ? `${slip} not printed: ${job.reason ?? ''}`
          : `${slip} queued for ${job.printer}`;
    const words =
      job.state === 'sent'
        ? said('manager.timeline.slipPrinted')
        : job.state === 'failed'
          ? said('manager.timeline.slipFailed')
          : said('manager.timeline.slipQueued');
    entries.push({ at: job.updatedAt, kind: 'print', said: words, detail });
  }
  return entries.sort((a, b) => a.at - b.at);
}
