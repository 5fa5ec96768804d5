import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { QrView } from '../../../shared/ipc/views';

/** Quiet zone around the QR, in modules. */
const MARGIN = 2;

/** A QR image and the size to show it at. */
export interface QrImage {
  readonly src: string;
  /** Whole pixels per module, so every module is drawn sharp; undefined for Gate's images. */
  readonly size?: number;
}

/**
 * The image to show for a QR: `text` is drawn here with the qrcode package at a whole number of
 * pixels per module that fits `size` (a scaled-down QR blurs, and phones misread it); `image`
 * was fetched and checked (PNG or JPEG) by main. Long texts (Payment Page links) use error
 * correction level L, which keeps the modules bigger (a screen is never smudged or torn, so the
 * lowest level is enough).
 */
export function useQrImage(qr: QrView | null, size: number): QrImage | undefined {
  const [drawn, setDrawn] = useState<{ text: string; image: QrImage } | undefined>();
  const text = qr?.kind === 'text' ? qr.text : undefined;
  useEffect(() => {
    if (text === undefined) return;
    let current = true;
    const errorCorrectionLevel = text.length > 150 ? 'L' : 'M';
    let modules: number;
    try {
      modules = QRCode.create(text, { errorCorrectionLevel }).modules.size + 2 * MARGIN;
    } catch {
      // Too long (or empty) for a QR: main refuses such texts; the placeholder stays (an
      // image drawn for another text is never shown for this one).
      return;
    }
    const scale = Math.max(2, Math.floor(size / modules));
    QRCode.toDataURL(text, { errorCorrectionLevel, margin: MARGIN, scale })
      .then((src) => current && setDrawn({ text, image: { src, size: modules * scale } }))
      .catch(() => current && setDrawn(undefined));
    return () => {
      current = false;
    };
  }, [text, size]);
  if (qr?.kind === 'image') return { src: qr.dataUrl };
  return text !== undefined && drawn?.text === text ? drawn.image : undefined;
}
