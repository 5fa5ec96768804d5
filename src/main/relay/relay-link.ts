import { said, type Said } from '../../shared/i18n/said';
import type { ReceivedCallback } from '../callbacks/callback-listener';
import { createLogger } from '../logging/logger';
import { SecretStoreUnavailableError, type SecretStore } from '../secrets/secret-store';
import type { IntakeOutcome } from '../callbacks/callback-intake';
import { RelayConsumer, type RelayState } from './relay-consumer';
import {
  readRelayCredentials,
  storeRelayCredentials,
  type RelayCredentials,
} from './relay-credentials';
import { relayAddress, type RelayFields } from './relay-settings';

const log = createLogger('relay');

/** The banner key of relay trouble on the cashier's screen. */
export const RELAY_BANNER = 'relay';

/** The relay's state as the cashier's header shows it. */
export interface RelayStatus {
  readonly state: RelayState['kind'];
  readonly since: number;
}

/** Where banners go (the counter's health). */
export interface BannerBoard {
  set(key: string, message: Said): void;
  clear(key: string): void;
}

/** What the link needs from the counter. */
export interface RelayLinkDeps {
  readonly store: SecretStore;
  readonly secret: () => string | undefined;
  readonly onCallback: (callback: ReceivedCallback) => Promise<void>;
  /** Where callbacks whose signature kept failing are held back. */
  readonly quarantine: (body: Uint8Array, source: string) => 'kept' | 'already_kept' | 'full';
  readonly banners: BannerBoard;
  /** The header's relay state changed. */
  readonly changed: () => void;
  /** Consumer tuning and test seams (ack wait, retry pause, a hook after intake). */
  readonly tuning?: {
    readonly ackWaitMs?: number;
    readonly retryMs?: number;
    readonly badSignatureDelaysMs?: readonly number[];
    readonly afterIntake?: (outcome: IntakeOutcome, subject: string) => void;
  };
  readonly now?: () => number;
}

/**
 * The counter's link to the callback relay, as the settings describe it: a consumer runs while
 * a relay is set up, restarted when its servers, ids or credentials change. Its state feeds the
 * header and, while the broker cannot be reached, a banner: status polling carries on meanwhile.
 */
export class RelayLink {
  private consumer: RelayConsumer | undefined;
  private key: string | undefined;
  private state: RelayState | undefined;
  /** Bumped at every stop, so a stopped consumer's last words change nothing. */
  private generation = 0;
  private hasCredentials = false;
  private readonly now: () => number;

  constructor(private readonly deps: RelayLinkDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Starts, restarts or stops the consumer to match the settings. */
  async apply(settings: RelayFields, force = false): Promise<void> {
    const address = relayAddress(settings);
    let credentials: RelayCredentials | undefined;
    try {
      credentials = await readRelayCredentials(this.deps.store);
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
      // The keychain's own banner says why; without them a broker with users refuses us.
      if (address) log.warn('relay credentials unreadable', { message: error.message });
    }
    this.hasCredentials = credentials !== undefined;
    const ca = settings.relayCaCertificate.trim();
    const key = address
      ? JSON.stringify([settings.relayNatsUrls, address, credentials ?? null, ca])
      : undefined;
    if (!force && key === this.key) return;
    await this.stop();
    this.key = key;
    if (!address) {
      // NATS servers without a usable callback URL: a relay set up by an older version (which
      // took the store, counter and relay address apart, with no token) or one left half done.
      if (settings.relayNatsUrls.length > 0)
        this.deps.banners.set(RELAY_BANNER, said('cashier.banner.relayNeedsUrl'));
      return;
    }
    log.info('relay consumer starting', { servers: settings.relayNatsUrls, ...address });
    const generation = this.generation;
    this.consumer = new RelayConsumer({
      servers: settings.relayNatsUrls,
      address,
      ...(credentials ? { credentials } : {}),
      ...(ca ? { caCertificate: ca } : {}),
      secret: this.deps.secret,
      onCallback: this.deps.onCallback,
      quarantine: this.deps.quarantine,
      onState: (state) => {
        if (generation === this.generation) this.stateChanged(state);
      },
      ...this.deps.tuning,
      now: this.now,
    });
  }

  /**
   * Stores the broker credentials in the keychain (an empty user forgets them); the consumer
   * picks them up at the next `apply`. Throws SecretStoreUnavailableError.
   */
  async storeCredentials(credentials: RelayCredentials): Promise<void> {
    await storeRelayCredentials(this.deps.store, credentials);
    this.hasCredentials = credentials.user !== '';
  }

  /** Whether broker credentials are in the keychain (the Settings screen never sees them). */
  credentialsConfigured(): boolean {
    return this.hasCredentials;
  }

  /** The consumer's connection, for publishing hosted redirects; undefined without a relay. */
  connected(): RelayConsumer | undefined {
    return this.state?.kind === 'connected' ? this.consumer : undefined;
  }

  /** The state the header shows; undefined without a relay. */
  status(): RelayStatus | undefined {
    if (!this.consumer || !this.state) return undefined;
    return { state: this.state.kind, since: this.state.since };
  }

  /** Why the link is not connected, in the broker client's words, when it said. */
  problem(): string | undefined {
    return this.state?.kind === 'connected' ? undefined : this.state?.problem;
  }

  async close(): Promise<void> {
    await this.stop();
    this.key = undefined;
  }

  private async stop(): Promise<void> {
    const running = this.consumer;
    this.generation++;
    this.consumer = undefined;
    this.state = undefined;
    this.deps.banners.clear(RELAY_BANNER);
    await running?.close();
    this.deps.changed();
  }

  private stateChanged(next: RelayState): void {
    const previous = this.state;
    // "Reconnecting since" counts from the moment the link was lost, not from the last retry.
    const since =
      previous && previous.kind !== 'connected' && next.kind !== 'connected'
        ? previous.since
        : next.since;
    this.state = { ...next, since };
    if (next.kind === 'connected') {
      this.deps.banners.clear(RELAY_BANNER);
      if (previous?.kind !== 'connected') log.info('relay connected');
    } else if (next.kind === 'reconnecting' || next.problem !== undefined) {
      // Why it cannot be reached is for the log; the banner says what it means at the counter.
      if (next.kind === 'connecting' && next.problem)
        log.warn('relay cannot be reached', { problem: next.problem });
      this.deps.banners.set(RELAY_BANNER, said('cashier.banner.relayUnreachable'));
      if (previous?.kind === 'connected') log.warn('relay connection lost');
    }
    this.deps.changed();
  }
}
