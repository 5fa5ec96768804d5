import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { QrView } from '../../../shared/ipc/views';

/**
 * The image to show for a QR: `text` is drawn here with the qrcode package; `image` was fetched
 * and checked (PNG or JPEG) by main. Undefined while drawing or when it cannot be shown.
 */
export function useQrImage(qr: QrView | null): string | undefined {
  const [drawn, setDrawn] = useState<{ text: string; url: string } | undefined>();
  const text = qr?.kind === 'text' ? qr.text : undefined;
  useEffect(() => {
    if (text === undefined) return;
    let current = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 10 })
      .then((url) => current && setDrawn({ text, url }))
      .catch(() => current && setDrawn(undefined));
    return () => {
      current = false;
    };
  }, [text]);
  if (qr?.kind === 'image') return qr.dataUrl;
  return text !== undefined && drawn?.text === text ? drawn.url : undefined;
}
