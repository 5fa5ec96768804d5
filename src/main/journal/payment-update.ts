import { isSettled, type PaymentState } from '../../shared/payment-state';
import type { PaymentPatch } from './payment-record';
import { AFTER_LAST_Z_SQL } from './report-period';

/** Ends with nothing charged that Gate may still overturn: the new result is filed when it came. */
const UNPAID_ENDS: ReadonlySet<string> = new Set(['rejected', 'expired', 'declined']);

const PATCH_COLUMNS: Record<keyof PaymentPatch, string> = {
  requestId: 'request_id',
  qr: 'qr',
  qrExpiresAt: 'qr_expires_at',
  gateCode: 'gate_code',
  gateMessage: 'gate_message',
  cancelledAt: 'cancelled_at',
  lateAlert: 'late_alert',
  refundedAmount: 'refunded_amount',
};

/**
 * The UPDATE of a payment's row for one transition: its state, the time, when it got its result
 * (the time reports file it under), and the patched fields. The caller runs it on the row's id.
 */
export function paymentUpdate(
  from: PaymentState,
  to: PaymentState,
  patch: PaymentPatch,
  at: number,
): { readonly sql: string; readonly values: unknown[] } {
  const sets = ['state = ?', 'updated_at = ?'];
  const values: unknown[] = [to, at];
  // A payment we had marked rejected or expired that Gate then settles is filed when Gate
  // settled it.
  if (isSettled(to) && (!isSettled(from) || UNPAID_ENDS.has(from))) {
    sets.push(`settled_at = MAX(?, ${AFTER_LAST_Z_SQL})`);
    values.push(at);
  } else if (!isSettled(to)) {
    // Reopened (an expired link Gate still processes): no settlement time until it settles.
    sets.push('settled_at = NULL');
  }
  for (const [key, column] of Object.entries(PATCH_COLUMNS) as Array<
    [keyof PaymentPatch, string]
  >) {
    if (!(key in patch)) continue;
    sets.push(`${column} = ?`);
    const value = patch[key];
    values.push(
      key === 'qr' && value !== null && value !== undefined ? JSON.stringify(value) : value,
    );
  }
  return { sql: `UPDATE payments SET ${sets.join(', ')} WHERE id = ?`, values };
}
