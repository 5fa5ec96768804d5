import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startCallbackListener,
  type CallbackListener,
  type ReceivedCallback,
} from '../../../src/main/callbacks/callback-listener';
import { sign } from '../../../src/main/gate/signer';

const SECRET = 'listener-secret';

describe('callback listener (DESIGN §5)', () => {
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

  it('answers 404 on other paths and 405 to other methods', async () => {
    expect((await post('{}', '/other')).status).toBe(404);
    expect((await fetch(`${listener.url}/callback`)).status).toBe(405);
  });
});
