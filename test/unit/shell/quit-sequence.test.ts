import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';
import { installCrashHandlers } from '../../../src/main/shell/crash-policy';
import { installQuitSequence, QUIT_LIMIT_MS } from '../../../src/main/shell/quit-sequence';

/** Electron's app as far as quitting goes: quit() emits before-quit, which may be prevented. */
class FakeApp extends EventEmitter {
  calls: string[] = [];
  quit() {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    this.calls.push(prevented ? 'quit (held)' : 'quit');
  }
  exit(code: number) {
    this.calls.push(`exit ${code}`);
  }
}

function setup(close: () => Promise<void>) {
  const app = new FakeApp();
  const lines: string[] = [];
  setLogSink((line) => lines.push(line));
  const stopped: string[] = [];
  installQuitSequence(app, {
    stop: () => stopped.push('stopped'),
    close,
    log: createLogger('main'),
  });
  return { app, lines, stopped };
}

async function settle() {
  for (let turn = 0; turn < 3; turn++) await new Promise((done) => setImmediate(done));
}

describe('quitting', () => {
  afterEach(() => {
    vi.useRealTimers();
    setLogSink(null);
  });

  it('stops, closes the counter, then quits, once', async () => {
    const { app, stopped } = setup(() => Promise.resolve());
    app.quit();
    await settle();
    expect(stopped).toEqual(['stopped']);
    expect(app.calls).toEqual(['quit (held)', 'quit']);
  });

  it('a close that fails still quits: logged, exit, never a relaunch', async () => {
    const crashes: string[] = [];
    const uninstall = installCrashHandlers(process, {
      log: createLogger('main'),
      historyFile: join(mkdtempSync(join(tmpdir(), 'quit-crash-')), 'crashes.json'),
      relaunch: () => crashes.push('relaunch'),
      exit: (code) => crashes.push(`exit ${code}`),
      showFatal: (message) => crashes.push(message),
    });
    try {
      const { app, lines } = setup(() => Promise.reject(new Error('journal is locked')));
      app.quit();
      await settle();
      expect(crashes).toEqual([]);
      expect(app.calls).toEqual(['quit (held)', 'exit 0']);
      expect(lines.some((l) => l.includes('closing the counter failed'))).toBe(true);
    } finally {
      uninstall();
    }
  });

  it('a close that hangs gets a few seconds, then the app exits', async () => {
    vi.useFakeTimers();
    const { app, lines } = setup(() => new Promise<void>(() => {}));
    app.quit();
    app.quit(); // pressed again while closing: still one close
    await vi.advanceTimersByTimeAsync(QUIT_LIMIT_MS - 1);
    expect(app.calls).toEqual(['quit (held)', 'quit (held)']);
    await vi.advanceTimersByTimeAsync(1);
    expect(app.calls).toEqual(['quit (held)', 'quit (held)', 'exit 0']);
    expect(QUIT_LIMIT_MS).toBeLessThanOrEqual(5000);
    expect(lines.some((l) => l.includes('did not close in time'))).toBe(true);
  });
});
