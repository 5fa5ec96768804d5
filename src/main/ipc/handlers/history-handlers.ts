import { said } from '../../../shared/i18n/said';
import { ok } from '../../../shared/result';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { RefundView } from '../../../shared/ipc/views';
import { fail } from '../../i18n/fail';
import { decodeCursor, encodeCursor, historyFilterOf } from '../../journal/history-filter';
import type { Journal } from '../../journal/journal';
import { toView } from '../../journal/payment-record';
import type { RefundRecord } from '../../journal/refund-journal';
import { paymentTimeline } from '../../payments/payment-timeline';
import { historyCsv, MAX_EXPORT_ROWS, reportCsv } from '../../reports/exports';
import type { ManagerSession } from '../../manager/manager-session';
import type { Settings } from '../../settings/settings';
import { paymentPeople, withPeople } from './payment-people';

/** The channels of History, a payment's detail and the exports. */
export type HistoryChannels =
  | 'payments:detail'
  | 'history:search'
  | 'reports:current'
  | 'reports:list'
  | 'exports:history-csv'
  | 'exports:report-csv';

/** A refund as the screens see it. */
export function refundView(r: RefundRecord): RefundView {
  return {
    id: r.id,
    paymentId: r.paymentId,
    amount: r.amount,
    currency: r.currency,
    reason: r.reason,
    state: r.state,
    createdAt: r.createdAt,
    settledAt: r.settledAt,
    gateCode: r.gateCode,
    gateMessage: r.gateMessage,
  };
}

/**
 * What the journal holds, as the manager's screens read it: nothing here changes anything.
 * History and a payment's detail are open to everyone at the counter (reprints, look-ups); the
 * reports only while the manager session is open.
 */
export function historyHandlers(deps: {
  readonly journal: Journal;
  readonly settings: () => Settings;
  readonly session: ManagerSession;
  readonly now: () => number;
}): Pick<ChannelHandlers, HistoryChannels> {
  const { journal, session } = deps;
  const filterOf = (input: Parameters<typeof historyFilterOf>[0]) =>
    historyFilterOf(input, deps.settings().defaultCurrency);
  return {
    'payments:detail': async ({ paymentId }) => {
      const payment = journal.get(paymentId);
      if (!payment) return fail('NOT_FOUND', said('manager.refund.noPayment', { paymentId }));
      return ok({
        payment: toView(payment),
        refunds: journal.refunds.ofPayment(paymentId).map(refundView),
        refundable:
          payment.state === 'succeeded' || payment.state === 'partially_refunded'
            ? journal.refunds.remaining(paymentId)
            : 0,
        timeline: paymentTimeline(journal, paymentId),
        people: paymentPeople(journal, paymentId),
      });
    },
    'history:search': async ({ cursor, limit, ...input }) => {
      const filter = filterOf(input);
      if (!filter.ok) return filter;
      const from = cursor ? decodeCursor(cursor) : undefined;
      if (cursor && !from) return fail('INVALID_INPUT', said('manager.history.badCursor'));
      const page = journal.history.search(filter.value, limit ?? 50, from);
      const takers = journal.people.attribution.takers(page.items.map((p) => p.id));
      const takenBy: Record<string, string> = {};
      for (const [id, taker] of takers) if (taker.name) takenBy[id] = taker.name;
      return ok({
        items: page.items.map(toView),
        next: page.next ? encodeCursor(page.next) : null,
        takenBy,
      });
    },
    'reports:current': async () => {
      const open = session.require();
      return open.ok ? ok(journal.reports.current(deps.now())) : open;
    },
    'reports:list': async () => {
      const open = session.require();
      return open.ok ? ok({ reports: journal.reports.zReports() }) : open;
    },
    'exports:history-csv': async (input) => {
      const filter = filterOf(input);
      if (!filter.ok) return filter;
      const page = journal.history.search(filter.value, MAX_EXPORT_ROWS);
      const takers = journal.people.attribution.takers(page.items.map((p) => p.id));
      return ok(historyCsv(page.items, page.next !== null, new Date(deps.now()), takers));
    },
    'exports:report-csv': async ({ number }) => {
      const open = session.require();
      if (!open.ok) return open;
      const report =
        number === undefined
          ? journal.reports.current(deps.now())
          : journal.reports.zReport(number);
      return report
        ? ok(
            number === undefined
              ? reportCsv(report)
              : withPeople(reportCsv(report), journal, report),
          )
        : fail('NOT_FOUND', said('manager.report.noZ', { number: number ?? 0 }));
    },
  };
}
