import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';
import { installCrashHandlers } from '../../../src/main/shell/crash-policy';
import type { CounterActivity } from '../../../src/main/updates/counter-activity';
import { UpdateController } from '../../../src/main/updates/update-controller';
import { FakeUpdater } from '../../support/fake-updater';

function counter(state: { onScreen?: string; open?: string } = {}) {
  const activity: CounterActivity = {
    saleOnScreen: () => state.onScreen ?? null,
    busyReason: () => state.onScreen ?? state.open ?? null,
  };
  return { state, activity };
}

setLogSink(null);
const log = createLogger('updates');

describe('updates at a counter', () => {
  afterEach(() => vi.useRealTimers());

  it('downloads in the background and never installs on quit or by itself', async () => {
    const updater = new FakeUpdater();
    updater.offered = '1.2.0';
    const controller = new UpdateController({
      updater,
      activity: counter().activity,
      log,
      channel: 'stable',
    });
    expect(updater.autoInstallOnAppQuit).toBe(false);
    controller.start();
    expect(updater.checks).toBe(1);
    await vi.waitFor(() => expect(controller.current().state).toBe('ready'));
    expect(controller.current()).toMatchObject({ state: 'ready', version: '1.2.0' });
    expect(updater.downloads).toBe(1);
    expect(updater.installs).toEqual([]);
    controller.stop();
  });

  it('a download that fails as electron-updater 6.8 fails (an error event and a rejected promise) is a status and one log line, never a relaunch', async () => {
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    // The real crash policy on this process, with the relaunch and exit recorded instead.
    const crashes: string[] = [];
    const uninstall = installCrashHandlers(process, {
      log: createLogger('main'),
      historyFile: join(mkdtempSync(join(tmpdir(), 'updates-crash-')), 'crashes.json'),
      relaunch: () => crashes.push('relaunch'),
      exit: (code) => crashes.push(`exit ${code}`),
      showFatal: (message) => crashes.push(`fatal: ${message}`),
    });
    try {
      const updater = new FakeUpdater();
      updater.offered = '1.2.0';
      updater.downloadFailure = new Error('sha512 checksum mismatch');
      const controller = new UpdateController({
        updater,
        activity: counter().activity,
        log,
        channel: 'stable',
      });
      controller.start();
      await vi.waitFor(() => expect(controller.current().state).toBe('error'));
      // Node reports a rejection nobody handled once the microtasks have run out.
      for (let turn = 0; turn < 3; turn++) await new Promise((done) => setImmediate(done));
      expect(crashes).toEqual([]);
      expect(controller.current()).toEqual({
        state: 'error',
        message: { id: 'settings.updates.failed' },
        detail: 'sha512 checksum mismatch',
      });
      expect(lines.filter((line) => line.includes('update failed'))).toHaveLength(1);
      // The next check tries again, and can succeed.
      updater.downloadFailure = null;
      await controller.check();
      await vi.waitFor(() => expect(controller.current().state).toBe('ready'));
      controller.stop();
    } finally {
      uninstall();
      setLogSink(null);
    }
  });

  it('installs right after the day is closed when nothing is open', () => {
    const updater = new FakeUpdater();
    const controller = new UpdateController({
      updater,
      activity: counter().activity,
      log,
      channel: 'stable',
    });
    updater.download('1.2.0');
    controller.dayClosed();
    expect(updater.installs).toEqual([[true, true]]);
    expect(controller.current()).toMatchObject({ state: 'installing', version: '1.2.0' });
  });

  it('after a day close with a payment still open, waits until it settles, then installs', () => {
    vi.useFakeTimers();
    const updater = new FakeUpdater();
    const { state, activity } = counter({ open: 'payment T01-9 is still open (unknown)' });
    const controller = new UpdateController({
      updater,
      activity,
      log,
      channel: 'stable',
      retryEveryMs: 1000,
    });
    updater.download('1.2.0');
    controller.dayClosed();
    vi.advanceTimersByTime(5000);
    expect(updater.installs).toEqual([]);
    state.open = undefined;
    vi.advanceTimersByTime(1000);
    expect(updater.installs).toHaveLength(1);
    vi.advanceTimersByTime(5000);
    expect(updater.installs).toHaveLength(1);
  });

  it('a day close with no update ready installs nothing', () => {
    const updater = new FakeUpdater();
    const controller = new UpdateController({
      updater,
      activity: counter().activity,
      log,
      channel: 'stable',
    });
    controller.dayClosed();
    expect(updater.installs).toEqual([]);
  });

  it("a manager's Restart to update installs, but never with a sale on screen", () => {
    const updater = new FakeUpdater();
    const { state, activity } = counter({ onScreen: 'sale T01-3 is on screen' });
    const controller = new UpdateController({ updater, activity, log, channel: 'stable' });
    expect(controller.restartToUpdate()).toEqual({
      ok: false,
      reason: { id: 'settings.updates.notReady' },
    });
    updater.download('1.3.0');
    const refused = controller.restartToUpdate();
    expect(refused).toMatchObject({ ok: false });
    expect(refused).toEqual({
      ok: false,
      reason: { id: 'settings.updates.notDuringSale' },
      detail: 'sale T01-3 is on screen',
    });
    expect(updater.installs).toEqual([]);
    state.onScreen = undefined;
    state.open = 'payment T01-2 is still open (unknown)'; // recovered at start: no reason to wait
    expect(controller.restartToUpdate()).toEqual({ ok: true });
    expect(updater.installs).toHaveLength(1);
  });

  it('stable follows latest.yml; pilot follows beta.yml with pre-releases; neither downgrades', () => {
    const updater = new FakeUpdater();
    const controller = new UpdateController({
      updater,
      activity: counter().activity,
      log,
      channel: 'pilot',
    });
    expect([updater.channel, updater.allowPrerelease, updater.allowDowngrade]).toEqual([
      'beta',
      true,
      false,
    ]);
    controller.setChannel('stable');
    expect([updater.channel, updater.allowPrerelease, updater.allowDowngrade]).toEqual([
      'latest',
      false,
      false,
    ]);
  });

  it('a build without a feed says so and does nothing', async () => {
    const controller = new UpdateController({
      updater: null,
      activity: counter().activity,
      log,
      channel: 'stable',
    });
    controller.start();
    await controller.check();
    controller.dayClosed();
    expect(controller.current()).toEqual({
      state: 'not configured',
      message: { id: 'settings.updates.notConfigured' },
    });
    expect(controller.restartToUpdate()).toMatchObject({ ok: false });
  });

  it('a failed check is shown, and the next check can succeed', async () => {
    const updater = new FakeUpdater();
    updater.checkFailure = new Error('feed unreachable');
    const controller = new UpdateController({
      updater,
      activity: counter().activity,
      log,
      channel: 'stable',
    });
    await controller.check();
    expect(controller.current()).toEqual({
      state: 'error',
      message: { id: 'settings.updates.failed' },
      detail: 'feed unreachable',
    });
    updater.checkFailure = null;
    await controller.check();
    expect(controller.current()).toEqual({
      state: 'idle',
      message: { id: 'settings.updates.latest' },
    });
  });
});
