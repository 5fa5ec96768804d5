import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCounter, type Counter, type CounterConfig } from '../../src/main/app/create-counter';
import type { PaymentView } from '../../src/shared/ipc/views';
import type { Sandbox } from '../../src/sandbox';
import { setLogSink } from '../../src/main/logging/logger';
import { sign } from '../../src/protocol/signer';

/** The sandbox secret demo counters in tests use, so tests can sign callbacks themselves. */
export const TEST_SECRET = 'counter-test-secret-0001';
export const TEST_PROJECT = 1001;

/**
 * A low scrypt cost for test counters' manager PINs, so that suites of PIN checks run fast; the
 * production cost (2^17) has its own test in test/unit/manager and its timing in npm run bench.
 */
export const FAST_PIN = { N: 1024, r: 8, p: 1 } as const;

/** Fast status polling for tests: first after 150 ms, then at most every 300 ms. */
export const FAST_POLLING = { firstAfterMs: 150, maxIntervalMs: 300 };

// Tests assert on behaviour, not on log lines.
setLogSink(null);

/** A fresh data folder. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'counter-'));
}

/** Starts a demo counter with its own sandbox (or the given one), fast polling. */
export async function startDemoCounter(
  config: Partial<CounterConfig> & { sandboxUrl?: string } = {},
): Promise<Counter & { sandbox: Sandbox | undefined }> {
  const { sandboxUrl, demo, ...rest } = config;
  const counter = await createCounter({
    dataDir: tempDataDir(),
    mode: 'demo',
    pollSchedule: FAST_POLLING,
    pinCost: FAST_PIN,
    ...rest,
    demo: {
      sandboxSecret: TEST_SECRET,
      projectId: TEST_PROJECT,
      ...(sandboxUrl ? { sandboxUrl } : {}),
      ...demo,
    },
  });
  return Object.assign(counter, { sandbox: counter.sandbox });
}

/** The store address live test counters send: public, and never contacted. */
export const TEST_STORE_IP = '93.184.216.34';
/** The manager PIN live test counters set first (as the first-run screen asks). */
export const TEST_PIN = '482916';

/** Settings a live counter needs besides its Gate, project and secret (first-run screen). */
export const LIVE_REQUEST_SETTINGS = {
  customerReturnUrl: 'https://tea.example/thanks',
  storeIpAddress: TEST_STORE_IP,
} as const;

/**
 * Finishes a live counter's first run as a manager would: sets the manager PIN and, when it has
 * a secret, runs the connection test, which must pass. Returns the counter.
 */
export async function completeFirstRun(counter: Counter, pin = TEST_PIN): Promise<Counter> {
  const before = await counter.handlers['settings:get']({});
  if (!before.ok) throw new Error(before.error.message);
  if (!before.value.pinSet) {
    const set = await counter.handlers['manager:set-pin']({ newPin: pin });
    if (!set.ok) throw new Error(`set-pin refused: ${set.error.message}`);
  }
  const settings = await counter.handlers['settings:get']({});
  const test = settings.ok ? settings.value.connectionTest : null;
  if (settings.ok && settings.value.secretConfigured && !(test?.current && test.ok)) {
    const tested = await counter.handlers['settings:test-connection']({});
    if (!tested.ok || !tested.value.ok)
      throw new Error(`connection test failed: ${JSON.stringify(tested)}`);
  }
  return counter;
}

/** Charges through the IPC handler, as the Charge button does; throws if refused. */
export async function charge(
  counter: Counter,
  amount: string,
  currency = 'CNY',
): Promise<PaymentView> {
  const result = await counter.handlers['payments:charge']({ amount, currency });
  if (!result.ok) throw new Error(`charge refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Presses the customer's button on the sandbox's page for a payment; returns the HTTP status. */
export async function pressOnSandbox(
  sandbox: Sandbox,
  paymentId: string,
  action: 'success' | 'decline',
  projectId = TEST_PROJECT,
): Promise<number> {
  const payment = sandbox.payment(projectId, paymentId);
  if (!payment) throw new Error(`the sandbox has no payment ${paymentId}`);
  const res = await fetch(sandbox.customerUrl(payment), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `action=${action}`,
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

/** Waits (bounded) until the journaled payment satisfies `accept`; returns it. */
export async function waitForPayment(
  counter: Counter,
  paymentId: string,
  accept: (p: PaymentView) => boolean,
  timeoutMs = 5000,
): Promise<PaymentView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await counter.handlers['payments:get']({ paymentId });
    if (result.ok && accept(result.value)) return result.value;
    if (Date.now() > deadline) {
      throw new Error(
        `payment ${paymentId} did not reach the expected state in ${timeoutMs} ms (now ${result.ok ? result.value.state : result.error.message})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Posts a callback to the counter as Gate would, signed with `secret` (the test project's by
 * default); returns the HTTP status the counter answered.
 */
export async function postCallback(
  counter: Counter,
  callback: Record<string, unknown>,
  secret = TEST_SECRET,
): Promise<number> {
  const res = await fetch(counter.callbackUrl()!, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...callback, signature: sign(callback, secret) }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Gate's final callback about a sale of `amount` CNY minor units with `status`. */
export function saleCallback(
  paymentId: string,
  amount: number,
  status: string,
): Record<string, unknown> {
  const sum = { amount, currency: 'CNY' };
  return {
    project_id: TEST_PROJECT,
    payment: { id: paymentId, status, sum },
    operation: {
      type: 'sale',
      status,
      ...(status === 'success' ? { code: '0', message: 'Success' } : {}),
      sum_initial: sum,
    },
  };
}
