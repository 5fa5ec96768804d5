import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../src/main/journal/journal';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { LineChild } from '../support/child-lines';
import { pressOnSandbox, tempDataDir } from '../support/counter-harness';
import { startStableAddress } from '../support/stable-address';
import { join } from 'node:path';
import type { SaleStep } from '../../src/main/payments/payment-service';

const SECRET = 'crash-test-secret-42';
const CHILD = fileURLToPath(new URL('../support/crash-child.ts', import.meta.url));

const STEPS: SaleStep[] = [
  'journal-created',
  'response-received',
  'ack-recorded',
  'intermediate-recorded',
  'final-received',
  'final-recorded',
];

describe('crash test: SIGKILL at each step of a sale, restart, and nothing is lost or charged twice', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    // Retries of undelivered callbacks every 100 ms instead of 10 s.
    sandbox = await createSandbox({ projects: [{ id: 1001, secret: SECRET }], timeScale: 0.01 });
  });
  afterAll(() => sandbox.close());

  it.each(STEPS)('killed at %s', { timeout: 40_000 }, async (step) => {
    const dataDir = tempDataDir();
    // Gate keeps the callback URL of the sale; each run of the counter listens on a port of
    // its own behind it, as behind the store's reverse proxy.
    const door = await startStableAddress();
    const env = {
      DATA_DIR: dataDir,
      SANDBOX_URL: sandbox.url,
      SANDBOX_SECRET: SECRET,
      CALLBACK_URL: `${door.url}/callback`,
    };
    /** Points the door at a counter once it says where it listens. */
    const behindDoor = async (child: LineChild) => {
      const [, url] = await child.line(/^LISTENING (\S+)$/);
      door.target(Number(new URL(url!).port));
    };
    const salesBefore = sandbox.stats().requests.sale;
    const first = new LineChild(CHILD, {
      ...env,
      ACTION: 'charge',
      AMOUNT: '66.00',
      FREEZE_AT: step,
    });
    const children = [first];
    try {
      await behindDoor(first);
      const [, paymentId] = await first.line(/^STEP journal-created (\S+)$/);
      const customerPays = STEPS.indexOf(step) >= STEPS.indexOf('final-received');
      if (customerPays) {
        await first.line(/^STEP intermediate-recorded /);
        expect(await pressOnSandbox(sandbox, paymentId!, 'success')).toBe(303);
      }
      await first.line(/^FROZEN$/);
      // The customer pays while the counter is frozen or dead, whenever Gate has the sale.
      if (!customerPays && sandbox.payment(1001, paymentId!))
        await pressOnSandbox(sandbox, paymentId!, 'success');
      await first.kill();

      const second = new LineChild(CHILD, { ...env, ACTION: 'recover' });
      children.push(second);
      await behindDoor(second);
      await second.line(/^READY$/);
      const truth = sandbox.payment(1001, paymentId!);
      const expected = truth ? 'succeeded' : 'rejected';
      // Read the journal the restarted counter writes (WAL lets a second reader in).
      const journal = new Journal(join(dataDir, 'journal.sqlite'));
      try {
        const deadline = Date.now() + 10_000;
        while (journal.get(paymentId!)?.state !== expected && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(journal.get(paymentId!)?.state).toBe(expected);
        expect(journal.openPayments()).toEqual([]);
      } finally {
        journal.close();
      }
      // Never sent twice; never sent at all when the process died before sending.
      expect(sandbox.stats().requests.sale - salesBefore).toBe(step === 'journal-created' ? 0 : 1);
      if (truth) expect(truth.status).toBe('success');
    } finally {
      await Promise.all(children.map((c) => c.kill()));
      await door.close();
    }
  });
});
