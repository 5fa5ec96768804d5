import {
  startCallbackListener,
  type CallbackListener,
  type ReceivedCallback,
} from '../callbacks/callback-listener';
import type { Settings } from '../settings/settings';

/**
 * The callback listener as the settings describe it: bind address and port, and the public URL
 * sent to Gate as merchant_callback_url. Restarted when those settings change.
 */
export class CallbackEndpoint {
  private listener: CallbackListener | undefined;
  private bound = '';

  constructor(
    private readonly secret: () => string | undefined,
    private readonly onCallback: (callback: ReceivedCallback) => Promise<void>,
  ) {}

  /** Starts or restarts the listener to match the settings. */
  async apply(settings: Settings): Promise<void> {
    const wanted = `${settings.callbackBindAddress}:${settings.callbackPort}`;
    if (this.listener && wanted === this.bound) return;
    await this.listener?.close();
    this.listener = await startCallbackListener({
      host: settings.callbackBindAddress,
      port: settings.callbackPort,
      secret: this.secret,
      onCallback: this.onCallback,
    });
    this.bound = wanted;
  }

  /** Where the listener actually listens (port 0 resolved). */
  localUrl(): string | undefined {
    return this.listener?.callbackUrl;
  }

  /**
   * The merchant_callback_url to give Gate: the public URL when set; in demo mode the listener's
   * own (the sandbox runs on this machine); otherwise none, so Gate uses the project's URL.
   */
  urlForGate(settings: Settings, demo: boolean): string | undefined {
    if (settings.callbackPublicUrl !== '') return settings.callbackPublicUrl;
    return demo ? this.listener?.callbackUrl : undefined;
  }

  async close(): Promise<void> {
    await this.listener?.close();
    this.listener = undefined;
  }
}
