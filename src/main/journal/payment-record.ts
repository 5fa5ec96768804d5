import type { Currency } from '../../shared/money';
import type { PaymentState } from '../../shared/payment-state';
import type { PaymentView, QrView } from '../../shared/ipc/views';

/** A payment as the journal holds it. */
export interface PaymentRecord {
  readonly id: string;
  readonly projectId: number;
  readonly terminalId: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly state: PaymentState;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly requestId: string | null;
  readonly qr: QrView | null;
  readonly qrExpiresAt: number | null;
  readonly gateCode: string | null;
  readonly gateMessage: string | null;
  readonly cancelledAt: number | null;
  readonly lateAlert: 'open' | 'kept' | 'refund_requested' | null;
  readonly refundedAmount: number;
  /** When the purchase got its result (succeeded, declined, rejected); reports file it there. */
  readonly settledAt: number | null;
  /** How the customer pays: Gate's QR, or a Payment Page link shown as a QR. */
  readonly mode: PurchaseMode;
}

/** The two ways a sale reaches the customer (issue 5). */
export type PurchaseMode = 'gate_qr' | 'payment_page';

/** Fields a transition may change besides the state. */
export type PaymentPatch = Partial<
  Pick<
    PaymentRecord,
    | 'requestId'
    | 'qr'
    | 'qrExpiresAt'
    | 'gateCode'
    | 'gateMessage'
    | 'cancelledAt'
    | 'lateAlert'
    | 'refundedAmount'
  >
>;

/** The row as SQLite returns it. */
export interface PaymentRow {
  id: string;
  project_id: number;
  terminal_id: string;
  amount: number;
  currency: string;
  state: string;
  created_at: number;
  updated_at: number;
  request_id: string | null;
  qr: string | null;
  qr_expires_at: number | null;
  gate_code: string | null;
  gate_message: string | null;
  cancelled_at: number | null;
  late_alert: string | null;
  refunded_amount: number;
  settled_at: number | null;
  mode: string;
}

/** Row → record. */
export function fromRow(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    terminalId: row.terminal_id,
    amount: row.amount,
    currency: row.currency as Currency,
    state: row.state as PaymentState,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    requestId: row.request_id,
    qr: row.qr === null ? null : (JSON.parse(row.qr) as QrView),
    qrExpiresAt: row.qr_expires_at,
    gateCode: row.gate_code,
    gateMessage: row.gate_message,
    cancelledAt: row.cancelled_at,
    lateAlert: row.late_alert as PaymentRecord['lateAlert'],
    refundedAmount: row.refunded_amount,
    settledAt: row.settled_at,
    mode: row.mode as PurchaseMode,
  };
}

/** Record → what the screens see (nothing secret is in a record). */
export function toView(record: PaymentRecord): PaymentView {
  return {
    id: record.id,
    amount: record.amount,
    currency: record.currency,
    state: record.state,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    qr: record.qr,
    qrExpiresAt: record.qrExpiresAt,
    gateCode: record.gateCode,
    gateMessage: record.gateMessage,
    cancelledAt: record.cancelledAt,
    lateAlert: record.lateAlert,
    refundedAmount: record.refundedAmount,
    settledAt: record.settledAt,
    mode: record.mode,
  };
}
