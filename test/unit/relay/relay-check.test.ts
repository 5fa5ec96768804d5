import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRelayPath } from '../../../src/main/relay/relay-check';
import { findingText } from '../../../src/main/gate/connection-findings';

/** A stand-in relay whose /health answers `status`. */
async function fakeRelay(status: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.statusCode = req.url === '/health' ? status : 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const fields = (relayPublicUrl: string) => ({
  relayNatsUrls: ['nats://127.0.0.1:4222'],
  relayCallbackUrl: `${relayPublicUrl}/cb/S1/C2/${TOKEN}`,
});
const at = new Date(2026, 11, 3, 9, 5).getTime();

describe('Test connection with a callback relay', () => {
  const open: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of open.splice(0)) await close();
  });

  it('passes when the relay answers and this counter is connected', async () => {
    const relay = await fakeRelay(200);
    open.push(relay.close);
    const finding = await checkRelayPath(
      fields(relay.url),
      { status: { state: 'connected', since: at }, problem: undefined },
      2000,
    );
    expect(finding.ok).toBe(true);
    // The token is shown cut short: findings are kept in the journal and shown on screen.
    expect(findingText(finding)).toContain(`${relay.url}/cb/S1/C2/AbCd…`);
    expect(JSON.stringify(finding)).not.toContain(TOKEN);
    expect(finding.said).toEqual({ id: 'settings.test.finding.relayOk', values: { since: at } });
    expect(findingText(finding)).toMatch(
      /^Payment results come through the callback relay: it answers, and this counter has been connected to it since 9:05/,
    );
  });

  it('says the counter is not collecting, and why, when the relay answers but the link is down', async () => {
    const relay = await fakeRelay(200);
    open.push(relay.close);
    const finding = await checkRelayPath(
      fields(relay.url),
      { status: { state: 'reconnecting', since: at }, problem: 'Authorization Violation' },
      2000,
    );
    expect(finding).toMatchObject({ ok: false, kind: 'relay_not_connected' });
    expect(findingText(finding)).toBe(
      'The callback relay answers, but this counter is not connected to it: payment results wait at the relay. Until this works, payments are confirmed by asking ecommpay, more slowly. (since 09:05: Authorization Violation)',
    );
  });

  it('names a relay that cannot reach its broker, a wrong address, and no answer at all', async () => {
    const broken = await fakeRelay(503);
    const elsewhere = await fakeRelay(404);
    open.push(broken.close, elsewhere.close);
    const link = { status: { state: 'connected' as const, since: at }, problem: undefined };
    expect(findingText(await checkRelayPath(fields(broken.url), link, 2000))).toMatch(
      /^The callback relay runs but cannot reach its servers\..*HTTP 503/,
    );
    expect(findingText(await checkRelayPath(fields(elsewhere.url), link, 2000))).toMatch(
      /^The relay's address answered something unexpected: is it the relay's address\?.*HTTP 404/,
    );
    const gone = await fakeRelay(200);
    await gone.close();
    const refused = await checkRelayPath(fields(gone.url), link, 2000);
    expect(refused).toMatchObject({ ok: false, kind: 'relay_unreachable' });
    expect(findingText(refused)).toMatch(
      /^127\.0\.0\.1:\d+ refused the connection\. Until this works, payments are confirmed by asking ecommpay, more slowly\. \(ECONNREFUSED/,
    );
  });

  it('says so in plain words when the relay accepts the connection but never answers', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    open.push(
      () =>
        new Promise((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const link = { status: { state: 'connected' as const, since: at }, problem: undefined };
    const finding = await checkRelayPath(fields(url), link, 300);
    expect(finding).toMatchObject({ ok: false, kind: 'relay_unreachable' });
    expect(findingText(finding)).toMatch(
      /^The callback relay \(127\.0\.0\.1:\d+\) did not answer within 1 second\./,
    );
  });
});
