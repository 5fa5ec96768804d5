import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCounter, type Counter } from '../../src/main/app/create-counter';
import { sign } from '../../src/protocol/signer';
import { createMemorySecretStore, projectAccount } from '../../src/main/secrets/secret-store';
import type { Currency } from '../../src/shared/money';
import {
  LIVE_REQUEST_SETTINGS,
  postCallback,
  startDemoCounter,
  tempDataDir,
  TEST_PROJECT,
  TEST_SECRET,
} from '../support/counter-harness';
import {
  DOC_CARD_CALLBACK,
  SEED_DECLINE_CALLBACK,
  SEED_QR_CALLBACK,
  SEED_SUCCESS_CALLBACK,
} from '../support/seed-examples';

type Json = Record<string, unknown>;

/** Every path to a value in `value` (objects, arrays and leaves), depth first. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((item, i) => [i, item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

/** A copy of `value` with the value at `path` replaced by null. */
function withNullAt(value: Json, path: Array<string | number>): Json {
  const copy = structuredClone(value);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = null;
  return copy;
}

/** What Gate must always send: the payment's id and status (and, for a QR, the QR itself). */
const REQUIRED = new Set(['payment', 'payment.id', 'payment.status']);
const QR_ITSELF = new Set([
  'display_data',
  'display_data.0',
  'display_data.0.type',
  'display_data.0.data',
]);

const EXAMPLES = [
  { name: "the seed's success callback", body: SEED_SUCCESS_CALLBACK, ends: 'succeeded' },
  { name: "the seed's decline callback", body: SEED_DECLINE_CALLBACK, ends: 'declined' },
  { name: "ecommpay-gate.md's card callback (E4)", body: DOC_CARD_CALLBACK, ends: 'succeeded' },
  { name: "the seed's QR callback", body: SEED_QR_CALLBACK, ends: 'awaiting_customer' },
] as const;

let serial = 0;

/**
 * Gate may send `null` for any field it has no value for: ecommpay's JS, Python and Go SDKs each
 * had to fix crashes on it. Every example callback, with each field but the payment's id and
 * status replaced by null in turn, must still verify and be applied.
 */
describe('callbacks with a null in any field are verified and applied', () => {
  let counter: Counter;
  beforeAll(async () => {
    counter = await startDemoCounter();
  });
  afterAll(() => counter.close());

  for (const example of EXAMPLES) {
    const nullable = paths(example.body)
      .map((path) => path.join('.'))
      .filter((path) => !REQUIRED.has(path) && !QR_ITSELF.has(path));

    it(`${example.name}: ${nullable.length} fields, each null in turn`, async () => {
      const payment = example.body.payment;
      const sum = payment.sum as { amount: number; currency: Currency };
      for (const path of nullable) {
        const id = `NULL-${++serial}-${payment.id}`;
        counter.journal.create(
          {
            id,
            projectId: TEST_PROJECT,
            terminalId: 'DEMO',
            amount: sum.amount,
            currency: sum.currency,
            createdAt: Date.now(),
          },
          'test sale',
        );
        const ours: Json = {
          ...structuredClone(example.body),
          ...('project_id' in example.body ? { project_id: TEST_PROJECT } : {}),
          payment: { ...payment, id },
        };
        const body = withNullAt(
          ours,
          path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
        );
        const status = await postCallback(counter, body);
        const after = counter.journal.get(id)!;
        const recorded = counter.journal.callbacksOf(id).at(-1);
        expect({ path, status, state: after.state, verified: recorded?.verified }).toEqual({
          path,
          status: 200,
          state: example.ends,
          verified: true,
        });
        if (example.ends === 'awaiting_customer')
          expect(after.qr).toEqual({ kind: 'text', text: 'weixin://wxpay/bizpayurl?pr=dMrSpJG' });
      }
    });
  }
});

/**
 * Status answers too: each field of a found answer (the sandbox's shape, with the QR) replaced
 * by null in turn still verifies and settles the payment by polling.
 */
describe('status answers with a null in any field are verified and applied', () => {
  let counter: Counter;
  let answer: Json = {};
  const gate = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...answer, signature: sign(answer, TEST_SECRET) }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
    counter = await createCounter({
      dataDir: tempDataDir(),
      mode: 'live',
      secretStore: createMemorySecretStore({ [projectAccount(4242)]: TEST_SECRET }),
      settingsOverrides: {
        gateUrl: `http://127.0.0.1:${(gate.address() as AddressInfo).port}`,
        projectId: 4242,
        callbackPort: 0,
        ...LIVE_REQUEST_SETTINGS,
      },
    });
  });
  afterAll(async () => {
    await counter.close();
    gate.closeAllConnections();
    await new Promise((resolve) => gate.close(resolve));
  });

  const found = (id: string): Json => ({
    project_id: 4242,
    payment: {
      id,
      type: 'purchase',
      status: 'success',
      date: '2026-12-01T10:00:00+0000',
      method: 'alipay',
      sum: { amount: 1000, currency: 'CNY' },
      description: 'x',
    },
    customer: { id: 'walk-in' },
    operations: [
      {
        id: 20891000000001,
        type: 'sale',
        status: 'success',
        date: '2026-12-01T10:00:00+0000',
        created_date: '2026-12-01T09:59:00+0000',
        request_id: 'abc',
        sum_initial: { amount: 1000, currency: 'CNY' },
        sum_converted: { amount: 1000, currency: 'CNY' },
        provider: { id: 1189, payment_id: 'p', date: '2026-12-01T10:00:00+0000', auth_code: '' },
        code: '0',
        message: 'Success',
      },
    ],
  });

  it('a found, paid payment: every field but its id and status, null in turn', async () => {
    const fields = paths(found('x'))
      .map((path) => path.join('.'))
      .filter((path) => !REQUIRED.has(path));
    for (const path of fields) {
      const id = `STATUS-NULL-${++serial}`;
      counter.journal.create(
        {
          id,
          projectId: 4242,
          terminalId: 'T01',
          amount: 1000,
          currency: 'CNY',
          createdAt: Date.now() - 60_000,
        },
        'test sale',
      );
      answer = withNullAt(
        found(id),
        path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
      );
      await counter.service.pollOnce(id);
      expect({ path, state: counter.journal.get(id)!.state }).toEqual({ path, state: 'succeeded' });
    }
  });
});
