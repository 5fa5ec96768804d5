import { err, type ErrorCode, type Result } from '../../shared/result';
import { bestBeforeText } from '../gate';
import type { PaymentRecord } from '../journal/payment-record';
import type { Settings } from '../settings/settings';
import type { PaymentTransitions } from './payment-transitions';
import { walkInCustomerId } from './gate-qr-sale';

/** Signs a Payment Page link with the project secret (the secret stays in main). */
export type LinkSigner = (params: Record<string, string | number>) => Result<string, ErrorCode>;

/**
 * Payment Page link mode, after the journal: a signed link with a best_before at
 * the end of the payment's lifetime, shown as the QR. Nothing is sent to Gate: the payment
 * exists there only once the customer confirms the form, and polling learns the result.
 * Returns false when no link could be made (the payment is then rejected: nothing was shown).
 */
export function showPaymentPageLink(
  created: PaymentRecord,
  settings: Settings,
  callbackUrl: string | undefined,
  signLink: LinkSigner | undefined,
  transitions: PaymentTransitions,
  now: number,
): boolean {
  const id = created.id;
  const expiresAt = now + settings.paymentPageLifetimeSeconds * 1000;
  const link =
    signLink?.({
      project_id: created.projectId,
      payment_id: id,
      payment_amount: created.amount,
      payment_currency: created.currency,
      customer_id: walkInCustomerId(id),
      language_code: 'zh',
      force_payment_method: 'alipay',
      best_before: bestBeforeText(expiresAt),
      ...(callbackUrl ? { merchant_callback_url: callbackUrl } : {}),
    }) ?? err('NOT_CONFIGURED', 'Payment Page links are not available.');
  if (!link.ok) {
    transitions.apply(
      id,
      { type: 'rejected', code: link.error.code, message: link.error.message },
      'Payment Page link refused',
      { gateCode: link.error.code, gateMessage: link.error.message },
    );
    return false;
  }
  const qr = { kind: 'text', text: link.value } as const;
  transitions.apply(
    id,
    { type: 'customer_instructions', qr, qrExpiresAt: expiresAt, firstQr: true },
    'Payment Page link shown as the QR',
    { qr, qrExpiresAt: expiresAt },
  );
  return true;
}
