import { useEffect, useState } from 'react';
import type { SlipPreview as Preview } from '../../../shared/printing/print-views';
import type { CodePage, PaperWidth } from '../../../shared/printing/printer-options';
import { useSay } from '../i18n/use-say';
import { selectSystemLocale, useCounter } from '../store';
import type { PreviewCopy } from '../store/printing-slice';
import './printing.css';

/** Printer dots across the paper: the preview shows the slip one screen pixel per dot. */
const DOTS: Record<PaperWidth, number> = { 58: 384, 80: 576 };

const COPIES: readonly PreviewCopy[] = ['customer', 'merchant'];

/**
 * The slip as the printer will print it (the same layout, drawn by main as a picture): the
 * sample slip or a paid payment's, the customer's copy or the merchant's, each in its own
 * language; above it, the languages slips print in and what this code page cannot print.
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
  const { say, sayAll } = useSay();
  const preview = useCounter((s) => s.previewSlip);
  const systemLocale = useCounter(selectSystemLocale);
  // Saved settings change the slip's words: the store's name, the languages.
  const settings = useCounter((s) => s.settings);
  const [copy, setCopy] = useState<PreviewCopy>('customer');
  const [shown, setShown] = useState<Preview | null>(null);
  useEffect(() => {
    let current = true;
    void preview({
      paperWidth,
      codePage,
      copy,
      systemLocale,
      ...(paymentId ? { paymentId } : {}),
    }).then((picture) => {
      if (current) setShown(picture);
    });
    return () => {
      current = false;
    };
  }, [preview, paperWidth, codePage, copy, systemLocale, paymentId, settings]);
  return (
    <figure
      className="slip-preview"
      aria-label={say('printing.preview.label', { width: paperWidth })}
    >
      <div className="slip-copies" role="radiogroup" aria-label={say('printing.preview.copy')}>
        {COPIES.map((each) => (
          <button
            key={each}
            type="button"
            role="radio"
            aria-checked={copy === each}
            className={copy === each ? 'selected' : undefined}
            onClick={() => setCopy(each)}
          >
            {say(
              each === 'customer'
                ? 'printing.preview.copy.customer'
                : 'printing.preview.copy.merchant',
            )}
          </button>
        ))}
      </div>
      {shown?.notes.length ? (
        <ul className="slip-notes" aria-live="polite">
          {shown.notes.map((note, index) => (
            <li key={index} className={index === 0 ? undefined : 'slip-note-problem'}>
              {sayAll(note)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="slip-paper" style={{ width: DOTS[paperWidth] + 24 }}>
        {shown ? (
          <img
            alt={say('printing.preview.alt', { width: paperWidth })}
            width={DOTS[paperWidth]}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(shown.svg)}`}
          />
        ) : null}
      </div>
      <figcaption>{say('printing.preview.caption', { width: paperWidth })}</figcaption>
    </figure>
  );
}
