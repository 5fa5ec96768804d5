import { join } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { err, ok } from '../../shared/result';
import { parseAmount, type Currency } from '../../shared/money';
import type { ChannelHandlers } from '../../shared/ipc/contract';
import type { HistoryPageView, ManagerStatus, RefundView } from '../../shared/ipc/views';
import type { HistoryCursor, HistoryFilter } from '../journal/history-queries';
import type { Journal } from '../journal/journal';
import { toView } from '../journal/payment-record';
import type { RefundRecord } from '../journal/refund-journal';
import type { ManagerPin, PinStatus } from '../manager/manager-pin';
import type { RefundService } from '../payments/refund-service';
import { historyCsv, MAX_EXPORT_ROWS, reportCsv } from '../reports/exports';
import type { Settings } from '../settings/settings';
import { paymentTimeline } from './payment-timeline';

/** What the manager handlers need. */
export interface ManagerDeps {
  readonly journal: Journal;
  readonly refunds: RefundService;
  readonly pin: ManagerPin;
  readonly settings: () => Settings;
  readonly dataDir: string;
  readonly now: () => number;
  /** Whether `secret` is the project's secret key (true), or why it cannot be told. */
  readonly secretMatches: (secret: string) => true | string;
  /** Tells the windows a payment changed (refund states, late alerts). */
  readonly paymentChanged: (paymentId: string) => void;
}

/** The channels these handlers serve. */
export type ManagerChannels =
  | 'manager:status'
  | 'manager:set-pin'
  | 'manager:reset-pin'
  | 'refunds:create'
  | 'payments:detail'
  | 'history:search'
  | 'reports:current'
  | 'reports:close-day'
  | 'reports:list'
  | 'exports:history-csv'
  | 'exports:report-csv'
  | 'documents:save-pdf';

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

function statusView(s: PinStatus): ManagerStatus {
  return {
    pinSet: s.set,
    lockedUntil: s.lockedUntil,
    failures: s.failures,
    resetNeeded: s.resetNeeded,
  };
}

/** Start of a local calendar day "YYYY-MM-DD", in ms. */
function dayStart(date: string, plusDays = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).getTime();
}

const encodeCursor = (c: HistoryCursor) => `${c.createdAt}:${c.id}`;
function decodeCursor(text: string): HistoryCursor | undefined {
  const at = text.indexOf(':');
  const createdAt = Number(text.slice(0, at));
  return at > 0 && Number.isSafeInteger(createdAt)
    ? { createdAt, id: text.slice(at + 1) }
    : undefined;
}

/**
 * Refunds, history, reports, exports and the manager PIN (issue 4). Refunds and closing the day
 * need the PIN, checked here in main; the renderer only ever forwards what was typed.
 */
export function createManagerHandlers(deps: ManagerDeps): Pick<ChannelHandlers, ManagerChannels> {
  const { journal } = deps;

  const filterOf = (input: {
    paymentId?: string;
    amount?: string;
    currency?: string;
    state?: HistoryFilter['state'];
    from?: string;
    to?: string;
  }) => {
    const currency = (input.currency ?? deps.settings().defaultCurrency) as Currency;
    let amount: number | undefined;
    if (input.amount !== undefined && input.amount.trim() !== '') {
      const parsed = parseAmount(input.amount, currency);
      if (!parsed.ok) return parsed;
      amount = parsed.value;
    }
    const filter: HistoryFilter = {
      ...(input.paymentId?.trim() ? { paymentIdPrefix: input.paymentId.trim() } : {}),
      ...(amount !== undefined ? { amount } : {}),
      ...(input.currency ? { currency: input.currency } : {}),
      ...(input.state ? { state: input.state } : {}),
      ...(input.from ? { from: dayStart(input.from) } : {}),
      ...(input.to ? { to: dayStart(input.to, 1) } : {}),
    };
    return ok(filter);
  };

  return {
    'manager:status': async () => ok(statusView(deps.pin.status())),
    'manager:set-pin': async ({ newPin, currentPin }) => {
      const result = await deps.pin.set(newPin, currentPin, 'manager');
      return result.ok ? ok(statusView(result.value)) : result;
    },
    'manager:reset-pin': async ({ secret, newPin }) => {
      // Whoever holds the project's secret key may set a new PIN: the merchant, from
      // ecommpay's Dashboard. It is checked against the keychain's copy, in constant time.
      const proof = deps.secretMatches(secret);
      if (proof !== true) {
        journal.audit('manager', 'manager PIN reset refused', null, { why: proof });
        return err('PIN_INCORRECT', proof);
      }
      const result = await deps.pin.reset(newPin, 'manager');
      return result.ok ? ok(statusView(result.value)) : result;
    },
    'refunds:create': async ({ paymentId, amount, reason, pin }) => {
      const payment = journal.get(paymentId);
      if (!payment) return err('NOT_FOUND', `No payment ${paymentId}.`);
      const minor = parseAmount(amount, payment.currency);
      if (!minor.ok) return minor;
      const allowed = await deps.pin.check(pin, `refund ${paymentId}`);
      if (!allowed.ok) return allowed;
      const result = await deps.refunds.refund({
        paymentId,
        amount: minor.value,
        reason,
        actor: 'manager',
      });
      if (!result.ok) return result;
      deps.paymentChanged(paymentId);
      return ok(refundView(result.value));
    },
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
      const view: HistoryPageView = {
        items: page.items.map(toView),
        next: page.next ? encodeCursor(page.next) : null,
      };
      return ok(view);
    },
    'reports:current': async () => ok(journal.reports.current(deps.now())),
    'reports:close-day': async ({ pin }) => {
      const allowed = await deps.pin.check(pin, 'close the day');
      if (!allowed.ok) return allowed;
      return ok(journal.closeDay(deps.now(), 'manager'));
    },
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
    'documents:save-pdf': async ({ name }, context) => {
      if (!context?.printToPdf) {
        return err(
          'NOT_SUPPORTED',
          'PDF files are made by the desktop app; in a browser use Print → Save as PDF.',
        );
      }
      const folder = join(deps.dataDir, 'documents');
      await mkdir(folder, { recursive: true });
      const path = join(folder, `${name}.pdf`);
      await writeFile(path, await context.printToPdf());
      return ok({ path });
    },
  };
}
