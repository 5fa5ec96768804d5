/** How the sandbox hands the QR to the merchant in the intermediate callback. */
export const QR_MODES = ['qr_data', 'qr_url', 'qr_img', 'redirect', 'redirect_post'] as const;
export type QrMode = (typeof QR_MODES)[number];

/** A QR mode as typed on a command line: `redirect-post` and `redirect_post` are the same. */
export function qrModeOf(text: string): QrMode | undefined {
  const mode = text.replace(/-/g, '_');
  return (QR_MODES as readonly string[]).includes(mode) ? (mode as QrMode) : undefined;
}

/** One ecommpay project the sandbox serves, with its own secret. */
export interface SandboxProject {
  readonly id: number;
  readonly secret: string;
  /** How the QR is delivered; `qr_data` by default. */
  readonly qrMode?: QrMode;
  /** The project's callback URL, used when a request has no `merchant_callback_url`. */
  readonly callbackUrl?: string;
  /**
   * Every Gate sale asks for clarification (customer fields a counter cannot know) instead of
   * showing a QR, as a provider may.
   */
  readonly clarification?: boolean;
}

/** Statuses a sandbox payment goes through. */
export type SandboxPaymentStatus =
  | 'processing'
  | 'awaiting customer action'
  | 'awaiting redirect result'
  | 'awaiting clarification'
  | 'success'
  | 'decline'
  | 'partially refunded'
  | 'refunded';

/** An operation on a payment: the sale and each refund. */
export interface SandboxOperation {
  readonly id: number;
  readonly type: 'sale' | 'refund';
  status:
    | 'processing'
    | 'awaiting customer action'
    | 'awaiting redirect result'
    | 'awaiting clarification'
    | 'success'
    | 'decline';
  readonly requestId: string;
  readonly amount: number;
  readonly currency: string;
  readonly createdAt: Date;
  date: Date;
  code: string;
  message: string;
  readonly merchantRefundId?: string;
  readonly providerPaymentId: string;
}

/** One delivery attempt of a callback. */
export interface CallbackAttempt {
  readonly attempt: number;
  readonly at: Date;
  /** HTTP status the receiver answered, or undefined when the connection failed. */
  readonly httpStatus?: number;
  readonly error?: string;
  readonly dropped?: boolean;
}

/** A callback the sandbox is delivering or has delivered. */
export interface CallbackDelivery {
  readonly kind: 'intermediate' | 'final' | 'refund';
  readonly url: string;
  readonly body: Record<string, unknown>;
  readonly attempts: CallbackAttempt[];
  delivered: boolean;
  /** No further attempt will be made (delivered, dropped, or 120 attempts spent). */
  finished: boolean;
}

/** Where a payment came from. */
export type PaymentSource = 'gate' | 'payment_page';

/** A payment as the sandbox knows it: the truth tests compare the counter against. */
export interface SandboxPayment {
  readonly projectId: number;
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly description: string;
  readonly customerId: string;
  readonly source: PaymentSource;
  readonly createdAt: Date;
  readonly callbackUrl?: string;
  /** The sale request's `return_url`: where the customer page sends the phone afterwards. */
  readonly returnUrls?: { readonly return: string; readonly success?: string };
  /** Secret path segment of the customer page (the URL inside the QR). */
  readonly token: string;
  readonly qrMode: QrMode;
  status: SandboxPaymentStatus;
  readonly operations: SandboxOperation[];
  /** Refunded so far (successful refunds). */
  refunded: number;
  /** Refunds accepted but not yet settled: counted against what remains. */
  refundsPending: number;
  readonly qrExpiresAt: number;
  customerAction?: 'success' | 'decline';
  customerLastName?: string;
  readonly callbacks: CallbackDelivery[];
  /** Cancels the QR expiry and threshold timers once the payment is final. */
  cancelTimers: Array<() => void>;
  /** An intermediate callback held back by the `finalBeforeIntermediate` fault. */
  heldIntermediate?: CallbackDelivery;
  /**
   * What the intermediate callback told the merchant to show (`display_data`, `redirect_data`
   * or `clarification_fields`): status answers repeat it while the customer has not paid.
   */
  instructions?: Record<string, unknown>;
  /** The customer's own details a clarification asked for, none of which can arrive here. */
  readonly clarification: boolean;
}

/** Faults the sandbox can inject, for tests of what goes wrong in production. */
export interface SandboxFaults {
  /** Callbacks: never delivered. A number drops only that many (then normal). */
  readonly dropCallbacks?: boolean | number;
  /** Callbacks: wait this many real milliseconds before each delivery attempt. */
  readonly delayCallbacksMs?: number;
  /** Callbacks: send each one this many extra times. */
  readonly duplicateCallbacks?: number;
  /** Callbacks: hold a payment's intermediate callback until after its final one. */
  readonly finalBeforeIntermediate?: boolean;
  /**
   * Status answers: refund operations without `merchant_refund_id` (the sandbox echoes it by
   * default; whether Gate does is unconfirmed), so only `request_id` identifies them.
   */
  readonly omitMerchantRefundId?: boolean;
  /** Status answers: sent without a signature, or signed with a wrong key. */
  readonly statusSignature?: 'missing' | 'wrong';
  /** API requests: faults consumed one request at a time, in order. */
  readonly requests?: readonly RequestFault[];
}

/** Which API endpoint a request fault applies to. */
export type FaultEndpoint = 'sale' | 'refund' | 'status' | 'any';

/** One fault on API requests, applied to the next `count` matching requests (default 1). */
export interface RequestFault {
  readonly endpoint: FaultEndpoint;
  /**
   * - `5xx_before`: answer 503 without processing the request.
   * - `5xx_after`: process the request, then answer 502 with no Gate body (outcome unknown).
   * - `cut_before`: close the connection without processing.
   * - `cut_after`: process the request, then close the connection without answering.
   * - `slow`: process, then answer after `ms` milliseconds.
   */
  readonly action: '5xx_before' | '5xx_after' | 'cut_before' | 'cut_after' | 'slow';
  readonly ms?: number;
  readonly count?: number;
}
