import type { CallbackSender } from './callback-sender';
import type { PaymentStore } from './payment-store';
import type { ScaledClock } from './scaled-clock';
import type { SandboxFaults, SandboxProject } from './sandbox-types';

/** Timings and addresses of one sandbox (nominal seconds, scaled by the clock). */
export interface SandboxSettings {
  /** Base URL customers' phones and browsers use for the customer page and QR images. */
  readonly publicUrl: string;
  /** Lifetime of a QR code, reported as `QR Code Timeout` (seed example: 600). */
  readonly qrTimeoutSeconds: number;
  /** A payment nobody acts on is declined after this long (seed: "up to one hour"). */
  readonly thresholdSeconds: number;
  /** Status answers "not found" for this long after a sale (Gate asks to wait ≥ 10 s). */
  readonly statusNotFoundSeconds: number;
}

/** What the sandbox's handlers share. */
export interface SandboxContext {
  readonly projects: ReadonlyMap<number, SandboxProject>;
  readonly store: PaymentStore;
  readonly clock: ScaledClock;
  readonly sender: CallbackSender;
  readonly settings: SandboxSettings;
  faults(): SandboxFaults;
  log(line: string): void;
}

/** An answer of the JSON API. */
export interface ApiAnswer {
  readonly httpStatus: number;
  readonly body: Record<string, unknown>;
}
