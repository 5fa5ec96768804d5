import { MAX_CALLBACK_BYTES } from '../../../src/protocol/callback-body';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startCallbackListener,
  type CallbackListener,
  type ReceivedCallback,
} from '../../../src/main/callbacks/callback-listener';
import { sign } from '../../../src/protocol/signer';

const SECRET = 'listener-secret';

describe('callback listener', () => {
  let listener: CallbackListener;
  const received: ReceivedCallback[] = [];
  let failNext = false;
  beforeAll(async () => {
    listener = await startCallbackListener({
      secret: () => SECRET,
      maxBodyBytes: 4096,
      onCallback: (c) => {
        if (failNext) {
          failNext = false;
          throw new Error('journal unavailable');
        }
        received.push(c);
      },
    });
  });
  afterAll(() => listener.close());

  const post = (body: string, path = '/callback') =>
    fetch(`${listener.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
  const callback = { payment: { id: 'p1', status: 'success' } };

  it('answers 200 to a valid callback and hands it over verified', async () => {
    const res = await post(JSON.stringify({ ...callback, signature: sign(callback, SECRET) }));
    expect(res.status).toBe(200);
    expect(received.at(-1)?.parsed).toMatchObject({
      ok: true,
      callback: { payment: { id: 'p1' } },
    });
    expect(received.at(-1)?.remoteAddress).toMatch(/127\.0\.0\.1/);
  });

  it('answers 400 to a bad signature, an unsigned body and malformed JSON, but records each', async () => {
    const before = received.length;
    expect(
      (await post(JSON.stringify({ ...callback, signature: sign(callback, 'wrong') }))).status,
    ).toBe(400);
    expect((await post(JSON.stringify(callback))).status).toBe(400);
    expect((await post('{not json')).status).toBe(400);
    expect(received.slice(before).map((r) => r.parsed.ok || r.parsed.problem)).toEqual([
      'bad_signature',
      'bad_signature',
      'malformed_json',
    ]);
    expect(received.at(-1)?.rawText).toBe('{not json');
  });

  it('answers 200 to a valid callback it does not handle, so Gate stops retrying', async () => {
    const token = { project_id: 1, recurring: { id: 5 } };
    expect((await post(JSON.stringify({ ...token, signature: sign(token, SECRET) }))).status).toBe(
      200,
    );
    expect(received.at(-1)?.parsed).toMatchObject({ ok: false, problem: 'unsupported_shape' });
  });

  it('answers 413 to an oversized body without reading it all', async () => {
    const before = received.length;
    expect((await post(JSON.stringify({ pad: 'x'.repeat(10_000) }))).status).toBe(413);
    expect(received.length).toBe(before);
  });

  it('answers 500 when the callback could not be recorded, so Gate delivers it again', async () => {
    failNext = true;
    expect(
      (await post(JSON.stringify({ ...callback, signature: sign(callback, SECRET) }))).status,
    ).toBe(500);
  });

  it('answers 404 on other paths and 405 to other methods (OPTIONS too: no CORS preflight is ever granted)', async () => {
    expect((await post('{}', '/other')).status).toBe(404);
    expect((await fetch(`${listener.url}/callback`)).status).toBe(405);
    const preflight = await fetch(`${listener.url}/callback`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes JSON only: a form or text post (what a web page can send without a preflight) gets 415, unrecorded', async () => {
    const before = received.length;
    const signed = JSON.stringify({ ...callback, signature: sign(callback, SECRET) });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await fetch(`${listener.url}/callback`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: signed,
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ message: 'bad request' });
    }
    expect(received.length).toBe(before);
    expect(
      (
        await fetch(`${listener.url}/callback`, {
          method: 'POST',
          headers: { 'content-type': 'Application/JSON; charset=utf-8' },
          body: signed,
        })
      ).status,
    ).toBe(200);
  });

  it('tells an unverified caller nothing about the parser: "invalid signature" or "bad request"', async () => {
    const answers = await Promise.all([
      post(JSON.stringify({ ...callback, signature: sign(callback, 'wrong') })),
      post('{"payment": {"id": "p1", "status": ['),
    ]);
    expect(await Promise.all(answers.map((r) => r.json()))).toEqual([
      { message: 'invalid signature' },
      { message: 'bad request' },
    ]);
  });

  it('a connection-test probe is answered once, only while it is awaited, and never recorded', async () => {
    const before = received.length;
    const probe = (nonce: string) =>
      fetch(`${listener.url}/callback?counter_probe=${nonce}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    const seen = listener.expectProbe('n0nce', 2000);
    const answer = await probe('n0nce');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ message: 'OK', probe: 'n0nce' });
    expect(await seen).toBe(true);
    // Used up: the same nonce again, or one nobody waits for, is an ordinary unsigned body.
    expect((await probe('n0nce')).status).toBe(400);
    expect((await probe('guess')).status).toBe(400);
    expect(received.length).toBe(before + 2);
    expect(await listener.expectProbe('never-sent', 50)).toBe(false);
  });
});

