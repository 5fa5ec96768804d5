import type { TimelineEntry } from '../../shared/ipc/views';
import type { Journal } from '../journal/journal';

/**
 * Everything the journal knows about a payment, in time order: each state change with its
 * cause, each callback received (with what was done with it), each audit entry.
 */
export function paymentTimeline(journal: Journal, paymentId: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const t of journal.transitionsOf(paymentId)) {
    const change = t.from === null ? t.to : t.from === t.to ? t.to : `${t.from} → ${t.to}`;
    entries.push({
      at: t.at,
      kind: 'transition',
      text: `${change.replaceAll('_', ' ')}: ${t.cause}`,
    });
  }
  for (const c of journal.callbacksOf(paymentId)) {
    const what = c.verified ? (c.outcome ?? 'recorded') : `refused (${c.problem ?? 'unverified'})`;
    entries.push({
      at: c.receivedAt,
      kind: 'callback',
      text: `callback from ${c.remote || 'unknown'}: ${what}`,
    });
  }
  for (const a of journal.auditTrail.entriesOf(paymentId)) {
    entries.push({ at: a.at, kind: 'audit', text: `${a.actor}: ${a.action}` });
  }
  // Its slips: whether the customer got a receipt is a question the counter gets asked.
  for (const job of journal.printJobs.ofPayment(paymentId)) {
    const slip = `${job.reprint ? 'reprint of ' : ''}${job.kind.replace('_', ' ')} slip`;
    const text =
      job.state === 'sent'
        ? `${slip} printed on ${job.printer}`
        : job.state === 'failed'
          ? `${slip} not printed: ${job.reason ?? ''}`
          : `${slip} queued for ${job.printer}`;
    entries.push({ at: job.updatedAt, kind: 'print', text });
  }
  return entries.sort((a, b) => a.at - b.at);
}
