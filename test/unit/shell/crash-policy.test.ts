import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingFileSink } from '../../../src/main/logging/file-sink';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';
import { forgetCrashes, installCrashHandlers } from '../../../src/main/shell/crash-policy';

function harness(now: () => number) {
  const dir = mkdtempSync(join(tmpdir(), 'crash-'));
  const sink = createRotatingFileSink(join(dir, 'main.log'));
  setLogSink(sink);
  const calls: string[] = [];
  const deps = {
    log: createLogger('main'),
    historyFile: join(dir, 'crashes.json'),
    relaunch: () => calls.push('relaunch'),
    exit: (code: number) => calls.push(`exit ${code}`),
    showFatal: (message: string) => calls.push(`fatal: ${message}`),
    now,
  };
  return { dir, sink, calls, deps, logText: () => readFileSync(join(dir, 'main.log'), 'utf8') };
}

describe('an uncaught exception in main', () => {
  it('is logged to the file (redacted), then the app relaunches itself', () => {
    const h = harness(() => 1_000);
    const process = new EventEmitter();
    installCrashHandlers(process, h.deps);
    process.emit('uncaughtException', new Error('boom at https://x/pay?signature=abc123'));
    setLogSink(null);
    expect(h.calls).toEqual(['relaunch', 'exit 1']);
    expect(h.logText()).toContain('fatal error: main is in an unknown state');
    expect(h.logText()).toContain('boom at');
    expect(h.logText()).not.toContain('abc123');
  });

  it('an unhandled rejection counts the same; a second error while relaunching changes nothing', () => {
    const h = harness(() => 1_000);
    const process = new EventEmitter();
    installCrashHandlers(process, h.deps);
    process.emit('unhandledRejection', new Error('lost promise'));
    process.emit('uncaughtException', new Error('second'));
    setLogSink(null);
    expect(h.calls).toEqual(['relaunch', 'exit 1']);
  });

  it('stops relaunching after three crashes in ten minutes, and says so', () => {
    let now = 0;
    const h = harness(() => now);
    const outcomes: string[][] = [];
    for (const at of [0, 60_000, 120_000]) {
      now = at;
      h.calls.length = 0;
      const process = new EventEmitter();
      installCrashHandlers(process, h.deps); // each relaunch is a new process
      process.emit('uncaughtException', new Error(`crash at ${at}`));
      outcomes.push([...h.calls]);
    }
    setLogSink(null);
    expect(outcomes[0]).toEqual(['relaunch', 'exit 1']);
    expect(outcomes[1]).toEqual(['relaunch', 'exit 1']);
    expect(outcomes[2]![0]).toMatch(/^fatal: Alipay Counter stopped after 3 errors in 10 minutes/);
    expect(outcomes[2]).toContain('exit 1');
    expect(outcomes[2]).not.toContain('relaunch');
  });

  it('crashes far apart, or forgotten after a healthy run, do not add up', () => {
    let now = 0;
    const h = harness(() => now);
    const crash = () => {
      h.calls.length = 0;
      const process = new EventEmitter();
      installCrashHandlers(process, h.deps);
      process.emit('uncaughtException', new Error('x'));
      return [...h.calls];
    };
    crash();
    now = 11 * 60_000;
    crash();
    forgetCrashes(h.deps.historyFile);
    now += 1000;
    expect(crash()).toEqual(['relaunch', 'exit 1']);
    setLogSink(null);
  });
});
