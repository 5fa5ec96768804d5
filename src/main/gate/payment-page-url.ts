import { err, ok, type Result } from '../../shared/result';
import { sign } from '../../protocol/signer';
import { PRODUCTION_PAYMENT_PAGE_URL } from './gate-paths';

/** A Payment Page parameter value: nested data must be JSON-encoded by the caller. */
export type PaymentPageValue = string | number | boolean;

/** Payment Page's `best_before` format for an instant: `2020-04-26T13:50:37+00:00` (UTC). */
export function bestBeforeText(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Inputs of a signed Payment Page link. */
export interface PaymentPageLink {
  readonly params: Readonly<Record<string, PaymentPageValue>>;
  readonly secret: string;
  /** Defaults to production, https://paymentpage.ecommpay.com. */
  readonly baseUrl?: string;
}

/**
 * Builds `<base>/payment?<params>&signature=<sig>`: parameters signed with the Gate algorithm,
 * booleans written 1/0 in the URL exactly as they are signed, `signature` last and URL-encoded.
 * Refuses ";" anywhere, which Payment Page forbids in names and values.
 */
export function buildPaymentPageUrl(link: PaymentPageLink): Result<string, 'INVALID_INPUT'> {
  const entries = Object.entries(link.params);
  for (const [key, value] of entries) {
    if (key === 'signature')
      return err(
        'INVALID_INPUT',
        'Payment Page parameters must not include "signature": it is added when signing.',
      );
    if (key.includes(';') || String(value).includes(';')) {
      return err('INVALID_INPUT', `Payment Page forbids ";" in parameters: "${key}" contains one.`);
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return err('INVALID_INPUT', `Payment Page parameter "${key}" is not a finite number.`);
    }
  }
  const text = (value: PaymentPageValue) =>
    typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  const signed = Object.fromEntries(entries.map(([key, value]) => [key, text(value)]));
  const signature = sign(signed, link.secret);
  const query = entries.map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(text(value))}`,
  );
  query.push(`signature=${encodeURIComponent(signature)}`);
  const base = (link.baseUrl ?? PRODUCTION_PAYMENT_PAGE_URL).replace(/\/+$/, '');
  const page = base.endsWith('/payment') ? base : `${base}/payment`;
  return ok(`${page}?${query.join('&')}`);
}
