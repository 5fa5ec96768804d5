import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createCounter, type Counter } from '../../src/main/app/create-counter';
import { createMemorySecretStore, projectAccount } from '../../src/main/secrets/secret-store';
import type { Settings } from '../../src/main/settings/settings';
import { findingText } from '../../src/main/gate/connection-findings';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import {
  completeFirstRun,
  FAST_POLLING,
  LIVE_REQUEST_SETTINGS,
  tempDataDir,
  TEST_PIN,
  TEST_SECRET,
} from '../support/counter-harness';
import { FAST_PIN } from '../support/counter-harness';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));

/** A server on loopback that answers every request with `handler`; closed after each test. */
async function fakeServer(
  handler: http.RequestListener,
  tls = false,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = tls
    ? https.createServer(
        // A self-signed certificate (test/fixtures), which the counter must not trust.
        { key: fixture('self-signed-key.pem'), cert: fixture('self-signed-cert.pem') },
        handler,
      )
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Test connection (Settings) on a live counter', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  async function sandboxFor(projectId: number, secret = TEST_SECRET): Promise<Sandbox> {
    const sandbox = await createSandbox({ projects: [{ id: projectId, secret }] });
    cleanup.push(() => sandbox.close());
    return sandbox;
  }

  /** A live counter with its PIN set, pointed at `gateUrl`; `secret` is what the keychain holds. */
  async function live(gateUrl: string, overrides: Partial<Settings> = {}): Promise<Counter> {
    const counter = await createCounter({
      pinCost: FAST_PIN,
      dataDir: tempDataDir(),
      mode: 'live',
      secretStore: createMemorySecretStore({ [projectAccount(4242)]: TEST_SECRET }),
      pollSchedule: FAST_POLLING,
      connectionTestTimeoutMs: 1500,
      settingsOverrides: {
        gateUrl,
        projectId: 4242,
        callbackPort: 0,
        purchaseMode: 'gate_qr',
        ...LIVE_REQUEST_SETTINGS,
        ...overrides,
      },
    });
    cleanup.push(() => counter.close());
    await counter.handlers['manager:set-pin']({ newPin: TEST_PIN });
    return counter;
  }

  async function test(counter: Counter) {
    const result = await counter.handlers['settings:test-connection']({});
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it('connected: Gate accepted the signature (3061 for a fresh id); only then can the counter charge', async () => {
    const sandbox = await sandboxFor(4242);
    const counter = await live(sandbox.url);
    const before = await counter.handlers['payments:charge']({ amount: '12.00', currency: 'CNY' });
    expect(before).toMatchObject({
      ok: false,
      error: { code: 'NOT_CONFIGURED', message: expect.stringContaining('Test connection') },
    });
    expect(counter.journal.page(10)).toEqual([]); // refused before anything was journaled

    const result = await test(counter);
    expect(result).toMatchObject({ ok: true, current: true });
    expect(result.findings[0]).toEqual({
      ok: true,
      said: { id: 'settings.test.finding.connected', values: { project: 4242 } },
      detail: '3061 Transaction not found',
    });
    expect(findingText(result.findings[0]!)).toBe(
      'ecommpay accepted project 4242 and its secret key. (3061 Transaction not found)',
    );
    expect(Date.now() - result.at).toBeLessThan(5000);
    expect(await counter.handlers['settings:get']({})).toMatchObject({
      ok: true,
      value: { ready: true, connectionTest: { ok: true, current: true } },
    });
    expect(
      await counter.handlers['payments:charge']({ amount: '12.00', currency: 'CNY' }),
    ).toMatchObject({ ok: true, value: { state: 'requested' } });
  });

  it('a pass counts for the secret it ran with: a new secret key must be tested again', async () => {
    const sandbox = await sandboxFor(4242);
    const counter = await live(sandbox.url);
    expect(await test(counter)).toMatchObject({ ok: true });
    await counter.handlers['settings:update']({ secret: 'another-secret-999', pin: TEST_PIN });
    expect(await counter.handlers['settings:get']({})).toMatchObject({
      ok: true,
      value: { ready: false, connectionTest: { ok: true, current: false } },
    });
    // And that secret is wrong: the test says so in words a merchant understands.
    const wrong = await test(counter);
    expect(wrong).toMatchObject({ ok: false, current: true });
    expect(findingText(wrong.findings[0]!)).toMatch(
      /^ecommpay refused the secret key of project 4242\. Copy it again from ecommpay's Dashboard\. \(HTTP \d+, 3261 Invalid signature\)/,
    );
    expect(
      await counter.handlers['payments:charge']({ amount: '12.00', currency: 'CNY' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
  });

  it('unknown project: 2442', async () => {
    const sandbox = await sandboxFor(7777);
    const counter = await live(sandbox.url);
    expect(findingText((await test(counter)).findings[0]!)).toMatch(
      /^ecommpay does not know project 4242\. Check the project id\. \(HTTP \d+, 2442 Project ID not found: 4242\)/,
    );
  });

  it('Gate unreachable: refused, timed out, TLS not trusted, each named', async () => {
    const refused = await live(`http://127.0.0.1:${await closedPort()}`);
    expect(findingText((await test(refused)).findings[0]!)).toMatch(
      /^127\.0\.0\.1:\d+ refused the connection\. \(ECONNREFUSED\)/,
    );

    const silent = await fakeServer(() => {}); // accepts, never answers
    cleanup.push(silent.close);
    expect(findingText((await test(await live(silent.url))).findings[0]!)).toMatch(
      /^ecommpay \(127\.0\.0\.1:\d+\) did not answer within 2 seconds\./,
    );

    const selfSigned = await fakeServer((_req, res) => res.end('{}'), true);
    cleanup.push(selfSigned.close);
    // https to a loopback address is allowed in settings; its certificate is not trusted.
    expect(findingText((await test(await live(selfSigned.url))).findings[0]!)).toMatch(
      /^The secure connection to 127\.0\.0\.1:\d+ failed\. A proxy, firewall or antivirus may be in the way, or this computer's clock is wrong\. \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
    );
  });

  it.each([
    [
      407,
      'text/html',
      '<h1>Proxy login</h1>',
      /^A proxy between this computer and 127\.0\.0\.1:\d+ asks for a login, which the counter cannot give\. \(HTTP 407\)/,
    ],
    [
      403,
      'text/html',
      '<h1>Forbidden</h1>',
      /^ecommpay refused this computer\. Ask ecommpay to allow the store's public IP address\. \(HTTP 403\)/,
    ],
    [
      200,
      'text/html',
      '<html>welcome</html>',
      /^127\.0\.0\.1:\d+ answered with something that is not ecommpay's: is the Gate address right\? \(HTTP 200\)/,
    ],
  ])(
    'an HTTP %i that is not Gate is named for what it likely is',
    async (status, type, body, text) => {
      const server = await fakeServer((_req, res) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      });
      cleanup.push(server.close);
      const result = await test(await live(server.url));
      expect(result.ok).toBe(false);
      expect(findingText(result.findings[0]!)).toMatch(text);
    },
  );

  it('callbacks: a public URL that leads to this counter passes; one that leads elsewhere is named', async () => {
    const sandbox = await sandboxFor(4242);
    const counter = await live(sandbox.url);
    // The counter's own listener address stands in for a tunnel that forwards to it.
    await counter.handlers['settings:update']({
      callbackPublicUrl: counter.callbackUrl()!,
      pin: TEST_PIN,
    });
    const reached = await test(counter);
    expect(reached.ok).toBe(true);
    expect(reached.findings[1]).toMatchObject({ ok: true });
    expect(findingText(reached.findings[1]!)).toMatch(
      /^Payment results reach this counter: a test sent to http:\/\/127\.0\.0\.1:\d+\/callback arrived\./,
    );
    // A probe never reaches Gate's callback path: nothing was recorded.
    expect(counter.journal.callbacksOf('x')).toEqual([]);

    const elsewhere = await fakeServer((_req, res) => res.writeHead(404).end('not here'));
    cleanup.push(elsewhere.close);
    await counter.handlers['settings:update']({
      callbackPublicUrl: `${elsewhere.url}/callback`,
      pin: TEST_PIN,
    });
    const missed = await test(counter);
    // Gate is fine, so the counter may charge; the callback path is reported, not blocking.
    expect(missed.ok).toBe(true);
    expect(missed.findings[1]).toMatchObject({ ok: false });
    expect(findingText(missed.findings[1]!)).toMatch(
      /^A test sent to http:\/\/127\.0\.0\.1:\d+\/callback did not reach this counter\. Check that your tunnel or reverse proxy forwards .* \(HTTP 404, not from this counter's listener\)/,
    );

    await counter.handlers['settings:update']({
      callbackPublicUrl: `http://127.0.0.1:${await closedPort()}/callback`,
      pin: TEST_PIN,
    });
    expect(findingText((await test(counter)).findings[1]!)).toMatch(
      /^127\.0\.0\.1:\d+ refused the connection\. Check that your tunnel or reverse proxy forwards/,
    );
  });

  it('the result is kept in the journal, with its time, across a restart', async () => {
    const sandbox = await sandboxFor(4242);
    const dataDir = tempDataDir();
    const config = {
      pinCost: FAST_PIN,
      dataDir,
      mode: 'live' as const,
      secretStore: createMemorySecretStore({ [projectAccount(4242)]: TEST_SECRET }),
      settingsOverrides: {
        gateUrl: sandbox.url,
        projectId: 4242,
        callbackPort: 0,
        ...LIVE_REQUEST_SETTINGS,
      },
    };
    const first = await completeFirstRun(await createCounter(config));
    const at = (await first.handlers['settings:get']({})).ok ? Date.now() : 0;
    await first.close();
    const second = await createCounter(config);
    cleanup.push(() => second.close());
    const view = await second.handlers['settings:get']({});
    expect(view).toMatchObject({ ok: true, value: { ready: true } });
    if (view.ok) expect(Math.abs(view.value.connectionTest!.at - at)).toBeLessThan(5000);
    expect(second.journal.auditLog().some((e) => e.action === 'connection tested')).toBe(true);
  });
});
