import type { EventEmitter } from 'node:events';
import type { Journal } from '../journal/journal';
import type { PrintJobKind } from '../journal/print-job-journal';
import type { PaymentRecord } from '../journal/payment-record';
import type { RefundRecord } from '../journal/refund-journal';
import { createLogger } from '../logging/logger';
import type { PaymentEventBus } from '../payments/payment-events';
import type { Settings } from '../settings/settings';
import type { PrintQueue } from './print-queue';

const log = createLogger('printing');

/**
 * Prints the slips a sale or a refund calls for, once each: the customer's slip (and the
 * merchant's copy, if set) when a payment succeeds or a refund goes through. A late payment
 * prints when the cashier keeps it. Hung off the services' events, it can never block or undo
 * what they do: the slip is queued (a journal row) and sent later; nothing here throws.
 */
export function startAutoPrint(deps: {
  readonly queue: PrintQueue;
  readonly journal: Journal;
  readonly settings: () => Settings;
  readonly payments: PaymentEventBus;
  readonly refunds: EventEmitter<{ updated: [RefundRecord] }>;
}): () => void {
  const queueOnce = (kinds: PrintJobKind[], paymentId: string, refundId: string | null) => {
    for (const kind of kinds) {
      if (deps.journal.printJobs.hasAutomatic(kind, paymentId, refundId)) continue;
      const queued = deps.queue.enqueue({ kind, paymentId, refundId });
      if (!queued.ok)
        log.warn('slip not queued', { kind, paymentId, reason: queued.error.message });
    }
  };
  const wanted = (customer: PrintJobKind, merchant: PrintJobKind): PrintJobKind[] => {
    const printer = deps.settings().printer;
    if (printer.kind === 'none') return [];
    return [
      ...(printer.autoPrintCustomer ? [customer] : []),
      ...(printer.autoPrintMerchant ? [merchant] : []),
    ];
  };
  const onPayment = (payment: PaymentRecord) => {
    try {
      if (payment.state !== 'succeeded') return;
      if (payment.lateAlert !== null && payment.lateAlert !== 'kept') return;
      queueOnce(wanted('customer', 'merchant'), payment.id, null);
    } catch (error) {
      log.error('auto-print of a sale failed', { paymentId: payment.id, error: String(error) });
    }
  };
  const onRefund = (refund: RefundRecord) => {
    try {
      if (refund.state !== 'succeeded') return;
      queueOnce(wanted('refund_customer', 'refund_merchant'), refund.paymentId, refund.id);
    } catch (error) {
      log.error('auto-print of a refund failed', { refundId: refund.id, error: String(error) });
    }
  };
  deps.payments.on('updated', onPayment);
  deps.refunds.on('updated', onRefund);
  return () => {
    deps.payments.off('updated', onPayment);
    deps.refunds.off('updated', onRefund);
  };
}
