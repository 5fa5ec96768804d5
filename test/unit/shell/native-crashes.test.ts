import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  crashDumpFolder,
  newestDumpSince,
  startCrashDumps,
  type CrashReporting,
} from '../../../src/main/shell/crash-dumps';
import { childGoneLevel, RendererCrashPolicy } from '../../../src/main/shell/process-gone';
import { RunMarker } from '../../../src/main/shell/run-marker';

describe('crash dumps', () => {
  it('are written to the data folder and never uploaded', () => {
    const calls: string[] = [];
    const reporting: CrashReporting = {
      setCrashDumpsPath: (folder) => calls.push(`path ${folder}`),
      start: (options) => calls.push(`start ${JSON.stringify(options)}`),
    };
    startCrashDumps(reporting, crashDumpFolder('/data'));
    expect(calls).toEqual([
      `path ${join('/data', 'crash-dumps')}`,
      'start {"uploadToServer":false,"productName":"Alipay Counter","compress":true}',
    ]);
  });

  it("the newest dump after a run started is found in Crashpad's folders", () => {
    const folder = mkdtempSync(join(tmpdir(), 'dumps-'));
    mkdirSync(join(folder, 'completed'));
    mkdirSync(join(folder, 'reports'));
    const old = join(folder, 'completed', 'old.dmp');
    const recent = join(folder, 'reports', 'recent.dmp');
    writeFileSync(old, 'x');
    writeFileSync(recent, 'x');
    writeFileSync(join(folder, 'completed', 'notes.txt'), 'x');
    utimesSync(old, 1000, 1000);
    utimesSync(recent, 5000, 5000);
    expect(newestDumpSince(folder, 2_000_000)).toBe(recent);
    expect(newestDumpSince(folder, 6_000_000)).toBeUndefined();
    expect(newestDumpSince(join(folder, 'missing'), 0)).toBeUndefined();
  });
});

describe('a run that ended without quitting', () => {
  it('is reported at the next start (a native crash of main runs no JavaScript)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'marker-')), 'running.json');
    expect(new RunMarker(file, () => 1000).begin()).toBeUndefined();
    // No end(): the process died.
    const next = new RunMarker(file, () => 2000);
    expect(next.begin()).toEqual({ startedAt: 1000, pid: process.pid });
    next.end();
    expect(new RunMarker(file, () => 3000).begin()).toBeUndefined();
  });
});

describe('renderer and helper processes that end', () => {
  it('a crashed window reloads; the third crash in ten minutes relaunches the app', () => {
    let now = 0;
    const policy = new RendererCrashPolicy({ now: () => now });
    expect(policy.onGone('clean-exit')).toBe('nothing');
    expect(policy.onGone('crashed')).toBe('reload');
    now = 60_000;
    expect(policy.onGone('oom')).toBe('reload');
    now = 120_000;
    expect(policy.onGone('crashed')).toBe('relaunch');
  });

  it('crashes spread over hours keep reloading; a failed integrity check relaunches at once', () => {
    let now = 0;
    const policy = new RendererCrashPolicy({ now: () => now });
    for (let i = 0; i < 6; i++) {
      now += 11 * 60_000;
      expect(policy.onGone('crashed')).toBe('reload');
    }
    expect(policy.onGone('integrity-failure')).toBe('relaunch');
  });

  it('a GPU or network helper that crashed is an error in the log; Chromium starts it again', () => {
    expect(childGoneLevel('crashed')).toBe('error');
    expect(childGoneLevel('clean-exit')).toBe('info');
  });
});
