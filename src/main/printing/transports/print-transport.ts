import type { Said } from '../../../shared/i18n/said';

/** A slip ready to go out: the printer's bytes, and the picture for printers with a driver. */
export interface PrintPayload {
  /** ESC/POS bytes (raw printers). */
  readonly bytes: Buffer;
  /** The same slip as an SVG picture (driver printers print it as a page); made on demand. */
  readonly svg: () => string;
  /** A short name for the print queue ("Receipt T01-261202-174012-9f3a2b"), in the store's language. */
  readonly title: string;
  /** The paper width, for driver printers' page size. */
  readonly paperWidthMm: number;
}

/** Whether the printer took the slip, or why not, as a message a cashier can act on. */
export type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: Said };

/** One way to a printer: network, CUPS, the Windows spooler or a driver. */
export interface PrintTransport {
  /** What the cashier sees as the printer ("network printer 192.168.1.50:9100"). */
  readonly description: Said;
  /** Sends one slip; never throws: every failure is a reason. */
  send(payload: PrintPayload): Promise<SendOutcome>;
}

export const sent: SendOutcome = { ok: true };
export const failed = (reason: Said): SendOutcome => ({ ok: false, reason });
