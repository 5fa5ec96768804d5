import { said, type Said } from '../../shared/i18n/said';
import type { QrView } from '../../shared/ipc/views';
import type { QrSource } from '../gate/display-data';
import QRCode from 'qrcode';
import { isLoopbackUrl, type Settings } from '../settings/settings';

const MAX_IMAGE_BYTES = 512 * 1024;
const FETCH_TIMEOUT_MS = 5000;

/** PNG or JPEG by their magic bytes; anything else is refused (the renderer shows only these). */
export function imageType(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (
    bytes.length >= 8 &&
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)
  )
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  return undefined;
}

/** A QR the counter cannot show: why, for the cashier, and what an engineer would want. */
function unscannable(message: Said, detail?: string): QrView {
  return detail === undefined
    ? { kind: 'unscannable', message }
    : { kind: 'unscannable', message, detail };
}

function asDataUrl(bytes: Uint8Array, why: string): QrView {
  const type = imageType(bytes);
  if (!type)
    return unscannable(
      said('cashier.qr.unscannable.badImage'),
      `${why} is not a PNG or JPEG image, so it is not shown.`,
    );
  return {
    kind: 'image',
    dataUrl: `data:image/${type};base64,${Buffer.from(bytes).toString('base64')}`,
  };
}

/**
 * Fetches the QR image Gate linked to (qr_url), in main, so the renderer's CSP stays strict:
 * https only (http to this machine, a sandbox), no redirects (a link may not send the counter
 * elsewhere), and at most 512 KB, counted as the bytes stream in.
 */
export async function fetchQrImage(url: string): Promise<QrView> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return unscannable(
      said('cashier.qr.unscannable.imageNotLoaded'),
      `Gate sent a QR image link that is not a URL: ${url}`,
    );
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackUrl(parsed))) {
    return unscannable(
      said('cashier.qr.unscannable.imageNotLoaded'),
      `Gate sent a QR image link that is not https (${parsed.protocol}), so it is not loaded.`,
    );
  }
  try {
    const response = await fetch(parsed, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'manual',
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return unscannable(
        said('cashier.qr.unscannable.imageNotLoaded'),
        'The QR image link redirects elsewhere; the counter does not follow it.',
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      return unscannable(
        said('cashier.qr.unscannable.imageNotLoaded'),
        `The QR image could not be loaded (HTTP ${response.status}).`,
      );
    }
    const bytes = await readCapped(response, MAX_IMAGE_BYTES);
    if (!bytes)
      return unscannable(
        said('cashier.qr.unscannable.badImage'),
        'The QR image is too large to be a QR code.',
      );
    return asDataUrl(bytes, 'The QR image Gate linked to');
  } catch (error) {
    return unscannable(
      said('cashier.qr.unscannable.imageNotLoaded'),
      `The QR image could not be loaded: ${(error as Error).message}`,
    );
  }
}

/** The body, or undefined once it passes `max` bytes (reading stops there). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    return undefined;
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Whether a QR can hold `text` as the renderer draws it (error correction L at its longest). */
function fitsInQr(text: string): boolean {
  try {
    QRCode.create(text, { errorCorrectionLevel: 'L' });
    return true;
  } catch {
    return false;
  }
}

/** The settings name of each QR form, as the Settings screen shows it. */
const KIND_OF_SOURCE = {
  qr_data: 'qr_data',
  qr_url: 'qr_url',
  qr_img: 'qr_img',
  unscannable_redirect: 'redirect',
  unusable_redirect: 'redirect',
} as const;

/**
 * Whether `text` is Base64 (whitespace allowed, as MIME wraps it). Linear in the length: the
 * whitespace is dropped first, then one anchored class run is checked, with no backtracking.
 */
export function isBase64(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return compact.length > 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact);
}

/**
 * Turns what Gate sent into what the screens can show. What cannot be scanned at the counter
 * (a POST redirect, a request for the customer's own details, an unusable link or image) is one
 * plain sentence for the cashier (a catalogue message; the technical reason, if any, as its
 * detail); the Waiting screen then offers a Payment Page link instead.
 * A form this counter does not expect names the counter's own setting.
 */
export async function qrViewOf(
  source: QrSource,
  settings: Pick<Settings, 'acceptedQrKinds' | 'projectId'>,
  fetchImage: (url: string) => Promise<QrView> = fetchQrImage,
): Promise<QrView> {
  if (source.kind === 'clarification')
    return unscannable(said('cashier.qr.unscannable.clarification'));
  const kind = KIND_OF_SOURCE[source.kind];
  if (!settings.acceptedQrKinds.includes(kind)) {
    return unscannable(
      said('cashier.qr.unscannable.notAccepted', { kind }),
      `Gate sent the QR as "${kind}", which this counter does not accept (Settings → Accepted QR forms).`,
    );
  }
  switch (source.kind) {
    case 'qr_data':
      return fitsInQr(source.data)
        ? { kind: 'text', text: source.data }
        : unscannable(
            said('cashier.qr.unscannable.tooLong'),
            `Gate sent a QR text too long for a QR code (${source.data.length} characters).`,
          );
    case 'qr_url':
      return fetchImage(source.url);
    case 'qr_img': {
      const base64 = source.base64.replace(/^data:image\/[a-z]+;base64,/, '');
      if (!isBase64(base64))
        return unscannable(
          said('cashier.qr.unscannable.badImage'),
          'Gate sent a QR image that is not Base64.',
        );
      return asDataUrl(Buffer.from(base64, 'base64'), 'The QR image Gate sent');
    }
    case 'unscannable_redirect':
      return unscannable(said('cashier.qr.unscannable.webForm'));
    case 'unusable_redirect':
      return unscannable(said('cashier.qr.unscannable.badAddress'));
  }
}

/** What the merchant's engineer can change so the next sale shows a QR, for the log; or none. */
export function setupHint(source: QrSource, projectId: number | null): string | undefined {
  switch (source.kind) {
    case 'unscannable_redirect':
      return `Gate sent an HTTP ${source.method} redirect: ask ecommpay to set the redirection type of project ${projectId ?? ''} for Alipay to a QR code (display_data) or a GET redirect.`;
    case 'clarification':
      return `Gate asks for customer fields (${source.fields.join(', ') || 'unnamed'}): ask ecommpay whether project ${projectId ?? ''} can take Alipay without them.`;
    case 'unusable_redirect':
      return `Gate sent redirect_data with an unusable url: ${source.url.slice(0, 200)}`;
    default:
      return undefined;
  }
}
