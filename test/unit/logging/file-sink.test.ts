import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRotatingFileSink, rotatedPath } from '../../../src/main/logging/file-sink';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';
import { sign } from '../../../src/protocol/signer';

const SECRET = 'merchant-secret-key-9f2c';

describe('the log file', () => {
  afterEach(() => setLogSink(null));

  it('receives every module line, and no secret or signature ever reaches it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logs-'));
    const sink = createRotatingFileSink(join(dir, 'main.log'));
    setLogSink(sink);
    const body = { general: { project_id: 1001, payment_id: 'T01-1' }, payment: { amount: 1000 } };
    const signature = sign(body, SECRET);
    const log = createLogger('gate');
    log.info('sale sent', { ...body, general: { ...body.general, signature }, secret: SECRET });
    log.warn(
      `link https://paymentpage.example/payment?payment_id=T01-1&signature=${encodeURIComponent(signature)}`,
    );
    log.error('settings', { nested: [{ pin: '2468', password: SECRET, token: 'tok-1' }] });
    log.error('failed', new Error(`Gate said no to ...&signature=${signature}`));
    sink.close();
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(4);
    expect(text).toContain('"payment_id":"T01-1"');
    for (const leaked of [SECRET, signature, encodeURIComponent(signature), '2468', 'tok-1'])
      expect(text).not.toContain(leaked);
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logs-'));
    const path = join(dir, 'main.log');
    const sink = createRotatingFileSink(path, { maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 100; i++) sink(`line ${String(i).padStart(3, '0')} ${'x'.repeat(80)}`);
    sink.close();
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file)).length).toBeLessThanOrEqual(1000);
    // The newest line is in main.log, the ones just before it in main.1.log, nothing is lost between.
    const current = readFileSync(path, 'utf8').trim().split('\n');
    const previous = readFileSync(rotatedPath(path, 1), 'utf8').trim().split('\n');
    expect(current.at(-1)).toMatch(/^line 099/);
    const lastBefore = Number(previous.at(-1)!.slice(5, 8));
    expect(Number(current[0]!.slice(5, 8))).toBe(lastBefore + 1);
    expect(existsSync(rotatedPath(path, 4))).toBe(false);
  });

  it('appends to the file a previous run left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logs-'));
    const path = join(dir, 'main.log');
    const first = createRotatingFileSink(path);
    first('before restart');
    first.close();
    const second = createRotatingFileSink(path);
    second('after restart');
    second.close();
    expect(readFileSync(path, 'utf8')).toBe('before restart\nafter restart\n');
  });
});
