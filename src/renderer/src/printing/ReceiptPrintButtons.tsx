import type { PaymentView, RefundView } from '../../../shared/ipc/views';
import { useCounter } from '../store';
import { PrintNoticeLine } from './PrintNoticeLine';
import './printing.css';

const PAID = new Set(['succeeded', 'partially_refunded', 'refunded']);

/** Reprint of a paid payment's slips on the receipt printer (each says REPRINT). */
export function ReceiptPrintButtons({ payment }: { payment: PaymentView }) {
  const print = useCounter((s) => s.printReceipt);
  if (!PAID.has(payment.state)) return null;
  return (
    <div className="print-actions no-print">
      <button type="button" onClick={() => void print(payment.id, 'customer')}>
        Reprint slip
      </button>
      <button type="button" onClick={() => void print(payment.id, 'merchant')}>
        Reprint merchant copy
      </button>
      <PrintNoticeLine />
    </div>
  );
}

/** Reprint of a refund's slip, for a refund that went through. */
export function RefundPrintButton({ refund }: { refund: RefundView }) {
  const print = useCounter((s) => s.printReceipt);
  if (refund.state !== 'succeeded') return null;
  return (
    <button
      type="button"
      onClick={(e) => {
        e.stopPropagation();
        void print(refund.paymentId, 'customer', refund.id);
      }}
    >
      Reprint refund slip
    </button>
  );
}
