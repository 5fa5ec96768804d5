import { said } from '../../shared/i18n/said';
import { isCurrency, type Currency } from '../../shared/money';
import { isPaid, isSettled, PAYMENT_STATES, type PaymentState } from '../../shared/payment-state';
import { qrViewSchema, type PaymentView, type QrView } from '../../shared/ipc/views';

/** What every payment has, whatever its state. */
interface PaymentFacts {
  readonly id: string;
  readonly projectId: number;
  readonly terminalId: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Gate's request id once it acknowledged the sale. */
  readonly requestId: string | null;
  /** The QR the customer was shown, if any (kept after the sale ends, for its detail). */
  readonly qr: QrView | null;
  readonly qrExpiresAt: number | null;
  /** Gate's code and words for the last thing it said, or why the counter concluded. */
  readonly gateCode: string | null;
  readonly gateMessage: string | null;
  /** When the cashier pressed Cancel; the payment is still tracked to its final state. */
  readonly cancelledAt: number | null;
  /** How the customer pays: Gate's QR, or a Payment Page link shown as a QR. */
  readonly mode: PurchaseMode;
}

/** Where a late payment's alert stands: only a paid payment can have one. */
export type LateAlert = 'open' | 'kept' | 'refund_requested';

/**
 * A payment as the journal holds it, by state: open ones have no settlement time, money or
 * alert; one waiting for the customer has its QR; ended ones have the time they ended (reports
 * file them there); only paid ones carry refunds and a late-payment alert.
 */
export type PaymentRecord = PaymentFacts &
  (
    | {
        readonly state: 'created' | 'requested' | 'unknown';
        readonly settledAt: null;
        readonly lateAlert: null;
        readonly refundedAmount: 0;
      }
    | {
        readonly state: 'awaiting_customer';
        readonly qr: QrView;
        readonly settledAt: null;
        readonly lateAlert: null;
        readonly refundedAmount: 0;
      }
    | {
        readonly state: 'succeeded' | 'partially_refunded' | 'refunded';
        readonly settledAt: number;
        readonly lateAlert: LateAlert | null;
        readonly refundedAmount: number;
      }
    | {
        readonly state: 'declined' | 'rejected' | 'expired';
        readonly settledAt: number;
        readonly lateAlert: null;
        readonly refundedAmount: 0;
      }
  );

/** The two ways a sale reaches the customer. */
export type PurchaseMode = 'gate_qr' | 'payment_page';

/** Fields a transition may change besides the state. */
export type PaymentPatch = Partial<
  Pick<
    PaymentFacts,
    'requestId' | 'qr' | 'qrExpiresAt' | 'gateCode' | 'gateMessage' | 'cancelledAt'
  > & {
    readonly lateAlert: LateAlert | null;
    readonly refundedAmount: number;
  }
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

/** A payment row that does not hold what the journal writes: an edited or damaged file. */
export class JournalRowError extends Error {
  override readonly name = 'JournalRowError';
}

/**
 * Row → record, checked: every field of the type the journal writes, and the state's own
 * facts (an open payment has no settlement time, money back or alert; one waiting for the
 * customer has its QR; only a paid one has refunds or an alert). Throws JournalRowError.
 */
export function fromRow(row: PaymentRow): PaymentRecord {
  const bad = (what: string): never => {
    throw new JournalRowError(`payment ${String(row.id)} in the journal: ${what}`);
  };
  const text = (value: unknown, what: string) =>
    typeof value === 'string' ? value : bad(`${what} is not text`);
  const int = (value: unknown, what: string) =>
    Number.isSafeInteger(value) ? (value as number) : bad(`${what} is not a whole number`);
  const optional = <T>(value: unknown, read: (v: unknown, what: string) => T, what: string) =>
    value === null ? null : read(value, what);
  const currency = text(row.currency, 'its currency');
  if (!isCurrency(currency)) bad(`currency ${currency} is not one the counter takes`);
  const state = text(row.state, 'its state');
  if (!PAYMENT_STATES.includes(state as PaymentState)) bad(`state ${state} is unknown`);
  const mode = text(row.mode, 'its purchase mode');
  if (mode !== 'gate_qr' && mode !== 'payment_page') bad(`purchase mode ${mode} is unknown`);
  const lateAlert = optional(row.late_alert, text, 'its late alert');
  if (lateAlert !== null && !LATE_ALERTS.has(lateAlert)) bad(`late alert ${lateAlert} is unknown`);
  const facts: PaymentFacts = {
    id: text(row.id, 'its id'),
    projectId: int(row.project_id, 'its project'),
    terminalId: text(row.terminal_id, 'its terminal'),
    amount: int(row.amount, 'its amount'),
    currency: currency as Currency,
    createdAt: int(row.created_at, 'its creation time'),
    updatedAt: int(row.updated_at, 'its update time'),
    requestId: optional(row.request_id, text, 'its request id'),
    qr: row.qr === null ? null : qrOf(row.qr, bad),
    qrExpiresAt: optional(row.qr_expires_at, int, 'its QR expiry'),
    gateCode: optional(row.gate_code, text, "Gate's code"),
    gateMessage: optional(row.gate_message, text, "Gate's message"),
    cancelledAt: optional(row.cancelled_at, int, 'its cancel time'),
    mode: mode as PurchaseMode,
  };
  const settledAt = optional(row.settled_at, int, 'its settlement time');
  const refundedAmount = int(row.refunded_amount, 'its refunded amount');
  const alert = lateAlert as LateAlert | null;
  const s = state as PaymentState;
  // Ended (paid or not): the time it ended is what reports file it under.
  const endedAt = (): number => settledAt ?? bad(`${s} with no settlement time`);
  if (isPaid(s))
    return {
      ...facts,
      state: s as 'succeeded',
      settledAt: endedAt(),
      lateAlert: alert,
      refundedAmount,
    };
  if (refundedAmount !== 0) bad(`${s} with money refunded`);
  if (alert !== null) bad(`${s} with a late-payment alert`);
  const unpaid = { lateAlert: null, refundedAmount: 0 } as const;
  if (isSettled(s)) return { ...facts, ...unpaid, state: s as 'declined', settledAt: endedAt() };
  if (settledAt !== null) bad(`${s} with a settlement time`);
  if (s === 'awaiting_customer') {
    if (facts.qr === null) bad('waiting for the customer with no QR');
    return { ...facts, ...unpaid, state: s, qr: facts.qr!, settledAt: null };
  }
  return { ...facts, ...unpaid, state: s as 'created', settledAt: null };
}

const LATE_ALERTS: ReadonlySet<string> = new Set<LateAlert>(['open', 'kept', 'refund_requested']);

/** The QR a row keeps, as JSON; a damaged one is refused. */
function qrOf(json: string, bad: (what: string) => never): QrView {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return bad('its QR is not JSON');
  }
  const parsed = qrViewSchema.safeParse(withSaidMessage(value));
  return parsed.success ? parsed.data : bad('its QR is not one the screens can show');
}

/**
 * A QR that could not be shown was kept with an English sentence before the windows spoke
 * other languages: it reads as the general message, the sentence as its detail.
 */
function withSaidMessage(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const qr = value as { kind?: unknown; message?: unknown };
  if (qr.kind !== 'unscannable' || typeof qr.message !== 'string') return value;
  return { kind: 'unscannable', message: said('cashier.qr.unscannable.other'), detail: qr.message };
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
