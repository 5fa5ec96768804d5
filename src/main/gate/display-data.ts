import {
  AWAITING_CLARIFICATION,
  type DisplayItem,
  type GatePaymentBlock,
  type RedirectData,
} from './gate-schemas';

/** How the QR reaches the counter (seed: "Array display_data", "Object redirect_data"). */
export type QrSource =
  /** A string to draw as a QR code ourselves. */
  | { readonly kind: 'qr_data'; readonly data: string }
  /** A link to an image of the QR code; main fetches it so the renderer's CSP stays strict. */
  | { readonly kind: 'qr_url'; readonly url: string }
  /** A Base64 image of the QR code. */
  | { readonly kind: 'qr_img'; readonly base64: string }
  /** A redirect that cannot become a QR (POST with a body): the method setting must change. */
  | { readonly kind: 'unscannable_redirect'; readonly method: string; readonly url: string }
  /** A redirect whose address is not a usable URL. */
  | { readonly kind: 'unusable_redirect'; readonly url: string }
  /** Gate asks for customer fields only the customer can give (`awaiting clarification`). */
  | { readonly kind: 'clarification'; readonly fields: readonly string[] };

/** What an intermediate callback (or a status answer) tells the counter to show. */
export interface CustomerInstructions {
  readonly qr: QrSource;
  /** Seconds the QR stays valid, from the `QR Code Timeout` add_info item, if present. */
  readonly qrTimeoutSeconds?: number;
}

/** The parts of a callback or a status answer that carry what to show the customer. */
export interface InstructionCarrier {
  readonly payment: Pick<GatePaymentBlock, 'status'>;
  readonly display_data?: readonly DisplayItem[] | undefined;
  readonly redirect_data?: RedirectData | undefined;
  readonly clarification_fields?: unknown;
}

const QR_TIMEOUT_TITLE = 'qr code timeout';
const QR_TYPES: ReadonlySet<string> = new Set(['qr_data', 'qr_url', 'qr_img']);

/**
 * Reads the QR and its lifetime from an intermediate callback or a status answer.
 * `redirect_data` with GET becomes a QR of the URL with its query (body fields appended); with
 * POST it cannot be scanned. `awaiting clarification` cannot be finished at the counter.
 * Undefined when it carries none of these.
 */
export function customerInstructions(
  carrier: InstructionCarrier,
): CustomerInstructions | undefined {
  const items = carrier.display_data ?? [];
  const qrItem = items.find(
    (item) => item.type !== undefined && QR_TYPES.has(item.type) && item.data !== undefined,
  );
  const timeout = qrTimeoutSeconds(items);
  const withTimeout = (qr: QrSource): CustomerInstructions =>
    timeout === undefined ? { qr } : { qr, qrTimeoutSeconds: timeout };
  if (qrItem) return withTimeout(qrFromItem(qrItem.type!, qrItem.data!));
  if (carrier.redirect_data) return withTimeout(qrFromRedirect(carrier.redirect_data));
  if (carrier.payment.status === AWAITING_CLARIFICATION)
    return { qr: { kind: 'clarification', fields: clarificationFieldNames(carrier) } };
  return undefined;
}

function qrFromItem(type: string, data: string): QrSource {
  switch (type) {
    case 'qr_url':
      return { kind: 'qr_url', url: data };
    case 'qr_img':
      return { kind: 'qr_img', base64: data };
    default:
      return { kind: 'qr_data', data };
  }
}

function qrFromRedirect(redirect: RedirectData): QrSource {
  const method = (redirect.method ?? 'GET').toUpperCase();
  const text = redirect.url ?? '';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'unusable_redirect', url: text };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { kind: 'unusable_redirect', url: text };
  if (method !== 'GET') return { kind: 'unscannable_redirect', method, url: text };
  const body = redirect.body;
  if (typeof body === 'string') {
    for (const [key, value] of new URLSearchParams(body)) url.searchParams.append(key, value);
  } else if (body && !Array.isArray(body)) {
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

/**
 * The field names a clarification asks for, in either observed shape:
 * `{"customer": ["first_name"]}` or JSON-Schema-like `{"customer": {"properties": {...}}}`.
 */
function clarificationFieldNames(carrier: InstructionCarrier): string[] {
  const names: string[] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 6 || names.length >= 20) return;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string') names.push(`${path}.${item}`);
      return;
    }
    if (value === null || typeof value !== 'object') {
      if (path) names.push(path);
      return;
    }
    const record = value as Record<string, unknown>;
    const inner = record['properties'];
    const entries = Object.entries(
      inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>) : record,
    ).filter(([key]) => !key.startsWith('$') && key !== 'type' && key !== 'description');
    // A field described only by its type or description is itself the field asked for.
    if (entries.length === 0 && path) names.push(path);
    for (const [key, child] of entries) walk(child, path ? `${path}.${key}` : key, depth + 1);
  };
  walk(carrier.clarification_fields, '', 0);
  return names;
}