describe('callback listener: oversized bodies are cut off as they stream in', () => {
  it('answers 413 as soon as the body passes the limit, while the sender is still sending', async () => {
    const received: ReceivedCallback[] = [];
    const listener = await startCallbackListener({
      secret: () => SECRET,
      maxBodyBytes: 64 * 1024,
      onCallback: (c) => void received.push(c),
    });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        // No Content-Length: the size is only known as the bytes arrive.
        const req = http.request(`${listener.url}/callback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        // Well past the limit, then wait: the answer must come without the body's end.
        for (let i = 0; i < 8; i++) req.write(chunk);
        setTimeout(() => reject(new Error('no answer before the body ended')), 5000).unref();
      });
      expect(status).toBe(413);
      expect(received).toEqual([]);
    } finally {
      await listener.close();
    }
  });

  it('takes a callback of 200 KiB by default (qr_img carries a Base64 image), and 413 past the cap', async () => {
    const received: ReceivedCallback[] = [];
    const listener = await startCallbackListener({
      secret: () => SECRET,
      onCallback: (c) => void received.push(c),
    });
    try {
      const body = {
        payment: { id: 'big', status: 'awaiting customer action' },
        display_data: [{ type: 'qr_img', title: 'QR code', data: 'A'.repeat(200 * 1024) }],
      };
      const res = await fetch(`${listener.url}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, signature: sign(body, SECRET) }),
      });
      expect(res.status).toBe(200);
      expect(received[0]?.parsed.ok).toBe(true);
      // The same cap as the relay's: a body one byte over it is refused, nothing recorded.
      const over = {
        ...body,
        display_data: [{ type: 'qr_img', data: 'A'.repeat(MAX_CALLBACK_BYTES) }],
      };
      const refused = await fetch(`${listener.url}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...over, signature: sign(over, SECRET) }),
      });
      expect(refused.status).toBe(413);
      expect(received).toHaveLength(1);
    } finally {
      await listener.close();
    }
  });
});

describe('callback listener: crafted bodies', () => {
  it('refuses a body with more fields or deeper nesting than any callback has, as a bad request', async () => {
    const received: ReceivedCallback[] = [];
    const listener = await startCallbackListener({
      secret: () => SECRET,
      onCallback: (c) => void received.push(c),
    });
    try {
      const wide = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i]));
      const deep = JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as object;
      for (const body of [wide, { payment: deep }]) {
        const res = await fetch(`${listener.url}/callback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, signature: sign(body, SECRET) }),
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ message: 'bad request' });
      }
      // Recorded as unverified (what came, from where), never applied.
      expect(received.map((c) => c.parsed.ok)).toEqual([false, false]);
    } finally {
      await listener.close();
    }
  });
});

describe('callback listener: slow and crowding clients', () => {
  it('closes a connection whose headers never finish, and refuses connections past its cap', async () => {
    const listener = await startCallbackListener({
      secret: () => SECRET,
      onCallback: () => {},
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
      maxConnections: 3,
    });
    const port = listener.port;
    try {
      // A client that sends half a request and waits: cut off by the header timeout.
      const closedAfter = await new Promise<number>((resolve) => {
        const start = Date.now();
        const socket = net.connect(port, '127.0.0.1', () =>
          socket.write('POST /callback HTTP/1.1\r\nHost: x\r\n'),
        );
        socket.resume(); // read what the server says, so that its close is seen
        socket.on('close', () => resolve(Date.now() - start));
        socket.on('error', () => {});
        setTimeout(() => socket.destroy(), 5000).unref();
      });
      expect(closedAfter).toBeLessThan(4000);

      // Three idle connections fill the cap: a fourth is closed without an answer.
      const idle = await Promise.all(
        Array.from(
          { length: 3 },
          () =>
            new Promise<net.Socket>((resolve) => {
              const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
              socket.on('error', () => {});
            }),
        ),
      );
      const fourth = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () =>
          socket.write(
            'POST /callback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
          ),
        );
        let answer = '';
        socket.on('data', (d) => (answer += d.toString()));
        socket.on('close', () => resolve(answer));
        socket.on('error', () => resolve(answer));
        setTimeout(() => socket.destroy(), 3000).unref();
      });
      expect(fourth).toBe('');
      for (const socket of idle) socket.destroy();
    } finally {
      await listener.close();
    }
  });
});
