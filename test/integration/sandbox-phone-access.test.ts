import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import { sandboxHostOptions } from '../../src/main/app/demo-mode';
import { networkAddresses } from '../../src/sandbox';
import { charge, startDemoCounter } from '../support/counter-harness';
import { runCli } from '../support/run-cli';

/** This machine's first network address, as a phone on its network would reach it. */
const lan = networkAddresses()[0];

/**
 * `--sandbox-host`: a phone on the store's network opens the QR's page, and nothing else of the
 * sandbox (the Gate API and its inspection routes answer this machine only).
 */
describe.runIf(lan !== undefined)('the demo sandbox reached by a phone on the network', () => {
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  for (const host of [lan!, '0.0.0.0']) {
    it(`--sandbox-host ${host}: the QR and the pay link lead to the network address; the Gate API stays on loopback`, async () => {
      const demo = await startDemoCounter({ demo: { sandbox: sandboxHostOptions(host) } });
      counter = demo;
      const sandbox = demo.sandbox!;
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sandbox.publicUrl).toBe(`http://${lan}:${new URL(sandbox.url).port}`);

      // A sale goes through the loopback API as before; its page is at the network address.
      const payment = await charge(demo, '20.00');
      const session = await demo.handlers['session:get']({});
      const payUrl = session.ok ? session.value.demoPayUrl : undefined;
      expect(payUrl).toMatch(
        new RegExp(`^http://${lan!.replace(/\./g, '\\.')}:\\d+/customer/[0-9a-f]{32}$`),
      );
      const page = await fetch(payUrl!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('20.00');

      // From the network: the Gate API and the sandbox's inspection routes do not answer.
      const network = sandbox.publicUrl;
      const api = await fetch(`${network}/v2/payment/status`, { method: 'POST', body: '{}' });
      expect(api.status).toBe(404);
      const inspect = await fetch(`${network}/sandbox/health`);
      expect(inspect.status).toBe(404);
      expect(payment.id).toMatch(/^DEMO-/);
    });
  }

  it('loopback stays the default: no pay link address outside this computer', async () => {
    const demo = await startDemoCounter();
    counter = demo;
    expect(demo.sandbox!.publicUrl).toBe(demo.sandbox!.url);
    await charge(demo, '15.00');
    const session = await demo.handlers['session:get']({});
    expect(session.ok && session.value.demoPayUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/customer\//,
    );
  });
});

describe('--sandbox-host on the command line', () => {
  it('refuses a name that is not an address, and an address this computer does not have', async () => {
    const named = await runCli(['web', '--sandbox-host', 'shop-pc']);
    expect(named.code).not.toBe(0);
    expect(named.stderr).toContain('--sandbox-host takes an IP address of this computer');
    const foreign = await runCli(['web', '--sandbox-host', '198.51.100.77']);
    expect(foreign.code).not.toBe(0);
    expect(foreign.stderr).toContain('198.51.100.77 is not an address of this computer');
  });

  it('says in its help what a phone may open', async () => {
    const help = await runCli(['help']);
    expect(help.stdout).toMatch(/--sandbox-host/);
    expect(help.stdout).toMatch(/customer pages only/);
  });
});
