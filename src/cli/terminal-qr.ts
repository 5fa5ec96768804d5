import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { QrSource } from '../main/gate';

/**
 * Draws a QR code with Unicode half blocks, scannable from the screen by a phone: with ANSI
 * colours on a terminal (dark or light theme alike), plain characters when piped to a file.
 */
export function terminalQr(text: string, tty = process.stdout.isTTY === true): Promise<string> {
  return QRCode.toString(text, {
    type: tty ? 'terminal' : 'utf8',
    small: true,
    errorCorrectionLevel: 'M',
  });
}

/** Lines that show the customer's QR in a terminal, whatever form Gate sent it in. */
export async function describeQr(qr: QrSource, paymentId: string): Promise<string[]> {
  switch (qr.kind) {
    case 'qr_data':
      return [await terminalQr(qr.data), `QR holds: ${qr.data}`];
    case 'qr_url':
      return [`QR image at: ${qr.url}`, 'Open it and scan it with the Alipay app.'];
    case 'qr_img': {
      const file = join(tmpdir(), `alipay-qr-${paymentId.replace(/[^\w.-]/g, '_')}.png`);
      writeFileSync(file, Buffer.from(qr.base64, 'base64'));
      return [`QR image saved to: ${file}`, 'Open it and scan it with the Alipay app.'];
    }
    case 'unscannable_redirect':
      return [
        `Gate asks to redirect the customer with ${qr.method} to ${qr.url}: that cannot be shown as a QR code.`,
        'Ask ecommpay to deliver the QR as display_data (qr_data, qr_url or qr_img) or as a GET redirect.',
      ];
    case 'unusable_redirect':
      return [`Gate sent a redirect address that is not usable: ${qr.url.slice(0, 200)}`];
    case 'clarification':
      return [
        `Gate asks for customer details only the customer can give (${qr.fields.join(', ') || 'unnamed fields'}): this sale cannot finish here.`,
        'Take it as a Payment Page link instead: sale --mode payment-page.',
      ];
  }
}

/** "9:41" for a countdown. */
export function mmss(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
