import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JsMsg,
} from '@nats-io/jetstream';
import {
  CALLBACK_STREAM,
  callbackSubject,
  consumerName,
  counterInboxPrefix,
  FROM_HEADER,
  legacyConsumerName,
  redirectSubject,
  type CounterAddress,
  type HostedRedirect,
} from '../../protocol/relay-wire';
import { createLogger } from '../logging/logger';
import { inBackground } from '../logging/in-background';
import { intakeCallback, type IntakeOutcome } from '../callbacks/callback-intake';
import {
  RETRY_NOT_RECORDED_MS,
  RETRY_QUARANTINE_FULL_MS,
  settlementOf,
} from './relayed-settlement';
import type { ReceivedCallback } from '../callbacks/callback-listener';
import type { RelayCredentials } from './relay-credentials';

const log = createLogger('relay');

/** Where the counter's link to the relay stands. */
export type RelayState =
  | { readonly kind: 'connecting'; readonly since: number; readonly problem?: string }
  | { readonly kind: 'connected'; readonly since: number }
  | { readonly kind: 'reconnecting'; readonly since: number; readonly problem?: string };

/** How to run one counter's consumer. */
export interface RelayConsumerOptions {
  readonly servers: readonly string[];
  /** The broker's CA (PEM) when it is not one the system trusts; it replaces the system's list. */
  readonly caCertificate?: string;
  readonly address: CounterAddress;
  readonly credentials?: RelayCredentials;
  /** The project secret callbacks are verified with (the same as the HTTP listener's). */
  readonly secret: () => string | undefined;
  /** Records (and applies) a callback: the payment service's receiveCallback. */
  readonly onCallback: (callback: ReceivedCallback) => Promise<void>;
  readonly onState: (state: RelayState) => void;
  /**
   * Holds back a callback whose signature failed on its last allowed delivery; 'full' leaves it
   * at the relay (delivered again in an hour).
   */
  readonly quarantine: (body: Uint8Array, source: string) => 'kept' | 'already_kept' | 'full';
  /** How long JetStream waits for an ack before delivering again (60 s). */
  readonly ackWaitMs?: number;
  /** Pauses before each redelivery of a callback whose signature failed; then it is held back. */
  readonly badSignatureDelaysMs?: readonly number[];
  /** Pause between attempts to reach the broker (2 s). */
  readonly retryMs?: number;
  /** Test seam: runs after a callback went through intake, before it is acked or nak'd. */
  readonly afterIntake?: (outcome: IntakeOutcome, subject: string) => void;
  readonly now?: () => number;
}

/** Most callbacks handled at once (a QR image fetch must not hold up a final callback). */
const CONCURRENCY = 8;
/**
 * Callbacks pulled ahead. Each costs at most a few milliseconds of checks, parsing and
 * verifying (bodies are capped in size and fields), so a full batch is through in well under
 * a second, far inside the ack wait: a backlog is never delivered twice while it waits here.
 */
const PULL_BATCH = 16;
const DEFAULT_ACK_WAIT_MS = 60_000;
/** Lets timers, I/O and the screens' requests run between two callbacks. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One counter's durable JetStream consumer, dialling out to the broker (so it works behind a
 * shop's router). Each message goes through the same intake as the HTTP listener, and is
 * acknowledged only after the journal has it. Keeps trying to reach the broker until closed.
 */
