import { said } from '../../shared/i18n/said';
import type { QrView } from '../../shared/ipc/views';
import type { CustomerInstructions, InstructionCarrier } from '../gate/display-data';
import type { RedirectData } from '../gate/gate-schemas';
import type { PaymentRecord } from '../journal/payment-record';
import type { Settings } from '../settings/settings';
import { fetchQrImage, qrViewOf } from './qr-view';
import { decide } from './sale-state-machine';

/** What turning Gate's instructions into a QR may use. */
export interface CustomerQrDeps {
  readonly fetchImage?: (url: string) => Promise<QrView>;
  /**
   * Makes a POST redirect scannable (the callback relay hosts it as a page); undefined when
   * it cannot, and the sale then shows as unscannable with its Payment Page fallback.
   */
  readonly hostRedirect?: (
    redirect: RedirectData,
    qrTimeoutSeconds: number | undefined,
  ) => Promise<QrView | undefined>;
}

/**
 * The QR both screens show for Gate's instructions, whichever carried them first (the
 * intermediate callback, or a status answer repeating it): a POST redirect becomes a page the
 * relay hosts where it can, anything else the QR view of the instructions. `hosted` says which.
 */
export async function customerQr(
  payment: PaymentRecord,
  instructions: CustomerInstructions,
  carrier: InstructionCarrier,
  settings: Settings,
  deps: CustomerQrDeps,
): Promise<{ readonly qr: QrView; readonly hosted: boolean }> {
  const hosted =
    instructions.qr.kind === 'unscannable_redirect' &&
    carrier.redirect_data &&
    settings.acceptedQrKinds.includes('redirect') &&
    willShowQr(payment)
      ? await deps.hostRedirect?.(carrier.redirect_data, instructions.qrTimeoutSeconds)
      : undefined;
  if (hosted) return { qr: hosted, hosted: true };
  return {
    qr: await qrViewOf(instructions.qr, settings, deps.fetchImage ?? fetchQrImage),
    hosted: false,
  };
}

/**
 * Whether the state machine would show a QR for this payment now: a page is published at the
 * relay only then, not for a repeat (a replayed callback) nor for a payment that has ended.
 * The decision does not depend on the QR itself, so a placeholder stands in for it.
 */
function willShowQr(payment: PaymentRecord): boolean {
  return (
    decide(payment.state, {
      type: 'customer_instructions',
      qr: { kind: 'unscannable', message: said('cashier.qr.unscannable.other') },
      qrExpiresAt: null,
      firstQr: payment.qr === null,
    }).kind === 'move'
  );
}
