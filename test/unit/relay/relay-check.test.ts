import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRelayPath } from '../../../src/main/relay/relay-check';

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
    expect(finding.text).toContain(`Gate posts to ${relay.url}/cb/S1/C2/AbCd…`);
    expect(finding.text).not.toContain(TOKEN);
    expect(finding.text).toContain('since 09:05');
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
    expect(finding.text).toMatch(
      /not been connected to its NATS servers since 09:05 \(Authorization Violation\)/,
    );
  });

  it('names a relay that cannot reach its broker, a wrong address, and no answer at all', async () => {
    const broken = await fakeRelay(503);
    const elsewhere = await fakeRelay(404);
    open.push(broken.close, elsewhere.close);
    const link = { status: { state: 'connected' as const, since: at }, problem: undefined };
    expect((await checkRelayPath(fields(broken.url), link, 2000)).text).toMatch(
      /answered 503: the relay runs but cannot reach its NATS servers/,
    );
    expect((await checkRelayPath(fields(elsewhere.url), link, 2000)).text).toMatch(
      /answered HTTP 404: is this the relay's address\?/,
    );
    const gone = await fakeRelay(200);
    await gone.close();
    const refused = await checkRelayPath(fields(gone.url), link, 2000);
    expect(refused).toMatchObject({ ok: false, kind: 'relay_unreachable' });
    expect(refused.text).toMatch(
      /^Callback relay unreachable: 127\.0\.0\.1:\d+ refused the connection \(ECONNREFUSED\)\. Gate's callbacks/,
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
    expect(finding.text).toMatch(
      /^Callback relay unreachable: 127\.0\.0\.1:\d+ did not answer within/,
    );
  });
});
