import { said } from '../../shared/i18n/said';
import { intakeCallback } from '../callbacks/callback-intake';
import type { ReceivedCallback } from '../callbacks/callback-listener';
import type { QuarantinedCallback, RelayQuarantine } from '../journal/relay-quarantine';
import { createLogger } from '../logging/logger';
import type { BannerBoard } from './relay-link';

const log = createLogger('relay');

/** The banner key of held-back callbacks on the cashier's screen. */
export const HELD_BACK_BANNER = 'relay_signatures';

/** From this many held back, the cashier's screen says so: most likely a wrong secret key. */
const BANNER_FROM = 3;

/** What trying the held-back callbacks again did. */
export interface HeldBackRetry {
  /** Verified now, and recorded (applied where they settle a payment). */
  readonly applied: number;
  /** Still failing their signature check. */
  readonly left: number;
}

/**
 * Relayed callbacks held back after their signature failed on every delivery: kept in the
 * journal (bounded), listed in Settings, a banner once several pile up, and tried again with
 * the secret in use now when a manager asks (after fixing the secret key).
 */
export class HeldBackCallbacks {
  constructor(
    private readonly quarantine: RelayQuarantine,
    private readonly deps: {
      readonly secret: () => string | undefined;
      readonly onCallback: (callback: ReceivedCallback) => Promise<void>;
      readonly banners: BannerBoard;
      readonly changed: () => void;
      readonly now?: () => number;
    },
  ) {
    this.refreshBanner();
  }

  /** Holds back one body (the consumer's last word on it); 'full' leaves it at the relay. */
  keep(body: Uint8Array, source: string): 'kept' | 'already_kept' | 'full' {
    const answer = this.quarantine.keep(
      body,
      source,
      'the signature does not match the project secret key',
      (this.deps.now ?? Date.now)(),
    );
    if (answer === 'kept') log.warn('relayed callback held back: signature failed', { source });
    if (answer === 'full') log.warn('held-back callbacks full: left at the relay', { source });
    this.refreshBanner();
    this.deps.changed();
    return answer;
  }

  /** The held-back callbacks, oldest first. */
  list(): QuarantinedCallback[] {
    return this.quarantine.list();
  }

  /**
   * Tries each held-back callback again with today's secret: those that verify now are
   * recorded (and applied) and leave the list; the others stay.
   */
  async retry(): Promise<HeldBackRetry> {
    let applied = 0;
    let left = 0;
    for (const entry of this.quarantine.list()) {
      const body = this.quarantine.body(entry.id);
      if (!body) continue;
      const outcome = await intakeCallback(
        body,
        `${entry.source} (held back)`,
        this.deps.secret(),
        this.deps.onCallback,
      );
      if (outcome === 'accepted' || outcome === 'bad_request') {
        this.quarantine.remove(entry.id);
        applied += outcome === 'accepted' ? 1 : 0;
      } else left++;
    }
    this.refreshBanner();
    this.deps.changed();
    return { applied, left };
  }

  private refreshBanner(): void {
    const { entries } = this.quarantine.totals();
    if (entries >= BANNER_FROM)
      this.deps.banners.set(HELD_BACK_BANNER, said('cashier.banner.heldBack', { count: entries }));
    else this.deps.banners.clear(HELD_BACK_BANNER);
  }
}
