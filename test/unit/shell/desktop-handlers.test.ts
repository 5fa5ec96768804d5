import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/shared/result';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';
import { afterDayClose, desktopHandlers } from '../../../src/main/shell/desktop-handlers';
import { UpdateController } from '../../../src/main/updates/update-controller';
import type { ChannelHandlers } from '../../../src/shared/ipc/contract';
import { FakeUpdater } from '../../support/fake-updater';

setLogSink(null);

function setup() {
  const updater = new FakeUpdater();
  const updates = new UpdateController({
    updater,
    activity: { saleOnScreen: () => null, busyReason: () => null },
    log: createLogger('updates'),
    channel: 'stable',
  });
  const opened: string[] = [];
  const handlers = desktopHandlers({
    version: '1.4.0',
    dataFolder: '/data',
    logFile: '/data/logs/main.log',
    crashDumpFolder: '/data/crash-dumps',
    updates,
    openFolder: async (path) => {
      opened.push(path);
      return '';
    },
    displays: () => [{ id: 1, label: 'Built-in', primary: true, width: 1920, height: 1080 }],
    checkPin: async (pin) => (pin === '2468' ? ok(undefined) : err('PIN_INCORRECT', 'Wrong PIN.')),
  });
  return { updater, handlers, opened };
}

describe('About, logs and updates in the desktop shell', () => {
  it('About names the data folder, the log file and the crash dumps; the button opens the logs folder', async () => {
    const { handlers, opened } = setup();
    expect(await handlers['app:about']({})).toMatchObject({
      ok: true,
      value: {
        version: '1.4.0',
        dataFolder: '/data',
        logFile: '/data/logs/main.log',
        crashDumpFolder: '/data/crash-dumps',
      },
    });
    expect(await handlers['app:open-logs']({})).toEqual({
      ok: true,
      value: { path: '/data/logs' },
    });
    expect(opened).toEqual(['/data/logs']);
  });

  it('Restart to update needs the manager PIN', async () => {
    const { updater, handlers } = setup();
    updater.emit('update-downloaded', { version: '1.5.0' });
    expect(await handlers['updates:restart']({ pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT' },
    });
    expect(updater.installs).toEqual([]);
    expect(await handlers['updates:restart']({ pin: '2468' })).toMatchObject({
      ok: true,
      value: { updates: { state: 'installing', version: '1.5.0' } },
    });
    expect(updater.installs).toHaveLength(1);
  });

  it('a successful day close hands over to the updater; a refused one does not', async () => {
    const closed: string[] = [];
    const base = {
      'reports:close-day': async ({ pin }: { pin: string }) =>
        pin === '2468' ? ok({ number: 1 }) : err('PIN_INCORRECT', 'Wrong PIN.'),
    } as unknown as ChannelHandlers;
    const closeDay = afterDayClose(base, () => closed.push('closed'));
    await closeDay({ pin: '0000' });
    expect(closed).toEqual([]);
    await closeDay({ pin: '2468' });
    expect(closed).toEqual(['closed']);
  });
});
