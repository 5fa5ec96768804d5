import { parseAmount, type Currency } from '../../shared/money';
import { ok, type ErrorCode, type Result } from '../../shared/result';
import type { HistoryCursor, HistoryFilter, HistoryStateFilter } from './history-queries';

/** History filters as the screens send them: text, as typed. */
export interface HistoryFilterInput {
  readonly paymentId?: string;
  readonly amount?: string;
  readonly currency?: string;
  readonly state?: HistoryStateFilter;
  /** Local calendar days, "YYYY-MM-DD", both included. */
  readonly from?: string;
  readonly to?: string;
  /** Who took the payment. */
  readonly staffId?: number;
}

/** Start of a local calendar day "YYYY-MM-DD", in ms. */
function dayStart(date: string, plusDays = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).getTime();
}

/**
 * What the journal searches for: the amount read exactly in the filter's currency (or the
 * counter's), the days as local midnights. Refused with the amount's own words when it is not
 * an amount.
 */
export function historyFilterOf(
  input: HistoryFilterInput,
  defaultCurrency: Currency,
): Result<HistoryFilter, ErrorCode> {
  const currency = (input.currency ?? defaultCurrency) as Currency;
  let amount: number | undefined;
  if (input.amount !== undefined && input.amount.trim() !== '') {
    const parsed = parseAmount(input.amount, currency);
    if (!parsed.ok) return parsed;
    amount = parsed.value;
  }
  return ok({
    ...(input.paymentId?.trim() ? { paymentIdPrefix: input.paymentId.trim() } : {}),
    ...(amount !== undefined ? { amount } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.from ? { from: dayStart(input.from) } : {}),
    ...(input.to ? { to: dayStart(input.to, 1) } : {}),
    ...(input.staffId !== undefined ? { staffId: input.staffId } : {}),
  });
}

/** A page's place in the history, as the screens carry it. */
export function encodeCursor(cursor: HistoryCursor): string {
  return `${cursor.createdAt}:${cursor.id}`;
}

/** A cursor this app made, or undefined. */
export function decodeCursor(text: string): HistoryCursor | undefined {
  const at = text.indexOf(':');
  const createdAt = Number(text.slice(0, at));
  return at > 0 && Number.isSafeInteger(createdAt)
    ? { createdAt, id: text.slice(at + 1) }
    : undefined;
}
