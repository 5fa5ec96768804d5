import type { PaymentView, RefundView } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { PrintNoticeLine } from './PrintNoticeLine';
import './printing.css';

const PAID = new Set(['succeeded', 'partially_refunded', 'refunded']);

/** Reprint of a paid payment's slips on the receipt printer (each says it is a reprint). */
export function ReceiptPrintButtons({ payment }: { payment: PaymentView }) {
  const { say } = useSay();
  const print = useCounter((s) => s.printReceipt);
  if (!PAID.has(payment.state)) return null;
  return (
    <div className="print-actions no-print">
      <button type="button" onClick={() => void print(payment.id, 'customer')}>
        {say('printing.reprint.receipt')}
      </button>
      <button type="button" onClick={() => void print(payment.id, 'merchant')}>
        {say('printing.reprint.merchant')}
      </button>
      <PrintNoticeLine />
    </div>
  );
}

/** Reprint of a refund's slip, for a refund that went through. */
export function RefundPrintButton({ refund }: { refund: RefundView }) {
  const { say } = useSay();
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
      {say('printing.reprint.refund')}
    </button>
  );
}
