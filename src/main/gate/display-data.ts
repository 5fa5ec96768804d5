import type { DisplayItem, GateCallback, RedirectData } from './gate-schemas';

/** How the QR reaches the counter (seed: "Array display_data", "Object redirect_data"). */
export type QrSource =
  /** A string to draw as a QR code ourselves. */
  | { readonly kind: 'qr_data'; readonly data: string }
  /** A link to an image of the QR code; main fetches it so the renderer's CSP stays strict. */
  | { readonly kind: 'qr_url'; readonly url: string }
  /** A Base64 image of the QR code. */
  | { readonly kind: 'qr_img'; readonly base64: string }
  /** A redirect that cannot become a QR (POST with a body): the method setting must change. */
  | { readonly kind: 'unscannable_redirect'; readonly method: string; readonly url: string };

/** What an intermediate callback tells the counter to show. */
export interface CustomerInstructions {
  readonly qr: QrSource;
  /** Seconds the QR stays valid, from the `QR Code Timeout` add_info item, if present. */
  readonly qrTimeoutSeconds?: number;
}

const QR_TIMEOUT_TITLE = 'qr code timeout';

/**
 * Reads the QR and its lifetime from an intermediate callback. `redirect_data` with GET becomes a
 * QR of the URL with its query (body fields appended); with POST it cannot be scanned.
 * Undefined when the callback carries neither.
 */
export function customerInstructions(callback: GateCallback): CustomerInstructions | undefined {
  const items = callback.display_data ?? [];
  const qrItem = items.find(
    (item) => item.type === 'qr_data' || item.type === 'qr_url' || item.type === 'qr_img',
  );
  const timeout = qrTimeoutSeconds(items);
  const withTimeout = (qr: QrSource): CustomerInstructions =>
    timeout === undefined ? { qr } : { qr, qrTimeoutSeconds: timeout };
  if (qrItem) return withTimeout(qrFromItem(qrItem));
  if (callback.redirect_data) return withTimeout(qrFromRedirect(callback.redirect_data));
  return undefined;
}

function qrFromItem(item: DisplayItem): QrSource {
  switch (item.type) {
    case 'qr_url':
      return { kind: 'qr_url', url: item.data };
    case 'qr_img':
      return { kind: 'qr_img', base64: item.data };
    default:
      return { kind: 'qr_data', data: item.data };
  }
}

function qrFromRedirect(redirect: RedirectData): QrSource {
  if (redirect.method.toUpperCase() !== 'GET') {
    return {
      kind: 'unscannable_redirect',
      method: redirect.method.toUpperCase(),
      url: redirect.url,
    };
  }
  const url = new URL(redirect.url);
  const body = redirect.body;
  if (body && !Array.isArray(body)) {
    for (const [key, value] of Object.entries(body)) url.searchParams.append(key, String(value));
  }
  return { kind: 'qr_data', data: url.toString() };
}

function qrTimeoutSeconds(items: readonly DisplayItem[]): number | undefined {
  const item = items.find(
    (i) => i.type === 'add_info' && i.title?.trim().toLowerCase() === QR_TIMEOUT_TITLE,
  );
  if (!item) return undefined;
  const seconds = Number(item.data);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
