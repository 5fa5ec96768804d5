import http from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchQrImage, isBase64, qrViewOf, setupHint } from '../../../src/main/payments/qr-view';

const ALL = {
  acceptedQrKinds: ['qr_data', 'qr_url', 'qr_img', 'redirect'] as Array<
    'qr_data' | 'qr_url' | 'qr_img' | 'redirect'
  >,
  projectId: 42,
};

describe('what the screens can show of a QR', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const png = await QRCode.toBuffer('https://qr.example/1');
    server = http.createServer((req, res) => {
      if (req.url === '/qr.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else if (req.url === '/redirect') res.writeHead(302, { location: '/qr.png' }).end();
      else if (req.url === '/huge') {
        // No Content-Length, and the body never ends: only a reader that counts as the bytes
        // stream in can answer (one that waits for the end would wait for its timeout).
        res.writeHead(200, { 'content-type': 'image/png' });
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(64 * 1024, 1));
      } else if (req.url === '/page.html')
        res.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert(1)</script>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('qr_data: text the renderer draws', async () => {
    expect(await qrViewOf({ kind: 'qr_data', data: 'weixin://x' }, ALL)).toEqual({
      kind: 'text',
      text: 'weixin://x',
    });
  });

  it('qr_url: fetched by main and shown as a PNG data URL', async () => {
    const view = await qrViewOf({ kind: 'qr_url', url: `${base}/qr.png` }, ALL);
    expect(view.kind).toBe('image');
    expect(
      view.kind === 'image' && view.dataUrl.startsWith('data:image/png;base64,iVBORw0KGgo'),
    ).toBe(true);
  });

  it('qr_url that is not an image, missing, or not http(s): not shown, with the reason', async () => {
    expect(await fetchQrImage(`${base}/page.html`)).toMatchObject({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.badImage' },
      detail: expect.stringContaining('not a PNG or JPEG'),
    });
    expect(await fetchQrImage(`${base}/nothing.png`)).toMatchObject({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.imageNotLoaded' },
      detail: expect.stringContaining('HTTP 404'),
    });
    expect(await fetchQrImage('javascript:alert(1)')).toMatchObject({ kind: 'unscannable' });
  });

  it('qr_url: https only (http just to this machine), no redirects, and a size cap as it streams', async () => {
    expect(await fetchQrImage('http://qr.example/q.png')).toEqual({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.imageNotLoaded' },
      detail: 'Gate sent a QR image link that is not https (http:), so it is not loaded.',
    });
    expect(await fetchQrImage(`${base}/redirect`)).toEqual({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.imageNotLoaded' },
      detail: 'The QR image link redirects elsewhere; the counter does not follow it.',
    });
    expect(await fetchQrImage(`${base}/huge`)).toEqual({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.badImage' },
      detail: 'The QR image is too large to be a QR code.',
    });
  });

  it('qr_data longer than a QR can hold is refused in main, with a message', async () => {
    expect(await qrViewOf({ kind: 'qr_data', data: 'x'.repeat(5000) }, ALL)).toEqual({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.tooLong' },
      detail: 'Gate sent a QR text too long for a QR code (5000 characters).',
    });
    expect(await qrViewOf({ kind: 'qr_data', data: 'x'.repeat(2900) }, ALL)).toMatchObject({
      kind: 'text',
    });
  });

  it('qr_img: only PNG or JPEG bytes are shown', async () => {
    const png = (await QRCode.toBuffer('x')).toString('base64');
    expect(await qrViewOf({ kind: 'qr_img', base64: png }, ALL)).toMatchObject({ kind: 'image' });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]).toString('base64');
    expect(await qrViewOf({ kind: 'qr_img', base64: jpeg }, ALL)).toMatchObject({
      kind: 'image',
      dataUrl: expect.stringMatching(/^data:image\/jpeg/),
    });
    const svg = Buffer.from('<svg onload="alert(1)"/>').toString('base64');
    expect(await qrViewOf({ kind: 'qr_img', base64: svg }, ALL)).toMatchObject({
      kind: 'unscannable',
    });
    expect(await qrViewOf({ kind: 'qr_img', base64: '%%%' }, ALL)).toMatchObject({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.badImage' },
      detail: expect.stringContaining('Base64'),
    });
  });

  it('a POST redirect cannot be scanned: one plain sentence; the setting at ecommpay goes to the log', async () => {
    const source = { kind: 'unscannable_redirect', method: 'POST', url: 'https://h5' } as const;
    expect(await qrViewOf(source, ALL)).toEqual({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.webForm' },
    });
    expect(setupHint(source, 42)).toContain('redirection type of project 42');
  });

  it('a request for customer details cannot be finished at the counter', async () => {
    const source = { kind: 'clarification', fields: ['customer.first_name'] } as const;
    expect(await qrViewOf(source, ALL)).toMatchObject({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.clarification' },
    });
    expect(setupHint(source, 42)).toContain('customer.first_name');
  });

  it('checks Base64 in linear time: a megabyte of whitespace is answered at once, not in minutes', async () => {
    // A backtracking check took seconds on 60 KB of whitespace; this one is a single pass.
    const spaces = ' '.repeat(1024 * 1024);
    expect(isBase64(`${spaces}!`)).toBe(false);
    expect(isBase64(spaces)).toBe(false);
    expect(isBase64(`iVBO\n  Rw0K\r\nGgo=${spaces}`)).toBe(true);
    expect(isBase64('iVBORw0KGgo===')).toBe(false);
    expect(await qrViewOf({ kind: 'qr_img', base64: `${spaces}!` }, ALL)).toMatchObject({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.badImage' },
      detail: expect.stringContaining('Base64'),
    });
  });

  it('a QR form the counter does not accept names its own setting', async () => {
    const view = await qrViewOf(
      { kind: 'qr_url', url: `${base}/qr.png` },
      { ...ALL, acceptedQrKinds: ['qr_data'] },
    );
    expect(view).toMatchObject({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.notAccepted', values: { kind: 'qr_url' } },
      detail: expect.stringContaining('Settings → Accepted QR forms'),
    });
  });
});
