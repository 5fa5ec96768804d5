import type { Currency } from '../../shared/money';
import type { CurrencyTotals } from '../journal/report-queries';

/** What a customer or merchant slip of a paid sale says. Amounts in minor units. */
export interface SaleSlipFacts {
  readonly merchantName: string;
  readonly terminalId: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly currency: Currency;
  /** When the payment succeeded (ms since the epoch). */
  readonly paidAt: number;
  /** Gate's id of the sale operation, when Gate sent it. */
  readonly operationId: string | null;
}

/** What a refund slip says. Amounts in minor units of the payment's currency. */
export interface RefundSlipFacts {
  readonly merchantName: string;
  readonly terminalId: string;
  readonly paymentId: string;
  readonly refundId: string;
  readonly currency: Currency;
  readonly paymentAmount: number;
  readonly refundAmount: number;
  /** What could still be refunded right after this refund. */
  readonly remaining: number;
  readonly reason: string;
  readonly refundedAt: number;
}

/** Totals of one currency in a report, as the journal adds them up (cancelled sales not printed). */
export type ReportSlipCurrency = Omit<CurrencyTotals, 'currency' | 'cancelled'> & {
  readonly currency: Currency;
};

/** What an X or Z report slip says. */
export interface ReportSlipFacts {
  readonly merchantName: string;
  readonly terminalId: string;
  readonly kind: 'X' | 'Z';
  readonly number: number | null;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly currencies: readonly ReportSlipCurrency[];
  readonly open: { readonly payments: number; readonly refunds: number };
  /** The audit chain's head hash recorded with the Z report (null for X, or an empty log). */
  readonly auditHeadHash: string | null;
  /** The Z's digest of its period's payments, refunds and transitions (null for X). */
  readonly periodDigest: string | null;
  readonly printedAt: number;
}

/** Which copy of a slip: the customer's or the merchant's. */
export type SlipCopy = 'customer' | 'merchant';
