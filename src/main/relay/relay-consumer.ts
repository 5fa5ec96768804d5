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
  FROM_HEADER,
  redirectSubject,
  type CounterAddress,
  type HostedRedirect,
} from '../../relay/protocol';
import { intakeCallback, type IntakeOutcome } from '../callbacks/callback-intake';
import type { ReceivedCallback } from '../callbacks/callback-listener';
import type { RelayCredentials } from './relay-credentials';

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
  /** How long JetStream waits for an ack before delivering again (30 s). */
  readonly ackWaitMs?: number;
  /** Pause between attempts to reach the broker (2 s). */
  readonly retryMs?: number;
  /** Test seam: runs after a callback went through intake, before it is acked or nak'd. */
  readonly afterIntake?: (outcome: IntakeOutcome, subject: string) => void;
  readonly now?: () => number;
}

/** Most callbacks handled at once (a QR image fetch must not hold up a final callback). */
const CONCURRENCY = 8;
/** Redeliver after: no secret loaded yet, or the journal could not take it. */
const RETRY_NO_SECRET_MS = 30_000;
const RETRY_NOT_RECORDED_MS = 5_000;

/** What each intake outcome means for the message: acknowledged, or delivered again later. */
function settle(msg: JsMsg, outcome: IntakeOutcome): void {
  switch (outcome) {
    case 'accepted':
    case 'invalid_signature':
    case 'bad_request':
      // Recorded in the journal (applied, or refused for good): never delivered again.
      msg.ack();
      return;
    case 'retry':
      msg.nak(RETRY_NO_SECRET_MS);
      return;
    case 'not_recorded':
      msg.nak(RETRY_NOT_RECORDED_MS);
      return;
  }
}

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
        const nc = await connect({
          servers: [...this.options.servers],
          name: `alipay-counter ${this.options.address.store}/${this.options.address.counter}`,
          ...(this.options.credentials
            ? { user: this.options.credentials.user, pass: this.options.credentials.password }
            : {}),
          ...(this.options.caCertificate ? { tls: { ca: this.options.caCertificate } } : {}),
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
        void this.watch(nc);
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
      ack_wait: (this.options.ackWaitMs ?? 30_000) * 1_000_000,
      max_deliver: -1,
      max_ack_pending: 1000,
    };
    try {
      await jsm.consumers.add(CALLBACK_STREAM, config);
    } catch {
      // It exists with other settings (an older ack wait): bring it in line.
      await jsm.consumers.update(CALLBACK_STREAM, name, { ack_wait: config.ack_wait });
    }
    const consumer = await jetstream(nc).consumers.get(CALLBACK_STREAM, name);
    const messages = await consumer.consume({ max_messages: 64 });
    this.messages = messages;
    if (this.closed) await messages.close();
    void (async () => {
      for await (const status of messages.status()) {
        // Deleted under us (an operator, a broker that lost its state): create it again.
        if (status.type === 'consumer_deleted' || status.type === 'consumer_not_found')
          await messages.close();
      }
    })();
    for await (const msg of messages) {
      while (this.inFlight.size >= CONCURRENCY) await Promise.race(this.inFlight);
      const work = this.handle(msg);
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    }
    this.messages = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  private async handle(msg: JsMsg): Promise<void> {
    const text = Buffer.from(msg.data).toString('utf8');
    const from = msg.headers?.get(FROM_HEADER) || 'unknown';
    const outcome = await intakeCallback(
      text,
      `relay ${from}`,
      this.options.secret(),
      this.options.onCallback,
    );
    this.options.afterIntake?.(outcome, msg.subject);
    settle(msg, outcome);
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
