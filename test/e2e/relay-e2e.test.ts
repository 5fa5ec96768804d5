import { afterEach, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from '../../src/relay/relay-server';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { openAsManager } from '../support/manager-session';
import { NO_NATS_SERVER, startNatsServer, type NatsServer } from '../support/nats-server';
import {
  relaySettings,
  STORE_COUNTER,
  TEST_RELAY_KEY,
  testCallbackPath,
  until,
} from '../support/relay-harness';

/**
 * Sandbox → relay → JetStream → counter, in Chromium through the browser shell: a manager sets
 * the relay up in Settings, a customer pays, the manager refunds; the header shows the relay's
 * state through a broker outage; a POST redirect becomes a hosted page the phone can open.
 */
// A broker, a relay and Chromium on two shared cores: generous, bounded time per test.
describe.skipIf(NO_NATS_SERVER)('the callback relay in the browser', { timeout: 60_000 }, () => {
  const ui = useBrowserCounter();
  let nats: NatsServer | undefined;
  let relay: Relay | undefined;
  afterEach(async () => {
    await relay?.close();
    await nats?.close();
    relay = undefined;
    nats = undefined;
  });

  async function broker(): Promise<{ nats: NatsServer; relay: Relay }> {
    nats = await startNatsServer();
    relay = await startRelay({
      nats: [nats.url],
      port: 0,
      key: TEST_RELAY_KEY,
      counters: [STORE_COUNTER],
    });
    return { nats, relay };
  }

  it('set up in Settings, then a paid sale and a refund arrive through the relay', async () => {
    const { nats, relay } = await broker();
    await ui.start({ relay: { ackWaitMs: 1000, retryMs: 200 } });
    const cashier = await ui.openCashier();
    // No relay yet: no relay state in the header.
    expect(await cashier.getByRole('status', { name: 'Callback relay' }).count()).toBe(0);

    await openAsManager(cashier, 'Settings');
    await cashier.getByRole('button', { name: 'Callbacks and relay', exact: true }).click();
    const section = cashier.getByRole('form', { name: 'Callbacks and relay' });
    await section.getByLabel('Callback address at the relay').fill(relay.url + testCallbackPath());
    await section.getByText('Advanced', { exact: true }).click();
    await section.getByLabel('Relay servers (NATS)').fill(nats.url);
    await section.getByRole('button', { name: 'Save', exact: true }).click();
    await section.getByText(/^Relay connected since .+\.$/).waitFor();
    await screenshot(cashier, '60-settings-relay');

    await cashier.getByRole('button', { name: 'Counter' }).click();
    const badge = cashier.getByRole('status', { name: 'Callback relay' });
    await expect.poll(() => badge.textContent()).toBe('Relay connected');
    await cashier.getByLabel('Amount').fill('36.00');
    await cashier.keyboard.press('Enter');
    const url = await scanQr(cashier);
    ui.track(await customerPays(ui.browser, url, 'Success'));
    await cashier.getByRole('heading', { name: 'Paid' }).waitFor();
    await screenshot(cashier, '61-paid-through-relay');
    const session = await ui.counter.handlers['session:get']({});
    const paymentId = session.ok ? session.value.active!.id : '';

    await cashier.getByRole('button', { name: 'Refund…' }).click();
    await cashier.getByLabel('Refund amount').fill('6.00');
    await cashier.getByLabel('Reason').fill('one cake returned');
    await cashier.getByRole('button', { name: 'Refund…' }).click();
    // The manager session opened for Settings is still open: no second PIN.
    await cashier.getByRole('status').filter({ hasText: 'Refund of CN¥6.00 sent' }).waitFor();
    await expect.poll(() => ui.counter.journal.get(paymentId)?.state).toBe('partially_refunded');

    // Every callback of the sale and of the refund came through the relay.
    const inbox = ui.counter.journal.callbacksOf(paymentId);
    expect(inbox.length).toBeGreaterThanOrEqual(3);
    expect(inbox.every((c) => c.remote.startsWith('relay '))).toBe(true);
    const gate = ui.counter.sandbox!.payment(1001, paymentId)!;
    expect(gate.callbackUrl).toBe(relay.url + testCallbackPath());
  });

  it('the header says when the relay is reconnecting, and since when', async () => {
    const { nats, relay } = await broker();
    await ui.start({
      relay: { ackWaitMs: 1000, retryMs: 200 },
      settingsOverrides: relaySettings(nats.url, relay.url),
    });
    const cashier = await ui.openCashier();
    const badge = cashier.getByRole('status', { name: 'Callback relay' });
    await expect.poll(() => badge.textContent()).toBe('Relay connected');
    await screenshot(cashier, '62-header-relay-connected');

    await nats.stop();
    await expect
      .poll(() => badge.textContent(), { timeout: 10_000 })
      .toMatch(/^Relay reconnecting since \d{1,2}:\d\d( [AP]M)?$/);
    await expect
      .poll(() => cashier.getByRole('alert').first().textContent())
      .toMatch(/callback relay cannot be reached: payments are still confirmed/);
    await screenshot(cashier, '63-header-relay-reconnecting');
    await nats.start();
    await expect.poll(() => badge.textContent(), { timeout: 15_000 }).toBe('Relay connected');
  });

  it('a POST redirect becomes a hosted page: the phone opens it and pays', async () => {
    const { nats, relay } = await broker();
    await ui.start({
      relay: { ackWaitMs: 1000, retryMs: 200 },
      settingsOverrides: relaySettings(nats.url, relay.url),
      demo: { sandbox: { qrMode: 'redirect_post' } },
    });
    const cashier = await ui.openCashier();
    await until('relay connected', async () => {
      const s = await ui.counter.handlers['session:get']({});
      return s.ok && s.value.relay?.state === 'connected';
    });
    await cashier.getByLabel('Amount').fill('61.00');
    await cashier.keyboard.press('Enter');
    // The QR is the relay's hosted page, not the "cannot be paid by QR" screen.
    const url = await scanQr(cashier);
    expect(url).toMatch(new RegExp(`^${relay.url}/r/S1/C1/[A-Za-z0-9_-]{22}$`));
    await screenshot(cashier, '64-hosted-redirect-qr');
    ui.track(await customerPays(ui.browser, url, 'Success'));
    await cashier.getByRole('heading', { name: 'Paid' }).waitFor();

    // An unknown token is a page that says so, and posts nothing.
    const gone = await fetch(`${relay.url}/r/S1/C1/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('This payment page has expired');
  });
});
