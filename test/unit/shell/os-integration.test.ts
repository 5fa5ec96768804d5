import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFor } from '../../../electron-builder.config.mjs';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';
import { APP_ID, claimAppIdentity, PRODUCT_NAME } from '../../../src/main/shell/app-identity';
import { fatalMessage } from '../../../src/main/shell/fatal-message';
import {
  applyLoginItem,
  type LoginItemApi,
  type LoginItemState,
} from '../../../src/main/shell/login-item';

setLogSink(null);

describe('the app on Windows', () => {
  it('runs under the installer appId, set before any window', () => {
    const config = configFor({});
    expect([APP_ID, PRODUCT_NAME]).toEqual([config.appId, config.productName]);
    const calls: string[] = [];
    claimAppIdentity({ setAppUserModelId: (id) => calls.push(id) }, 'win32');
    claimAppIdentity({ setAppUserModelId: (id) => calls.push(`mac ${id}`) }, 'darwin');
    expect(calls).toEqual(['com.alipaycounter.desktop']);
  });
});

/** Electron's login item API over a Windows Run key with Task Manager's switch. */
class WindowsStartup implements LoginItemApi {
  entries = new Map<string, boolean>(); // name → enabled
  writes: string[] = [];
  getLoginItemSettings(): LoginItemState {
    const launchItems = [...this.entries].map(([name, enabled]) => ({ name, enabled }));
    return { openAtLogin: launchItems.length > 0, launchItems };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; name?: string }) {
    const name = settings.name ?? 'electron.app.Alipay Counter';
    this.writes.push(`${settings.openAtLogin ? 'on' : 'off'} ${name}`);
    if (settings.openAtLogin)
      this.entries.set(name, true); // Electron writes enabled: true
    else this.entries.delete(name);
  }
}

function windows() {
  const api = new WindowsStartup();
  const memoryFile = join(mkdtempSync(join(tmpdir(), 'login-')), 'login-item.json');
  const options = { api, name: PRODUCT_NAME, memoryFile, log: createLogger('main') };
  return { api, options, memoryFile };
}

describe('start at login', () => {
  it('is registered under the product name on a fresh install', () => {
    const { api, options } = windows();
    expect(applyLoginItem(options, true, 'start')).toBe('registered');
    expect(api.writes).toEqual(['on Alipay Counter']);
    expect(applyLoginItem(options, true, 'start')).toBe('unchanged');
    expect(api.writes).toHaveLength(1);
  });

  it('turned off by an administrator in Task Manager, it stays off at every start', () => {
    const { api, options } = windows();
    applyLoginItem(options, true, 'start');
    api.entries.set('Alipay Counter', false); // Task Manager → Startup → Disable
    expect(applyLoginItem(options, true, 'start')).toBe('left off');
    expect(applyLoginItem(options, true, 'start')).toBe('left off');
    expect(api.entries.get('Alipay Counter')).toBe(false);
    expect(api.writes).toEqual(['on Alipay Counter']);
  });

  it('removed outside the app, it is not added back at start; a manager turning it on in Settings does', () => {
    const { api, options, memoryFile } = windows();
    applyLoginItem(options, true, 'start');
    api.entries.clear(); // deleted by an administrator's script
    expect(applyLoginItem(options, true, 'start')).toBe('left off');
    expect(api.entries.size).toBe(0);
    expect(applyLoginItem(options, true, 'setting changed')).toBe('registered');
    expect(api.entries.get('Alipay Counter')).toBe(true);
    expect(JSON.parse(readFileSync(memoryFile, 'utf8'))).toEqual({ registered: true });
  });

  it('turned off in Settings, every entry of this app goes, also one an older version named', () => {
    const { api, options } = windows();
    api.entries.set('electron.app.Alipay Counter', true);
    expect(applyLoginItem(options, false, 'setting changed')).toBe('removed');
    expect(api.entries.size).toBe(0);
    expect(applyLoginItem(options, false, 'start')).toBe('unchanged');
  });

  it('macOS: an item someone turned off in System Settings (approval needed) is left alone', () => {
    const writes: string[] = [];
    const api: LoginItemApi = {
      getLoginItemSettings: () => ({ openAtLogin: false, status: 'requires-approval' }),
      setLoginItemSettings: (s) => writes.push(String(s.openAtLogin)),
    };
    const memoryFile = join(mkdtempSync(join(tmpdir(), 'login-')), 'login-item.json');
    const options = { api, name: PRODUCT_NAME, memoryFile, log: createLogger('main') };
    expect(applyLoginItem(options, true, 'start')).toBe('left off');
    expect(writes).toEqual([]);
  });
});

describe('a message that ends the app', () => {
  it('is a dialog for a person, and a line on standard error when unattended', () => {
    const shown: string[] = [];
    fatalMessage(
      {},
      (t, m) => shown.push(`dialog ${t}: ${m}`),
      (l) => shown.push(l),
    )('Alipay Counter', 'Refusing to start with --inspect.');
    fatalMessage(
      { ALIPAY_COUNTER_UNATTENDED: '1' },
      (t, m) => shown.push(`dialog ${t}: ${m}`),
      (l) => shown.push(l),
    )('Alipay Counter', 'Refusing to start with --inspect.');
    expect(shown).toEqual([
      'dialog Alipay Counter: Refusing to start with --inspect.',
      'Alipay Counter: Refusing to start with --inspect.\n',
    ]);
  });
});