export class RelayConsumer {
  private connection: NatsConnection | undefined;
  private messages: ConsumerMessages | undefined;
  private closed = false;
  private wake: (() => void) | undefined;
  private readonly running: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly options: RelayConsumerOptions) {
    this.now = options.now ?? Date.now;
    options.onState({ kind: 'connecting', since: this.now() });
    this.running = this.run();
  }

  /** Publishes a hosted redirect form for the relay to serve; throws when it was not stored. */
  async publishRedirect(token: string, redirect: HostedRedirect): Promise<void> {
    const nc = this.connection;
    if (!nc || nc.isClosed()) throw new Error('the callback relay is not connected');
    await jetstream(nc).publish(
      redirectSubject(this.options.address, token),
      JSON.stringify(redirect),
      { timeout: 5000 },
    );
  }

  /** Stops consuming, lets callbacks under way finish and flushes their acks. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.messages?.close().catch(() => {});
    await this.running;
  }

  private async run(): Promise<void> {
    let everConnected = false;
    while (!this.closed) {
      try {
        const tls = this.options.servers.some((url) => url.startsWith('tls://'));
        const nc = await connect({
          servers: [...this.options.servers],
          name: `alipay-counter ${this.options.address.store}/${this.options.address.counter}`,
          // Replies, pulled callbacks among them, come to subjects only this counter may read.
          inboxPrefix: counterInboxPrefix(this.options.address),
          ...(this.options.credentials
            ? { user: this.options.credentials.user, pass: this.options.credentials.password }
            : {}),
          // tls:// means TLS: with this option nats.js refuses a server that does not offer it
          // before anything, the password included, is sent.
          ...(tls
            ? { tls: this.options.caCertificate ? { ca: this.options.caCertificate } : {} }
            : {}),
          maxReconnectAttempts: -1,
          reconnectTimeWait: 2000,
          // Behind a shop's router a dead connection must be noticed within a minute.
          pingInterval: 20_000,
          maxPingOut: 3,
        });
        this.connection = nc;
        if (this.closed) break;
        everConnected = true;
        this.options.onState({ kind: 'connected', since: this.now() });
        inBackground(this.watch(nc), log, 'watching the broker connection');
        await this.consume(nc);
      } catch (error) {
        if (this.closed) break;
        this.options.onState({
          kind: everConnected ? 'reconnecting' : 'connecting',
          since: this.now(),
          problem: (error as Error).message,
        });
      }
      await this.connection?.close().catch(() => {});
      this.connection = undefined;
      if (!this.closed) await this.pause(this.options.retryMs ?? 2000);
    }
    await Promise.allSettled([...this.inFlight]);
    await this.connection?.drain().catch(() => this.connection?.close());
    this.connection = undefined;
  }

  /** Creates (or updates) this counter's durable consumer, then takes its messages until closed. */
  private async consume(nc: NatsConnection): Promise<void> {
    const { address } = this.options;
    const name = consumerName(address);
    const jsm = await jetstreamManager(nc);
    const config = {
      durable_name: name,
      filter_subject: callbackSubject(address),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: (this.options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS) * 1_000_000,
      max_deliver: -1,
      max_ack_pending: 1000,
    };
    try {
      await jsm.consumers.add(CALLBACK_STREAM, config);
    } catch {
      // It exists with other settings (an older ack wait): bring it in line; or a consumer of
      // an older version holds this counter's subject under its old name.
      await jsm.consumers
        .update(CALLBACK_STREAM, name, { ack_wait: config.ack_wait })
        .catch(async (error: Error) => {
          if (!(await this.retireLegacyConsumer(nc))) throw error;
          await jsm.consumers.add(CALLBACK_STREAM, config);
        });
    }
    const consumer = await jetstream(nc).consumers.get(CALLBACK_STREAM, name);
    const messages = await consumer.consume({ max_messages: PULL_BATCH });
    this.messages = messages;
    if (this.closed) await messages.close();
    inBackground(
      (async () => {
        for await (const status of messages.status()) {
          // Deleted under us (an operator, a broker that lost its state): create it again.
          if (status.type === 'consumer_deleted' || status.type === 'consumer_not_found')
            await messages.close();
        }
      })(),
      log,
      "watching this counter's consumer",
    );
    for await (const msg of messages) {
      while (this.inFlight.size >= CONCURRENCY) await Promise.race(this.inFlight);
      await yieldToEventLoop();
      // A fault while handling one (the connection closing under an ack, say) leaves it
      // unacknowledged: JetStream delivers it again after the ack wait.
      const work: Promise<void> = this.handle(msg)
        .catch((error: Error) =>
          log.warn('relayed callback left for redelivery', { message: error.message }),
        )
        .finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    }
    this.messages = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Consumers of older versions were named ambiguously; one whose filter is exactly this
   * counter's subject is this counter's, and is deleted so the new one can take its messages
   * (a work queue allows one consumer per subject). True when one was retired.
   */
  private async retireLegacyConsumer(nc: NatsConnection): Promise<boolean> {
    const jsm = await jetstreamManager(nc);
    const legacy = legacyConsumerName(this.options.address);
    try {
      const info = await jsm.consumers.info(CALLBACK_STREAM, legacy);
      if (info.config.filter_subject !== callbackSubject(this.options.address)) return false;
      return await jsm.consumers.delete(CALLBACK_STREAM, legacy);
    } catch {
      return false;
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    const source = msg.headers?.get(FROM_HEADER) || 'unknown';
    const outcome = await intakeCallback(
      msg.data,
      `relay ${source}`,
      this.options.secret(),
      this.options.onCallback,
    );
    this.options.afterIntake?.(outcome, msg.subject);
    this.settle(msg, outcome, source);
  }

  /** Acknowledges, delivers again later, or holds back one message (see settlementOf). */
  private settle(msg: JsMsg, outcome: IntakeOutcome, source: string): void {
    const settlement = settlementOf(
      outcome,
      msg.info.deliveryCount,
      this.options.badSignatureDelaysMs,
    );
    if (settlement.kind === 'ack') return msg.ack();
    if (settlement.kind === 'again') return msg.nak(settlement.afterMs);
    let kept;
    try {
      kept = this.options.quarantine(msg.data, source);
    } catch {
      return msg.nak(RETRY_NOT_RECORDED_MS);
    }
    if (kept === 'full') msg.nak(RETRY_QUARANTINE_FULL_MS);
    else msg.ack();
  }

  /** Reports the connection's ups and downs. */
  private async watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (this.closed) return;
      if (status.type === 'disconnect')
        this.options.onState({ kind: 'reconnecting', since: this.now() });
      else if (status.type === 'reconnect')
        this.options.onState({ kind: 'connected', since: this.now() });
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
