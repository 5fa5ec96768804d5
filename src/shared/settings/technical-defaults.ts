/**
 * The defaults of the settings a merchant rarely changes (the ones Settings keeps under
 * Advanced), written once: main starts a fresh counter with them, and Settings shows each
 * beside its field so that a changed value can be told from the usual one.
 */
export const TECHNICAL_DEFAULTS = {
  /** ecommpay's production Gate. */
  gateUrl: 'https://api.ecommpay.com',
  /** ecommpay's production Payment Page. */
  paymentPageUrl: 'https://paymentpage.ecommpay.com',
  terminalId: 'T01',
  /** Loopback: only a tunnel or reverse proxy on this computer reaches the listener. */
  callbackBindAddress: '127.0.0.1',
  callbackPort: 8091,
  acceptedQrKinds: ['qr_data', 'qr_url', 'qr_img', 'redirect'],
  /** Gate declines a payment nobody finished after this long (an hour at most, per ecommpay). */
  thresholdSeconds: 3600,
  paymentPageLifetimeSeconds: 600,
} as const;

/** The QR forms Gate may send a counter. */
export const QR_KINDS = TECHNICAL_DEFAULTS.acceptedQrKinds;
export type QrKind = (typeof QR_KINDS)[number];
