import { useIntl } from 'react-intl';
import type { TimelineEntry } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';

/**
 * What happened to a payment, one line each: "14:02 Customer paid in Alipay", the time in the
 * window's language (with its date when it is not the payment's first day); with `details`, the journal's own words under each line.
 */
export function PaymentTimeline({
  entries,
  details,
}: {
  entries: readonly TimelineEntry[];
  details: boolean;
}) {
  const { sayAll } = useSay();
  const intl = useIntl();
  const day = (ms: number) => new Date(ms).toDateString();
  // The payment's own day goes without its date; a later day (a late refund, say) shows it.
  const first = entries[0] ? day(entries[0].at) : '';
  return (
    <ol className="timeline">
      {entries.map((t, i) => (
        <li key={i} className={`timeline-${t.kind}`}>
          <time dateTime={new Date(t.at).toISOString()}>
            {day(t.at) === first
              ? intl.formatTime(t.at, { hour: '2-digit', minute: '2-digit' })
              : intl.formatDate(t.at, {
                  dateStyle: 'short',
                  timeStyle: 'short',
                } as Intl.DateTimeFormatOptions)}
          </time>
          <span className="timeline-said">{sayAll(t.said)}</span>
          {details ? <div className="timeline-detail mono">{t.detail}</div> : null}
        </li>
      ))}
    </ol>
  );
}
