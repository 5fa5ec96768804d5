import type { ErrorCode, Result } from '../../shared/result';
import type { QrView } from '../../shared/ipc/views';
import type { GateCallback, GateClient } from '../gate';
import type { PaymentRecord, PurchaseMode } from '../journal/payment-record';
import type { CallbackStep } from './callback-application';
import type { CustomerQrDeps } from './customer-qr';
import type { GateSaleStep } from './gate-qr-sale';
import type { LinkSigner } from './payment-page-link';
import type { Applied } from './state-change';
import type { GateServiceDeps } from './polled-service';
import type { GateAnswerHealth } from './status-reconciler';

/** How one sale is taken, beyond its amount. */
export interface SaleOptions {
  /** Runs as soon as the payment is journaled (the screens show it while Gate answers). */
  readonly onCreated?: (payment: PaymentRecord) => void;
  /** The payment id to use; a fresh one from the terminal id and the time by default. */
  readonly paymentId?: string;
  /** What Gate and the customer see as the purchase (`payment.description`). */
  readonly description?: string;
}

/** Points in a sale where tests may stop the process (crash tests); no effect otherwise. */
export type SaleStep = 'journal-created' | GateSaleStep | CallbackStep;

/** The Gate client, or why there is none (not configured, keychain unavailable). */
export type GateAccess = Result<GateClient, 'NOT_CONFIGURED' | 'KEYCHAIN_UNAVAILABLE'>;

/** What the payment service needs from the rest of main. */
export interface PaymentServiceDeps extends GateServiceDeps {
  /** Why a new sale may not start (setup unfinished), checked before anything is journaled. */
  readonly canCharge?: () => Result<void, ErrorCode>;
  /** True when the payment is the one on the counter's screen (else a late success alerts). */
  readonly isOnScreen: (paymentId: string) => boolean;
  readonly fetchImage?: (url: string) => Promise<QrView>;
  readonly onStep?: (step: SaleStep, paymentId: string) => void;
  /** Where refund callbacks go (the refund service). */
  readonly onRefundCallback?: (callback: GateCallback) => Applied;
  /** How this counter takes the next sale: Gate QR, or a Payment Page link. */
  readonly purchaseMode?: () => PurchaseMode;
  /** Signs a Payment Page link with the project secret. */
  readonly paymentPageLink?: LinkSigner;
  /** Status polling interval for Payment Page payments (5 s; tests shorten it). */
  readonly paymentPagePollMs?: number;
  /** What status answers say about signatures (the cashier's banner). */
  readonly onAnswerHealth?: (health: GateAnswerHealth) => void;
  /** Unverified callbacks recorded per source address and minute (30). */
  readonly unverifiedPerMinute?: number;
  /** Makes a POST redirect scannable through the callback relay (see customer-qr.ts). */
  readonly hostRedirect?: CustomerQrDeps['hostRedirect'];
}
