import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../src/main/shell/app-menu';
import { debugSwitchesIn } from '../../../src/main/shell/debug-switches';
import { opensAtLogin } from '../../../src/main/shell/login-item';
import { rendererLocation } from '../../../src/main/shell/renderer-location';

const APP = 'app://counter';

describe('where the windows load the UI from', () => {
  it('a packaged app ignores ELECTRON_RENDERER_URL', () => {
    expect(
      rendererLocation({
        packaged: true,
        devServerUrl: 'http://evil.example:5173',
        appOrigin: APP,
      }),
    ).toEqual({ url: 'app://counter/index.html', trustedOrigins: [APP] });
  });

  it('development uses the dev server, and trusts only its origin', () => {
    expect(
      rendererLocation({ packaged: false, devServerUrl: 'http://localhost:5173/', appOrigin: APP }),
    ).toEqual({ url: 'http://localhost:5173/', trustedOrigins: ['http://localhost:5173'] });
    expect(rendererLocation({ packaged: false, devServerUrl: undefined, appOrigin: APP }).url).toBe(
      'app://counter/index.html',
    );
  });
});

describe('debugging switches a packaged app refuses', () => {
  it('finds the DevTools protocol and inspector switches in any form', () => {
    expect(
      debugSwitchesIn([
        '/opt/Alipay Counter/alipay-counter',
        '--remote-debugging-port=9222',
        '--inspect',
        '--inspect-brk=0',
        '--js-flags=--allow-natives-syntax',
        '--remote-debugging-pipe',
      ]),
    ).toEqual([
      '--remote-debugging-port=9222',
      '--inspect',
      '--inspect-brk=0',
      '--js-flags=--allow-natives-syntax',
      '--remote-debugging-pipe',
    ]);
  });

  it('leaves ordinary arguments alone', () => {
    expect(
      debugSwitchesIn([
        'C:\\Program Files\\Alipay Counter\\Alipay Counter.exe',
        '/opt/Alipay Counter/alipay-counter',
        '--demo',
        '--inspected-file',
        '-lang=zh',
        '/prefetch:1',
      ]),
    ).toEqual([]);
  });

  it('finds them with one dash, a slash (Windows) or in other letter cases, as Chromium takes them', () => {
    const spellings = [
      '-remote-debugging-port=9222',
      '/remote-debugging-port=9222',
      '--Remote-Debugging-Port=9222',
      '-REMOTE-DEBUGGING-PIPE',
      '/Inspect',
      '-inspect-brk=0',
      '--JS-Flags=--allow-natives-syntax',
      '/auto-open-devtools-for-tabs',
    ];
    for (const arg of spellings) expect(debugSwitchesIn(['app', arg])).toEqual([arg]);
  });

  it("also asks Chromium's own parser (app.commandLine.hasSwitch) for every debugging switch", () => {
    const parsed = new Set(['remote-debugging-port']);
    const asked: string[] = [];
    const hasSwitch = (name: string) => (asked.push(name), parsed.has(name));
    // A switch Chromium parsed although argv does not show it in a spelling known here.
    expect(debugSwitchesIn(['app'], hasSwitch)).toEqual(['--remote-debugging-port']);
    expect(asked).toEqual(expect.arrayContaining(['remote-debugging-port', 'inspect', 'js-flags']));
    // Found in argv already: named once, as it was typed.
    expect(debugSwitchesIn(['app', '-remote-debugging-port=1'], hasSwitch)).toEqual([
      '-remote-debugging-port=1',
    ]);
    expect(debugSwitchesIn(['app', '--demo'], () => false)).toEqual([]);
  });
});

describe('the application menu', () => {
  const roles = (items: ReturnType<typeof appMenuTemplate>): string[] =>
    (items ?? []).flatMap((item) => [
      String(item.role ?? ''),
      ...roles(Array.isArray(item.submenu) ? item.submenu : null),
    ]);

  it('macOS: the app menu and the standard Edit menu, so copy and paste work', () => {
    const all = roles(appMenuTemplate('darwin'));
    expect(all).toEqual(
      expect.arrayContaining(['appMenu', 'quit', 'editMenu', 'copy', 'paste', 'cut', 'selectAll']),
    );
  });

  it('nothing a counter must not have: no reload, no DevTools, no zoom, anywhere', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const all = roles(appMenuTemplate(platform)).map((r) => r.toLowerCase());
      for (const forbidden of [
        'reload',
        'forcereload',
        'toggledevtools',
        'viewmenu',
        'zoomin',
        'resetzoom',
      ])
        expect(all).not.toContain(forbidden);
    }
  });

  it('Windows and Linux: no menu bar at all', () => {
    expect(appMenuTemplate('win32')).toBeNull();
    expect(appMenuTemplate('linux')).toBeNull();
  });
});

describe('start at login', () => {
  it('on for a live packaged counter with the setting on (its default)', () => {
    expect(opensAtLogin({ mode: 'live', packaged: true, startAtLogin: true })).toBe(true);
    expect(opensAtLogin({ mode: 'live', packaged: true, startAtLogin: false })).toBe(false);
  });

  it('never in demo mode or from a checkout', () => {
    expect(opensAtLogin({ mode: 'demo', packaged: true, startAtLogin: true })).toBe(false);
    expect(opensAtLogin({ mode: 'live', packaged: false, startAtLogin: true })).toBe(false);
  });
});
