import { createHmac, timingSafeEqual } from 'node:crypto';
import { ok, type ErrorCode, type Result } from '../../shared/result';
import { said, type Said } from '../../shared/i18n/said';
import { fail } from '../i18n/fail';
import { buildPaymentPageUrl, createGateClient, type GateClient } from '.';
import type { GateAccess } from '../payments/payment-service';
import {
  projectAccount,
  SecretStoreUnavailableError,
  type SecretStore,
  type SecretStoreStatus,
} from '../secrets/secret-store';
import { insecureUrls, type Settings } from '../settings/settings';

/**
 * The project secret (read from the store, held only in main's memory) and the Gate client built
 * from it and the settings. Rebuilt whenever either changes. Without a secret, or with the
 * keychain unavailable, there is no client: payments are refused, never sent unsigned.
 */
export class GateConnection {
  private secret: string | undefined;
  private client: GateClient | undefined;
  /** Why live payments are refused whatever the secret (an insecure address), if they are. */
  private refusal: Said | undefined;
  private keychain: SecretStoreStatus = { available: false, message: 'not checked yet' };

  constructor(
    private readonly store: SecretStore,
    private readonly timeoutMs = 15_000,
  ) {}

  /** Reads the secret for the settings' project and rebuilds the client. */
  async reload(settings: Settings): Promise<void> {
    this.keychain = await this.store.probe();
    this.secret = undefined;
    if (this.keychain.available && settings.projectId !== null) {
      try {
        this.secret = await this.store.get(projectAccount(settings.projectId));
      } catch (error) {
        if (!(error instanceof SecretStoreUnavailableError)) throw error;
        this.keychain = { available: false, message: error.message };
      }
    }
    this.rebuild(settings);
  }

  /** Stores a new secret for the project, then uses it. Throws SecretStoreUnavailableError. */
  async storeSecret(settings: Settings, secret: string): Promise<void> {
    if (settings.projectId === null) throw new Error('a project id is needed before its secret');
    await this.store.set(projectAccount(settings.projectId), secret);
    this.keychain = { available: true, message: this.keychain.message };
    this.secret = secret;
    this.rebuild(settings);
  }

  private rebuild(settings: Settings): void {
    this.client?.close();
    const insecure = insecureUrls(settings);
    this.refusal = insecure[0]?.said;
    // Status requests only need Gate's own address to be safe: open payments are still settled
    // while another address waits to be fixed.
    const gateUrlSafe = !insecure.some((problem) => problem.field === 'gateUrl');
    this.client =
      this.secret !== undefined && settings.projectId !== null && gateUrlSafe
        ? createGateClient({
            baseUrl: settings.gateUrl,
            projectId: settings.projectId,
            secret: this.secret,
            timeoutMs: this.timeoutMs,
          })
        : undefined;
  }

  /** The client for new payments and refunds, or why there is none. */
  gate(): GateAccess {
    if (this.refusal !== undefined) return fail('NOT_CONFIGURED', this.refusal);
    return this.statusGate();
  }

  /** The client for status requests about payments already made, or why there is none. */
  statusGate(): GateAccess {
    if (this.client) return ok(this.client);
    if (this.refusal !== undefined) return fail('NOT_CONFIGURED', this.refusal);
    if (!this.keychain.available)
      return fail('KEYCHAIN_UNAVAILABLE', said('settings.keychain.unavailable'));
    return fail('NOT_CONFIGURED', said('settings.problem.live.needAccount'));
  }

  /** A signed Payment Page link; the secret stays in here. */
  paymentPageLink(
    baseUrl: string,
    params: Record<string, string | number>,
  ): Result<string, ErrorCode> {
    const access = this.gate();
    if (!access.ok) return access;
    if (this.secret === undefined)
      return fail('NOT_CONFIGURED', said('settings.problem.live.noSecret'));
    return buildPaymentPageUrl({ baseUrl, params, secret: this.secret });
  }

  /**
   * A client for one connection test: no retries and a shorter deadline, so a merchant learns
   * at once what is wrong. Undefined without a secret or project.
   */
  testClient(settings: Settings, timeoutMs: number): GateClient | undefined {
    if (this.secret === undefined || settings.projectId === null) return undefined;
    return createGateClient({
      baseUrl: settings.gateUrl,
      projectId: settings.projectId,
      secret: this.secret,
      timeoutMs,
      statusRetries: 0,
    });
  }

  /**
   * Names the secret without revealing it (an HMAC keyed by it), so a passed connection test
   * can be tied to the secret it passed with.
   */
  secretFingerprint(): string | undefined {
    if (this.secret === undefined) return undefined;
    return createHmac('sha256', this.secret)
      .update('alipay-counter connection test')
      .digest('hex')
      .slice(0, 16);
  }

  /**
   * Whether `candidate` is the project's secret key (the proof a PIN reset asks for), compared
   * in constant time; or why it cannot be told.
   */
  secretMatches(candidate: string): true | string {
    if (this.secret === undefined)
      return "The project's secret key is not loaded (no project, or the keychain is unavailable).";
    const a = createHmac('sha256', 'compare').update(candidate).digest();
    const b = createHmac('sha256', 'compare').update(this.secret).digest();
    return timingSafeEqual(a, b) ? true : "That is not the project's secret key.";
  }

  /** The secret callbacks are verified with; undefined while none is loaded (they wait). */
  callbackSecret(): string | undefined {
    return this.secret;
  }

  hasSecret(): boolean {
    return this.secret !== undefined;
  }

  keychainStatus(): SecretStoreStatus {
    return this.keychain;
  }

  close(): void {
    this.client?.close();
    this.client = undefined;
  }
}
