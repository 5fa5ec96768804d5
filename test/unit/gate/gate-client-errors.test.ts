import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateClient, type GateClient } from '../../../src/main/gate';
import { sign } from '../../../src/protocol/signer';

const SECRET = 'client-secret';

/** A fake Gate whose next answers the test scripts; it counts the requests it gets. */
function fakeGate() {
  let script: Array<(req: http.IncomingMessage, res: http.ServerResponse) => void> = [];
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text));
      const next = script.shift() ?? ((_q, r) => r.writeHead(500).end());
      next(req, res);
    });
  });
  return {
    server,
    bodies,
    answer(...handlers: typeof script) {
      script = handlers;
      bodies.length = 0;
    },
  };
}

const json =
  (status: number, body: unknown) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(typeof body === 'string' ? body : JSON.stringify(body));
  };
const signedJson = (body: Record<string, unknown>) =>
  json(200, { ...body, signature: sign(body, SECRET) });
const cut = (req: http.IncomingMessage) => req.socket.destroy();

const sale = {
  paymentId: 'T-1',
  amount: 1000,
  currency: 'CNY' as const,
  description: 'd',
  customerId: 'c',
  customerIp: '192.0.2.10',
  returnUrls: { return: 'https://shop.example/return' },
};

describe('Gate client: answers mapped to a closed set of errors', () => {
  const gate = fakeGate();
  let client: GateClient;
  beforeAll(async () => {
    await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', resolve));
    const { port } = gate.server.address() as AddressInfo;
    client = createGateClient({
      baseUrl: `http://127.0.0.1:${port}`,
      projectId: 42,
      secret: SECRET,
      timeoutMs: 300,
      statusRetries: 2,
      statusRetryDelayMs: 5,
    });
  });
  afterAll(async () => {
    client.close();
    gate.server.closeAllConnections();
    await new Promise((resolve) => gate.server.close(resolve));
  });

  it('signs the sale in general.signature over the rest of the body', async () => {
    gate.answer(
      json(200, { status: 'success', request_id: 'r1', project_id: 42, payment_id: 'T-1' }),
    );
    expect(await client.sale({ ...sale, callbackUrl: 'http://127.0.0.1:1/cb' })).toMatchObject({
      ok: true,
      value: { request_id: 'r1' },
    });
    const body = gate.bodies[0] as { general: Record<string, unknown> };
    expect(body).toMatchObject({
      general: {
        project_id: 42,
        payment_id: 'T-1',
        merchant_callback_url: 'http://127.0.0.1:1/cb',
      },
      customer: { id: 'c', ip_address: '192.0.2.10' },
      payment: { amount: 1000, currency: 'CNY', description: 'd' },
      return_url: { return: 'https://shop.example/return' },
    });
    expect(body).not.toHaveProperty('return_url.success');
    const { signature, ...general } = body.general;
    expect(signature).toBe(sign({ ...body, general }, SECRET));
  });

  it('rejection with code and message at the root', async () => {
    gate.answer(json(400, { status: 'error', code: '3041', message: 'Payment ID already exists' }));
    expect(await client.sale(sale)).toEqual({
      ok: false,
      error: {
        kind: 'rejected',
        httpStatus: 400,
        code: '3041',
        message: 'Payment ID already exists',
      },
    });
  });

  it('rejection with the code only in errors[0], numeric codes as text', async () => {
    gate.answer(
      json(400, {
        status: 'error',
        errors: [
          { code: 2004, message: 'Required field not provided', field: 'customer.ip_address' },
        ],
      }),
    );
    expect(await client.sale(sale)).toEqual({
      ok: false,
      error: {
        kind: 'rejected',
        httpStatus: 400,
        code: '2004',
        message: 'Required field not provided',
        field: 'customer.ip_address',
      },
    });
  });

  it('HTTP 200 with status "error" is a rejection', async () => {
    gate.answer(json(200, { status: 'error', code: '3261', message: 'Invalid signature' }));
    expect(await client.sale(sale)).toMatchObject({
      ok: false,
      error: { kind: 'rejected', code: '3261' },
    });
  });

  it('5xx without a Gate error body: unknown outcome, and the sale is not retried', async () => {
    gate.answer(
      json(502, '<html>Bad Gateway</html>'),
      json(200, { status: 'success', request_id: 'r2' }),
    );
    expect(await client.sale(sale)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome', httpStatus: 502 },
    });
    expect(gate.bodies).toHaveLength(1);
  });

  it.each([
    ['501', 'Internal error'],
    ['601', 'Try again'],
    ['20602', 'Time-out'],
  ])(
    'a 5xx with a Gate error body (%s %s) is still an unknown outcome: Gate may have stored the sale',
    async (code, message) => {
      gate.answer(json(500, { status: 'error', code, message }));
      expect(await client.sale(sale)).toEqual({
        ok: false,
        error: {
          kind: 'unknown_outcome',
          httpStatus: 500,
          message: `HTTP 500 ${code} ${message}`,
        },
      });
      expect(gate.bodies).toHaveLength(1);
    },
  );

  it('4xx without a Gate error body, 200 that is not JSON, 200 without request_id: invalid response', async () => {
    gate.answer(json(403, 'Forbidden'));
    expect(await client.sale(sale)).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response', httpStatus: 403 },
    });
    gate.answer(json(200, 'OK'));
    expect(await client.sale(sale)).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response', message: 'not JSON' },
    });
    gate.answer(json(200, { status: 'success' }));
    expect(await client.sale(sale)).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response', message: expect.stringContaining('request_id') },
    });
  });

  it('connection cut after sending: unknown outcome; no answer in time: timeout', async () => {
    gate.answer(cut);
    expect(await client.sale(sale)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome' },
    });
    gate.answer(() => {});
    const started = Date.now();
    expect(
      await client.refund({
        paymentId: 'T-1',
        currency: 'CNY',
        description: 'r',
        merchantRefundId: 'R-1',
        customerIp: '192.0.2.10',
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'timeout' },
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(gate.bodies).toHaveLength(1);
  });

  it('nothing listening: network error (the request never left)', async () => {
    const nowhere = createGateClient({
      baseUrl: 'http://127.0.0.1:9',
      projectId: 1,
      secret: SECRET,
      timeoutMs: 1000,
    });
    expect(await nowhere.sale(sale)).toMatchObject({
      ok: false,
      error: { kind: 'network', message: expect.stringContaining('ECONNREFUSED') },
    });
    nowhere.close();
  });

  it('status: a signed answer is believed; "3061" is not found; unsigned or forged is invalid', async () => {
    const found = {
      project_id: 42,
      payment: { id: 'T-1', status: 'success', sum: { amount: 1000, currency: 'CNY' } },
      operations: [{ type: 'sale', status: 'success', code: '0', message: 'Success' }],
    };
    gate.answer(signedJson(found));
    expect(await client.status('T-1')).toMatchObject({
      ok: true,
      value: { found: true, status: { payment: { status: 'success' } } },
    });
    gate.answer(json(404, { status: 'error', code: '3061', message: 'Transaction not found' }));
    expect(await client.status('T-1')).toEqual({
      ok: true,
      value: { found: false, code: '3061', message: 'Transaction not found' },
    });
    gate.answer(
      json(200, {
        payment: { status: 'error' },
        errors: [{ code: '3061', message: 'Transaction not found' }],
      }),
    );
    expect(await client.status('T-1')).toMatchObject({ ok: true, value: { found: false } });
    gate.answer(json(200, found));
    expect(await client.status('T-1')).toMatchObject({
      ok: false,
      error: { kind: 'unverified', message: expect.stringContaining('signature') },
    });
    gate.answer(
      json(200, {
        ...found,
        payment: { ...found.payment, status: 'decline' },
        signature: sign(found, SECRET),
      }),
    );
    expect(await client.status('T-1')).toMatchObject({
      ok: false,
      error: { kind: 'unverified' },
    });
  });

  it('status is retried after 5xx and cut connections, then gives up', async () => {
    const found = { payment: { id: 'T-1', status: 'success' }, operations: [] };
    gate.answer(json(503, 'busy'), cut, signedJson(found));
    expect(await client.status('T-1')).toMatchObject({ ok: true, value: { found: true } });
    expect(gate.bodies).toHaveLength(3);
    gate.answer(json(503, 'busy'), json(503, 'busy'), json(503, 'busy'), signedJson(found));
    expect(await client.status('T-1')).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome' },
    });
    expect(gate.bodies).toHaveLength(3);
  });

  it('status is not retried after a rejection', async () => {
    gate.answer(
      json(400, { status: 'error', code: '3261', message: 'Invalid signature' }),
      json(200, {}),
    );
    expect(await client.status('T-1')).toMatchObject({
      ok: false,
      error: { kind: 'rejected', code: '3261' },
    });
    expect(gate.bodies).toHaveLength(1);
  });

  it('refund body carries payment_id, amount, currency, description, merchant_refund_id and customer IP', async () => {
    gate.answer(json(200, { status: 'success', request_id: 'r3' }));
    await client.refund({
      paymentId: 'T-1',
      amount: 500,
      currency: 'CNY',
      description: 'broken',
      merchantRefundId: 'R-9',
      customerIp: '10.0.0.1',
    });
    expect(gate.bodies[0]).toMatchObject({
      general: { project_id: 42, payment_id: 'T-1' },
      payment: { amount: 500, currency: 'CNY', description: 'broken', merchant_refund_id: 'R-9' },
      customer: { ip_address: '10.0.0.1' },
    });
  });
});
