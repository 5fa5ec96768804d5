import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { QrView } from '../shared/ipc/views';
import { english } from '../main/command-line';

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

/** Lines that show the customer's QR in a terminal, as the counter's screen would show it. */
export async function describeQr(qr: QrView, paymentId: string): Promise<string[]> {
  switch (qr.kind) {
    case 'text':
      return [await terminalQr(qr.text), `QR holds: ${qr.text}`];
    case 'image': {
      const file = join(tmpdir(), `alipay-qr-${paymentId.replace(/[^\w.-]/g, '_')}.png`);
      writeFileSync(
        file,
        Buffer.from(qr.dataUrl.replace(/^data:image\/\w+;base64,/, ''), 'base64'),
      );
      return [`QR image saved to: ${file}`, 'Open it and scan it with the Alipay app.'];
    }
    case 'unscannable':
      return [
        english(qr.message) + (qr.detail ? ` (${qr.detail})` : ''),
        'Take it as a Payment Page link instead: sale --mode payment-page.',
      ];
  }
}

/** "9:41" for a countdown. */
export function mmss(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
