import { describe, expect, it } from 'vitest';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';
import { loadInto } from '../../../src/main/shell/window-loading';

/** Electron's loadURL rejects with an Error carrying Chromium's code (ERR_FILE_NOT_FOUND ...). */
function loadError(code: string, url: string): Error {
  return Object.assign(new Error(`${code} (-6) loading '${url}'`), { code, errno: -6, url });
}

class FakeWindow {
  loads: string[] = [];
  destroyed = false;
  constructor(private readonly answer: (url: string) => Promise<void>) {}
  isDestroyed = () => this.destroyed;
  loadURL(url: string) {
    this.loads.push(url);
    return this.answer(url);
  }
}

async function settle() {
  for (let turn = 0; turn < 3; turn++) await new Promise((done) => setImmediate(done));
}

describe('loading the UI into a window', () => {
  it('a page that cannot load is logged and replaced by a page saying so; nothing is left unhandled', async () => {
    const lines: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    setLogSink((line) => lines.push(line));
    const url = 'app://counter/index.html';
    const window = new FakeWindow((target) =>
      target === url ? Promise.reject(loadError('ERR_FILE_NOT_FOUND', url)) : Promise.resolve(),
    );
    const failing = new FakeWindow(() => Promise.reject(loadError('ERR_FAILED', url)));
    try {
      loadInto(window, url, 'cashier screen', createLogger('windows'));
      loadInto(failing, url, 'customer display', createLogger('windows'));
      await settle();
    } finally {
      process.off('unhandledRejection', onUnhandled);
      setLogSink(null);
    }
    expect(unhandled).toEqual([]);
    expect(window.loads).toHaveLength(2);
    const page = decodeURIComponent(window.loads[1]!);
    expect(page).toMatch(/^data:text\/html/);
    expect(page).toContain('could not show the cashier screen');
    expect(page).toContain('ERR_FILE_NOT_FOUND');
    expect(lines.some((l) => l.includes('page failed to load') && l.includes('cashier'))).toBe(
      true,
    );
    // Even the error page failing leaves a log line, not a crash.
    expect(lines.some((l) => l.includes('error page failed to load'))).toBe(true);
  });

  it('a load superseded by another navigation (ERR_ABORTED) is not an error', async () => {
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    const window = new FakeWindow(() => Promise.reject(loadError('ERR_ABORTED', 'app://x')));
    loadInto(window, 'app://counter/index.html', 'cashier screen', createLogger('windows'));
    await settle();
    setLogSink(null);
    expect(window.loads).toHaveLength(1);
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['info']);
  });
});
