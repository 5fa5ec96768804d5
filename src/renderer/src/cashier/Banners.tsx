import type { SessionView } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/** One empty list for every render: a new [] per call would re-render for ever. */
const NONE: SessionView['banners'] = [];

/**
 * What keeps the counter from working normally (the keychain, Gate's signatures ...), above every
 * screen of the cashier window until main says it is over; main sends messages, worded here.
 */
export function Banners() {
  const banners = useCounter((s) => s.session?.banners ?? NONE);
  const { say, sayAll } = useSay();
  if (banners.length === 0) return null;
  return (
    <div className="banners" role="alert">
      {banners.map((banner) => (
        <p key={banner.key} className="banner">
          {sayAll(banner.message)}
          <span className="banner-since">
            {say('cashier.banner.since', { since: banner.since })}
          </span>
        </p>
      ))}
    </div>
  );
}
