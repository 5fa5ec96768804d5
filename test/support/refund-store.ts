import type { GateOperation } from '../../src/main/gate';
import { Journal } from '../../src/main/journal/journal';
import type { RefundRecord } from '../../src/main/journal/refund-journal';
import { createMoneyPath, type MoneyPathDeps } from '../../src/main/payments/money-path';
import type { Settings } from '../../src/main/settings/settings';
import { ok } from '../../src/shared/result';
import {
  fakeGate,
  journaledPayment,
  PROJECT_ID,
  receivedCallback,
  testSettings,
} from './fake-gate';

/** How long after a refund "not found" still means "not yet" in these stores. */
export const NOT_FOUND_GRACE_MS = 60_000;

/**
 * The refund service as the app builds it (with the payment service, over one journal and one
 * Gate): a paid payment of 100.00 CNY to refund, a clock the test moves.
 */
export function refundStore(
  options: { settings?: Partial<Settings>; deps?: Partial<MoneyPathDeps> } = {},
) {
  const journal = new Journal(':memory:');
  const gate = fakeGate();
  const settings = testSettings({ storeIpAddress: '93.184.216.34', ...options.settings });
  const { payments, refunds } = createMoneyPath({
    journal,
    gate: () => ok(gate),
    settings: () => settings,
    callbackUrl: () => 'https://shop.example/callback',
    isOnScreen: () => false,
    now: () => Date.now(),
    notFoundGraceMs: NOT_FOUND_GRACE_MS,
    ...options.deps,
  });
  const paid = journaledPayment(journal, 'T01-PAID', 'succeeded', { amount: 10_000 });
  const refund = async (amount: number, extra: { refundId?: string } = {}) =>
    refunds.refund({
      paymentId: paid.id,
      amount,
      reason: 'wrong size',
      actor: 'manager',
      ...extra,
    });
  const refunded = async (amount: number) => {
    const result = await refund(amount);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  /** Gate's callback about a refund operation of `r`, as it signs it. */
  const callback = (r: RefundRecord, status: string, operation: Partial<GateOperation> = {}) =>
    receivedCallback({
      project_id: PROJECT_ID,
      payment: { id: r.paymentId, status: 'success', sum: { amount: 10_000, currency: 'CNY' } },
      operation: {
        type: 'refund',
        status,
        request_id: r.requestId ?? undefined,
        merchant_refund_id: r.id,
        sum_initial: { amount: r.amount, currency: r.currency },
        ...(status === 'success' ? { code: '0', message: 'Success' } : {}),
        ...(status === 'decline' ? { code: '20105', message: 'Refund declined' } : {}),
        ...operation,
      },
    });
  return { journal, gate, payments, refunds, paid, refund, refunded, callback };
}
