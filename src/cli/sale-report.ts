import { learnedVia, type Journal, type PaymentRecord } from '../main/command-line';
import { formatWithCode } from '../shared/money';
import type { Progress } from './progress';

/** How a sale ended, in the command line's words (the same for the terminal and --json). */
export interface SaleEnd {
  readonly status: 'success' | 'decline' | 'expired';
  readonly code: string;
  readonly message: string;
  readonly learnedFrom: 'callback' | 'status';
}

/** The end of a settled sale as the counter's journal records it (undefined while open). */
export function saleEnd(journal: Journal, record: PaymentRecord): SaleEnd | undefined {
  const status =
    record.state === 'succeeded'
      ? 'success'
      : record.state === 'declined'
        ? 'decline'
        : record.state === 'expired'
          ? 'expired'
          : undefined;
  if (!status) return undefined;
  const settling = journal.transitionsOf(record.id).findLast((t) => t.to === record.state);
  return {
    status,
    code: record.gateCode ?? '',
    message: record.gateMessage ?? '',
    learnedFrom: learnedVia(settling?.detail) ?? 'status',
  };
}

/** Prints a sale's end: one JSON object on stdout, or one line for people. */
export function reportSale(
  json: boolean,
  progress: Progress,
  record: PaymentRecord,
  end: SaleEnd,
  /** Who took the sale (the journal's record of it). */
  taken?: { readonly staffName: string | null },
): void {
  if (json) {
    const result = {
      payment_id: record.id,
      project_id: record.projectId,
      ...(record.mode === 'payment_page' ? { mode: 'payment-page' } : {}),
      request_id: record.requestId,
      status: end.status,
      code: end.code,
      message: end.message,
      amount: record.amount,
      currency: record.currency,
      learned_from: end.learnedFrom,
      staff: taken?.staffName ?? null,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const word =
    end.status === 'success' ? 'PAID' : end.status === 'decline' ? 'DECLINED' : 'EXPIRED';
  progress.line(
    `${word} ${formatWithCode(record.amount, record.currency)} · payment ${record.id} · ${end.code} ${end.message} (from ${end.learnedFrom})`,
  );
}
