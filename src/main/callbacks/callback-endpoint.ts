import {
  startCallbackListener,
  type CallbackListener,
  type ReceivedCallback,
} from './callback-listener';
import type { Settings } from '../settings/settings';

/**
 * The callback listener as the settings describe it: bind address and port, and the public URL
 * sent to Gate as merchant_callback_url. A new address is bound before the old listener closes,
 * so a failed change (port taken, address not on this PC) leaves callbacks arriving as before.
 */
export class CallbackEndpoint {
  private running: CallbackListener | undefined;
  private bound: Binding | undefined;

  constructor(
    private readonly secret: () => string | undefined,
    private readonly onCallback: (callback: ReceivedCallback) => Promise<void>,
  ) {}

  /**
   * Starts the listener the settings ask for, then closes the old one. Throws a
   * CallbackBindError (keeping the old listener) when the new address cannot be bound.
   */
  async apply(settings: Settings): Promise<void> {
    const wanted = bindingOf(settings);
    if (this.running && wanted.key === this.bound?.key) return;
    let next: CallbackListener;
    try {
      next = await this.start(wanted);
    } catch (error) {
      const previous = this.bound;
      // The same port on an overlapping address (0.0.0.0 and 127.0.0.1, say): the old listener
      // must close first, and comes back if the new one still cannot bind.
      if (!this.running || !previous || !inUse(error) || wanted.port !== this.running.port)
        throw bindError(wanted, error);
      await this.running.close();
      this.running = undefined;
      try {
        next = await this.start(wanted);
      } catch (second) {
        this.running = await this.start(previous);
        throw bindError(wanted, second);
      }
    }
    const old = this.running;
    this.running = next;
    this.bound = wanted;
    await old?.close();
  }

  private start(binding: Binding): Promise<CallbackListener> {
    return startCallbackListener({
      host: binding.host,
      port: binding.port,
      secret: this.secret,
      onCallback: this.onCallback,
    });
  }

  /** The running listener (the connection test probes through it). */
  listener(): CallbackListener | undefined {
    return this.running;
  }

  /** Where the listener actually listens (port 0 resolved). */
  localUrl(): string | undefined {
    return this.running?.callbackUrl;
  }

  /**
   * The merchant_callback_url to give Gate: the public URL when set; in demo mode the listener's
   * own (the sandbox runs on this machine); otherwise none, so Gate uses the project's URL.
   */
  urlForGate(settings: Settings, demo: boolean): string | undefined {
    if (settings.callbackPublicUrl !== '') return settings.callbackPublicUrl;
    return demo ? this.running?.callbackUrl : undefined;
  }

  async close(): Promise<void> {
    await this.running?.close();
    this.running = undefined;
  }
}

interface Binding {
  readonly host: string;
  readonly port: number;
  readonly key: string;
}

function bindingOf(settings: Settings): Binding {
  const { callbackBindAddress: host, callbackPort: port } = settings;
  return { host, port, key: `${host}:${port}` };
}

function inUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
}

/** Why a listener address could not be bound, as Settings says it. */
export type BindFailure = 'inUse' | 'notThisPc' | 'needsAdmin' | 'notAnAddress' | 'other';

/** A listener address that could not be bound, with the reason in words and as a kind. */
export class CallbackBindError extends Error {
  override readonly name = 'CallbackBindError';
  constructor(
    message: string,
    /** `host:port`. */
    readonly address: string,
    readonly failure: BindFailure,
  ) {
    super(message);
  }
}

const FAILURES: Record<string, { failure: BindFailure; words: string }> = {
  EADDRINUSE: { failure: 'inUse', words: 'the port is already in use' },
  EADDRNOTAVAIL: { failure: 'notThisPc', words: 'that address is not one of this PC' },
  EACCES: { failure: 'needsAdmin', words: 'this port needs administrator rights' },
  ENOTFOUND: { failure: 'notAnAddress', words: 'that is not an address' },
  EAI_AGAIN: { failure: 'notAnAddress', words: 'that is not an address' },
};

function bindError(binding: Binding, error: unknown): CallbackBindError {
  const known = FAILURES[(error as NodeJS.ErrnoException).code ?? ''];
  const reason = known?.words ?? (error as Error).message ?? String(error);
  return new CallbackBindError(
    `The callback listener cannot listen on ${binding.key}: ${reason}.`,
    binding.key,
    known?.failure ?? 'other',
  );
}
