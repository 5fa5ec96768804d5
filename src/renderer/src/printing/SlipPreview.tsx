import { useEffect, useState } from 'react';
import type { CodePage, PaperWidth } from '../../../shared/printing/printer-options';
import { useCounter } from '../store';
import './printing.css';

/** Printer dots across the paper: the preview shows the slip one screen pixel per dot. */
const DOTS: Record<PaperWidth, number> = { 58: 384, 80: 576 };

/**
 * The slip as the printer will print it (the same layout, drawn by main as a picture): the
 * sample slip, or a paid payment's receipt.
 */
export function SlipPreview({
  paperWidth,
  codePage,
  paymentId,
}: {
  paperWidth: PaperWidth;
  codePage: CodePage;
  paymentId?: string;
}) {
  const preview = useCounter((s) => s.previewSlip);
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void preview(paperWidth, codePage, paymentId).then((picture) => {
      if (current) setSvg(picture);
    });
    return () => {
      current = false;
    };
  }, [preview, paperWidth, codePage, paymentId]);
  return (
    <figure className="slip-preview" aria-label={`Slip preview, ${paperWidth} mm`}>
      <div className="slip-paper" style={{ width: DOTS[paperWidth] + 24 }}>
        {svg ? (
          <img
            alt={`Receipt as printed on ${paperWidth} mm paper`}
            width={DOTS[paperWidth]}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
          />
        ) : null}
      </div>
      <figcaption>
        {paperWidth} mm paper, {codePage === 'cp437' ? 'English only' : 'Chinese and English'}
      </figcaption>
    </figure>
  );
}
