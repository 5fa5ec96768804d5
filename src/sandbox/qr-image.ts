import QRCode from 'qrcode';

/** A PNG image of a QR code holding `text`, as ecommpay's `qr_img` / `qr_url` would show it. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}
