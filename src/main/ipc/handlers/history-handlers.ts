import { err, ok } from '../../../shared/result';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { RefundView } from '../../../shared/ipc/views';
import { decodeCursor, encodeCursor, historyFilterOf } from '../../journal/history-filter';
import type { Journal } from '../../journal/journal';
import { toView } from '../../journal/payment-record';
import type { RefundRecord } from '../../journal/refund-journal';
import { paymentTimeline } from '../../payments/payment-timeline';
import { historyCsv, MAX_EXPORT_ROWS, reportCsv } from '../../reports/exports';
import type { Settings } from '../../settings/settings';

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

/** What the journal holds, as the manager's screens read it: nothing here changes anything. */
export function historyHandlers(deps: {
  readonly journal: Journal;
  readonly settings: () => Settings;
  readonly now: () => number;
}): Pick<ChannelHandlers, HistoryChannels> {
  const { journal } = deps;
  const filterOf = (input: Parameters<typeof historyFilterOf>[0]) =>
    historyFilterOf(input, deps.settings().defaultCurrency);
  return {
    'payments:detail': async ({ paymentId }) => {
      const payment = journal.get(paymentId);
      if (!payment) return err('NOT_FOUND', `No payment ${paymentId}.`);
      return ok({
        payment: toView(payment),
        refunds: journal.refunds.ofPayment(paymentId).map(refundView),
        refundable:
          payment.state === 'succeeded' || payment.state === 'partially_refunded'
            ? journal.refunds.remaining(paymentId)
            : 0,
        timeline: paymentTimeline(journal, paymentId),
      });
    },
    'history:search': async ({ cursor, limit, ...input }) => {
      const filter = filterOf(input);
      if (!filter.ok) return filter;
      const from = cursor ? decodeCursor(cursor) : undefined;
      if (cursor && !from)
        return err('INVALID_INPUT', 'history:search: cursor: not a cursor this app made');
      const page = journal.history.search(filter.value, limit ?? 50, from);
      return ok({
        items: page.items.map(toView),
        next: page.next ? encodeCursor(page.next) : null,
      });
    },
    'reports:current': async () => ok(journal.reports.current(deps.now())),
    'reports:list': async () => ok({ reports: journal.reports.zReports() }),
    'exports:history-csv': async (input) => {
      const filter = filterOf(input);
      if (!filter.ok) return filter;
      const page = journal.history.search(filter.value, MAX_EXPORT_ROWS);
      return ok(historyCsv(page.items, page.next !== null, new Date(deps.now())));
    },
    'exports:report-csv': async ({ number }) => {
      const report =
        number === undefined
          ? journal.reports.current(deps.now())
          : journal.reports.zReport(number);
      return report ? ok(reportCsv(report)) : err('NOT_FOUND', `No Z report number ${number}.`);
    },
  };
}
