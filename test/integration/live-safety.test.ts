import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCounter, type Counter } from '../../src/main/app/create-counter';
import type { Settings } from '../../src/main/settings/settings';
import { sign } from '../../src/protocol/signer';
import { createMemorySecretStore, projectAccount } from '../../src/main/secrets/secret-store';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { setLogSink } from '../../src/main/logging/logger';
import {
  charge,
  completeFirstRun,
  FAST_POLLING,
  LIVE_REQUEST_SETTINGS,
  TEST_PIN,
  pressOnSandbox,
  startDemoCounter,
  tempDataDir,
  TEST_PROJECT,
  TEST_SECRET,
  postCallback,
  saleCallback,
  waitForPayment,
} from '../support/counter-harness';
import { FAST_PIN } from '../support/counter-harness';

const SECRETS_4242 = { [projectAccount(4242)]: TEST_SECRET };

/** What must hold on a live counter when its secret, project or Gate answers are not as usual. */
describe('live counter safety', () => {
  let counter: Counter | undefined;
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await counter?.close();
    await sandbox?.close();
    counter = undefined;
    sandbox = undefined;
  });

  /**
   * A live counter against the sandbox (or `overrides.gateUrl`), with `secrets` as its keychain,
   * its first run done (PIN set; connection test passed where it can).
   */
  async function live(
    dataDir: string,
    projectId: number,
    secrets: Record<string, string>,
    overrides: Partial<Settings> = {},
  ) {
    const created = await createCounter({
      pinCost: FAST_PIN,
      dataDir,
      mode: 'live',
      secretStore: createMemorySecretStore(secrets),
      pollSchedule: FAST_POLLING,
      notFoundGraceMs: 100,
      settingsOverrides: {
        projectId,
        gateUrl: sandbox!.url,
        callbackPort: 0,
        thresholdSeconds: 3600,
        merchantName: 'Test',
        // No public callback URL would pick the Payment Page link; these tests are about Gate QR.
        purchaseMode: 'gate_qr',
        ...LIVE_REQUEST_SETTINGS,
        ...overrides,
      },
    });
    return completeFirstRun(created);
  }

  it('without a secret loaded, a callback is recorded and answered 503, never applied (an empty key proves nothing)', async () => {
    sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
    counter = await live(tempDataDir(), 4242, {}); // the keychain has no secret for it
    counter.journal.create(
      {
        id: 'T01-OPEN-1',
        projectId: 4242,
        terminalId: 'T01',
        amount: 1000,
        currency: 'CNY',
        createdAt: Date.now(),
      },
      'sale written before a restart',
    );
    // Signed with the empty key, which anyone can do.
    const forged = saleCallback('T01-OPEN-1', 1000, 'success');
    expect(await postCallback(counter, { ...forged, project_id: undefined }, '')).toBe(503);
    expect(counter.journal.get('T01-OPEN-1')?.state).toBe('created');
    expect(counter.journal.callbacksOf('T01-OPEN-1')).toMatchObject([
      { verified: false, problem: expect.stringMatching(/^no_secret/) },
    ]);
  });

  it('a payment of another project is left open, not settled by this project\'s "not found"', async () => {
    sandbox = await createSandbox({
      projects: [
        { id: 4242, secret: TEST_SECRET },
        { id: 5555, secret: 'other-secret-5555' },
      ],
    });
    const dataDir = tempDataDir();
    const secrets = {
      [projectAccount(4242)]: TEST_SECRET,
      [projectAccount(5555)]: 'other-secret-5555',
    };
    counter = await live(dataDir, 4242, secrets);
    sandbox.setFaults({
      requests: [{ endpoint: 'sale', action: 'cut_after' }],
      dropCallbacks: true,
    });
    const started = await charge(counter, '30.00');
    expect(started.state).toBe('unknown');
    await counter.close();

    // The manager switches the counter to another project; the open sale is not its to settle.
    // Its status polls come to the sale and leave it: the log says so each time (what the test
    // waits for, as nothing reaches Gate).
    const leftOpen: string[] = [];
    setLogSink((line) => {
      if (line.includes('payment of another project left open') && line.includes(started.id))
        leftOpen.push(line);
    });
    try {
      counter = await live(dataDir, 5555, secrets);
      const waited = () =>
        leftOpen.length >= 2 || counter!.journal.get(started.id)?.state !== 'unknown';
      await expect.poll(waited, { timeout: 5000 }).toBe(true);
    } finally {
      setLogSink(null);
    }
    expect(counter.journal.get(started.id)?.state).toBe('unknown');
    await counter.close();

    // Back on its own project, the status answer settles it to what Gate holds.
    sandbox.setFaults({});
    await pressOnSandbox(sandbox, started.id, 'success', 4242);
    counter = await live(dataDir, 4242, secrets);
    await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
  });

  it('a payment settled as rejected that Gate then reopens is asked about again until it ends', async () => {
    // The sale's answer is lost, Gate says "not found" for a second (so the counter concludes
    // "rejected"), then the QR arrives late; the final callback is lost: only polling is left.
    sandbox = await createSandbox({
      projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }],
      statusNotFoundSeconds: 1,
      faults: { requests: [{ endpoint: 'sale', action: '5xx_after' }], delayCallbacksMs: 600 },
    });
    counter = await startDemoCounter({ sandboxUrl: sandbox.url, notFoundGraceMs: 100 });
    const started = await charge(counter, '25.00');
    expect(started.state).toBe('unknown');
    await waitForPayment(counter, started.id, (p) => p.state === 'rejected');
    await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
    sandbox.setFaults({ dropCallbacks: true });
    await pressOnSandbox(sandbox, started.id, 'success');
    const paid = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded', 5000);
    // The cashier was told "not charged" before: the success is a late payment, on screen or not.
    expect(paid.lateAlert).toBe('open');
  });

  it('an insecure address stored by an older version blocks new sales until it is fixed, then takes effect at once', async () => {
    sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
    counter = await live(tempDataDir(), 4242, SECRETS_4242, {
      paymentPageUrl: 'http://192.168.1.5/payment',
    });
    expect(
      await counter.handlers['payments:charge']({ amount: '12.00', currency: 'CNY' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_CONFIGURED',
        message: 'The Payment Page address must start with https:// (Settings).',
      },
    });
    expect(
      await counter.handlers['settings:update']({
        paymentPageUrl: 'https://paymentpage.ecommpay.com',
        pin: TEST_PIN,
      }),
    ).toMatchObject({ ok: true, value: { ready: true } });
    expect(['requested', 'awaiting_customer']).toContain((await charge(counter, '12.00')).state);
  });

  it('a success Gate reports after its decline wins, as a late payment to Keep or Refund', async () => {
    counter = await startDemoCounter();
    const started = await charge(counter, '400.00'); // the sandbox declines 40000
    await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
    await pressOnSandbox(counter.sandbox!, started.id, 'success');
    await waitForPayment(counter, started.id, (p) => p.state === 'declined');
    expect(await postCallback(counter, saleCallback(started.id, 40000, 'success'))).toBe(200);
    const paid = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    expect(paid.lateAlert).toBe('open');
  });

  it('a status answer with errors beside the payment ("not registered") settles nothing', async () => {
    // A fake Gate: the sale's answer is lost (502); status says "error" with an errors list.
    let statusAsked = 0;
    const fake = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        if (req.url?.endsWith('/sale')) return void res.writeHead(502).end('Bad Gateway');
        statusAsked++;
        const paymentId = (JSON.parse(text) as { general: { payment_id: string } }).general
          .payment_id;
        const body = {
          project_id: 4242,
          payment: { id: paymentId, status: 'error', sum: { amount: 1500, currency: 'CNY' } },
          operations: [],
          errors: [{ code: '3062', message: 'Payment not registered' }],
        };
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ...body, signature: sign(body, TEST_SECRET) }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    try {
      sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
      counter = await live(tempDataDir(), 4242, SECRETS_4242, {
        gateUrl: `http://127.0.0.1:${(fake.address() as AddressInfo).port}`,
      });
      const asked = statusAsked;
      const started = await charge(counter, '15.00');
      expect(started.state).toBe('unknown');
      // Polled one request at a time: the fourth proves three answers were applied (or it
      // settled, wrongly, before that).
      const waited = () =>
        statusAsked >= asked + 4 || counter!.journal.get(started.id)?.state !== 'unknown';
      await expect.poll(waited, { timeout: 5000 }).toBe(true);
      expect(counter.journal.get(started.id)?.state).toBe('unknown');
    } finally {
      fake.closeAllConnections();
      await new Promise((resolve) => fake.close(resolve));
    }
  });
});
