import {
  startCallbackListener,
  type CallbackListener,
  type ReceivedCallback,
} from '../../src/main/callbacks/callback-listener';
import { createGateClient, type GateCallback, type GateClient } from '../../src/main/gate';
import {
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxProject,
} from '../../src/sandbox';

/** The default test project. */
export const PROJECT: SandboxProject = { id: 4242, secret: 'harness-secret-4242' };

/** A sandbox, a Gate client and a callback receiver on loopback, wired together. */
export interface Harness {
  readonly sandbox: Sandbox;
  readonly client: GateClient;
  readonly listener: CallbackListener;
  /** Every callback the receiver got, verified or not, in order. */
  readonly received: ReceivedCallback[];
  /** Makes the receiver answer 500 to the next `n` callbacks. */
  failNextCallbacks(n: number): void;
  /** Verified callbacks about one payment. */
  callbacksFor(paymentId: string): GateCallback[];
  /** Waits (bounded) until a verified callback about `paymentId` satisfies `accept`. */
  waitForCallback(
    paymentId: string,
    accept: (c: GateCallback) => boolean,
    timeoutMs?: number,
  ): Promise<GateCallback>;
  /** Sends a sale with the receiver as callback URL. */
  sale(paymentId: string, amount: number, currency?: string): ReturnType<GateClient['sale']>;
  /** Presses a button on the payment's customer page like a browser; returns the HTTP status. */
  press(paymentId: string, action: 'success' | 'decline', lastName?: string): Promise<number>;
  close(): Promise<void>;
}

let counter = 0;

/** A payment id no other test uses. */
export function freshPaymentId(prefix = 'test'): string {
  counter++;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Starts a harness; `options` override the sandbox's defaults (one project, real time). */
export async function startHarness(options: Partial<SandboxOptions> = {}): Promise<Harness> {
  const projects = options.projects ?? [PROJECT];
  const project = projects[0]!;
  const sandbox = await createSandbox({ ...options, projects });
  const received: ReceivedCallback[] = [];
  let failures = 0;
  const waiters = new Set<() => void>();
  const listener = await startCallbackListener({
    secret: () => project.secret,
    onCallback: (callback) => {
      if (failures > 0) {
        failures--;
        throw new Error('receiver told to fail');
      }
      received.push(callback);
      for (const wake of waiters) wake();
    },
  });
  const client = createGateClient({
    baseUrl: sandbox.url,
    projectId: project.id,
    secret: project.secret,
    timeoutMs: 5000,
  });

  const callbacksFor = (paymentId: string) =>
    received.flatMap((r) =>
      r.parsed.ok && r.parsed.callback.payment.id === paymentId ? [r.parsed.callback] : [],
    );

  return {
    sandbox,
    client,
    listener,
    received,
    failNextCallbacks: (n) => void (failures = n),
    callbacksFor,
    async waitForCallback(paymentId, accept, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = callbacksFor(paymentId).find(accept);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no matching callback for ${paymentId} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.min(left, 250));
          function done() {
            clearTimeout(timer);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
    },
    sale: (paymentId, amount, currency = 'CNY') =>
      client.sale({
        paymentId,
        amount,
        currency: currency as 'CNY',
        description: `test ${paymentId}`,
        customerId: 'customer-1',
        customerIp: '192.0.2.10',
        returnUrls: { return: 'https://shop.example/return' },
        callbackUrl: listener.callbackUrl,
      }),
    async press(paymentId, action, lastName) {
      const payment = sandbox.payment(project.id, paymentId);
      if (!payment) throw new Error(`sandbox has no payment ${paymentId}`);
      const form = new URLSearchParams({ action, ...(lastName ? { last_name: lastName } : {}) });
      const res = await fetch(sandbox.customerUrl(payment), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        redirect: 'manual',
      });
      await res.arrayBuffer();
      return res.status;
    },
    async close() {
      client.close();
      await sandbox.close();
      await listener.close();
    },
  };
}

/** Polls `check` every 20 ms until it returns a value other than undefined, for at most `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
