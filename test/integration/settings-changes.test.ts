import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCounter, type Counter } from '../../src/main/app/create-counter';
import { createMemorySecretStore, projectAccount } from '../../src/main/secrets/secret-store';
import { startDemoCounter, tempDataDir, TEST_PIN, TEST_SECRET } from '../support/counter-harness';
import { FAST_PIN } from '../support/counter-harness';

/** Where a POST to the listener's callback path gets an answer from (status), or why not. */
async function listenerAnswers(url: string): Promise<number | string> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await res.arrayBuffer();
    return res.status;
  } catch (error) {
    return ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? 'failed';
  }
}

describe('changing settings', () => {
  let counter: Counter | undefined;
  const servers: http.Server[] = [];
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
  });

  async function freshLive(): Promise<Counter> {
    return createCounter({
      pinCost: FAST_PIN,
      dataDir: tempDataDir(),
      mode: 'live',
      secretStore: createMemorySecretStore({ [projectAccount(4242)]: TEST_SECRET }),
      settingsOverrides: { callbackPort: 0 },
    });
  }

  it('a live counter asks for the manager PIN before any setting, then for the PIN with each change', async () => {
    counter = await freshLive();
    for (const change of [
      { gateUrl: 'https://gate.attacker.example' },
      { secret: 'attacker-secret-123' },
      { callbackBindAddress: '0.0.0.0' },
      { merchantName: 'Tea' },
    ]) {
      expect(await counter.handlers['settings:update'](change)).toMatchObject({
        ok: false,
        error: { code: 'PIN_NOT_SET', message: expect.stringContaining('Set a manager PIN first') },
      });
    }
    expect(counter.journal.auditLog()).not.toContainEqual(
      expect.objectContaining({ action: 'settings changed' }),
    );
    await counter.handlers['manager:set-pin']({ newPin: TEST_PIN });
    // No PIN and the manager session locked: asked for the PIN (not counted as a wrong one).
    expect(await counter.handlers['settings:update']({ merchantName: 'Tea' })).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_LOCKED' },
    });
    expect(await counter.handlers['manager:status']({})).toMatchObject({
      ok: true,
      value: { failures: 0 },
    });
    expect(
      await counter.handlers['settings:update']({ merchantName: 'Tea', pin: TEST_PIN }),
    ).toMatchObject({ ok: true, value: { merchantName: 'Tea', pinSet: true } });
    // In the open manager session, a change needs no second PIN.
    await counter.handlers['manager:unlock']({ pin: TEST_PIN });
    expect(await counter.handlers['settings:update']({ merchantName: 'Tea House' })).toMatchObject({
      ok: true,
      value: { merchantName: 'Tea House' },
    });
  });

  it('demo mode keeps its sandbox return page and documentation address', async () => {
    counter = await startDemoCounter();
    const settings = await counter.handlers['settings:get']({});
    expect(settings).toMatchObject({
      ok: true,
      value: {
        customerReturnUrl: `${counter.sandbox!.url}/return`,
        storeIpAddress: '192.0.2.10',
        ready: true,
      },
    });
    for (const change of [
      { customerReturnUrl: 'https://shop.example/x' },
      { storeIpAddress: '8.8.8.8' },
    ]) {
      expect(await counter.handlers['settings:update']({ ...change, pin: '2468' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_STATE' },
      });
    }
    // The sandbox's return page is a real page the phone lands on.
    const page = await fetch(`${counter.sandbox!.url}/return`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Back at the shop');
  });

  it('a new callback port is bound before it is saved: a taken port keeps the old listener', async () => {
    counter = await startDemoCounter();
    const oldUrl = counter.callbackUrl()!;
    const taken = http.createServer((_req, res) => res.end('someone else'));
    servers.push(taken);
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const takenPort = (taken.address() as AddressInfo).port;

    const refused = await counter.handlers['settings:update']({
      callbackPort: takenPort,
      pin: '2468',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'callbackPort',
        message: `settings:update: callbackPort: The counter cannot receive payment results on 127.0.0.1:${takenPort}: another program uses this port. The old address stays in use.`,
      },
    });
    expect(counter.callbackUrl()).toBe(oldUrl);
    expect(await listenerAnswers(oldUrl)).toBe(400); // still ours: an unsigned body
    const settings = await counter.handlers['settings:get']({});
    expect(settings.ok && settings.value.callbackPort).toBe(0);

    // The manager types a port nobody uses. Another process may take it between our look and
    // the counter's bind (the counter then refuses it, as above): then another one, a few times.
    let port = 0;
    let moved: Awaited<ReturnType<(typeof counter.handlers)['settings:update']>> | undefined;
    for (let attempt = 0; attempt < 3 && !moved?.ok; attempt++) {
      port = await unusedPort();
      moved = await counter.handlers['settings:update']({ callbackPort: port, pin: '2468' });
      if (!moved.ok && !moved.error.message.includes('already in use')) break;
    }
    expect(moved).toMatchObject({ ok: true, value: { callbackPort: port } });
    expect(counter.callbackUrl()).toBe(`http://127.0.0.1:${port}/callback`);
    expect(await listenerAnswers(counter.callbackUrl()!)).toBe(400);
    expect(await listenerAnswers(oldUrl)).toBe('ECONNREFUSED');
  });

  it('an address that is not one of this PC is refused, and the old listener stays', async () => {
    counter = await startDemoCounter();
    const oldUrl = counter.callbackUrl()!;
    expect(
      await counter.handlers['settings:update']({
        callbackBindAddress: '203.0.113.9',
        pin: '2468',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'callbackBindAddress',
        message: expect.stringContaining("that address is not one of this computer's"),
      },
    });
    expect(await listenerAnswers(oldUrl)).toBe(400);
  });

  it('every currency has a maximum (USD 700.00 by default), which a manager may move within the bounds', async () => {
    counter = await startDemoCounter();
    const refused = await counter.handlers['payments:charge']({
      amount: '800.00',
      currency: 'USD',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'AMOUNT_ABOVE_MAXIMUM',
        message: 'The maximum purchase is 700.00 USD; 800.00 USD is above it.',
      },
    });
    expect(counter.journal.page(5)).toEqual([]); // nothing journaled, nothing sent
    expect(
      await counter.handlers['settings:update']({
        amountLimits: { CNY: { min: 10_00, max: 9_000_00 } },
        pin: '2468',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        field: 'amountLimits.CNY.max',
        message:
          'settings:update: amountLimits.CNY.max: At most 5,000 CNY: no larger limit is allowed.',
      },
    });
    const raised = await counter.handlers['settings:update']({
      amountLimits: { USD: { min: 1_00, max: 2_000_00 } },
      pin: '2468',
    });
    expect(raised).toMatchObject({
      ok: true,
      value: {
        purchaseLimits: { USD: { min: 100, max: 200000 }, CNY: { min: 1000, max: 500000 } },
      },
    });
    expect(
      await counter.handlers['payments:charge']({ amount: '800.00', currency: 'USD' }),
    ).toMatchObject({ ok: true, value: { amount: 80000, currency: 'USD' } });
  });
});

/** A loopback port nothing listens on right now (it may be taken by the time it is used). */
async function unusedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
