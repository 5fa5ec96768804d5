import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A fresh clone as a newcomer has it after `npm ci`: the tracked files only (no out/, no
 * dist/), with this checkout's node_modules linked in (installing again would take minutes).
 */
function freshClone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alipay-counter-clone-'));
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  for (const file of tracked.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree
    cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The README, every page of docs/ and every folder README of src/: where commands are named. */
function docPages(): string[] {
  return [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
    ...readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(ROOT, 'src', entry.name, 'README.md')),
      )
      .map((entry) => `src/${entry.name}/README.md`),
  ];
}

describe("the docs' commands, run as written in a fresh clone", () => {
  const clone = freshClone();
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('npm run demo:web builds the renderer first, then serves the cashier and customer display', async () => {
    expect(existsSync(join(clone, 'out'))).toBe(false);
    const child = spawn('npm', ['run', 'demo:web'], {
      cwd: clone,
      detached: true,
      env: { ...process.env, ALIPAY_COUNTER_LOG: 'off' },
    });
    try {
      let output = '';
      const urls = await new Promise<{ cashier: string; customer: string }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URLs printed:\n${output}`)), 90_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const cashier = /cashier: (\S+)/.exec(output)?.[1];
          const customer = /customer display: (\S+)/.exec(output)?.[1];
          if (cashier && customer) {
            clearTimeout(timer);
            resolve({ cashier, customer });
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.on('exit', (code) => reject(new Error(`demo:web exited ${code}:\n${output}`)));
      });
      expect(output).not.toMatch(/renderer is not built/);
      for (const url of [urls.cashier, urls.customer]) {
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toMatch(/<div id="root">/);
      }
      expect(existsSync(join(clone, 'out/renderer/index.html'))).toBe(true);
    } finally {
      // npm starts node: end the whole group (unless it ended by itself: its error is the news).
      if (child.pid && child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid, 'SIGINT');
    }
  }, 120_000);

  it('npm run demo:terminal runs a whole purchase in the terminal', () => {
    const result = spawnSync('npm', ['run', '-s', 'demo:terminal'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/succeeded|Paid/i);
  }, 70_000);

  // The command-line purchases the README and the docs name that need nothing running (no Gate
  // URL, no secret): each is typed as written, and each must end in a paid purchase.
  const selfContained = [
    ...new Set(
      docPages()
        .flatMap((path) => readFileSync(join(ROOT, path), 'utf8').split('\n'))
        .filter(
          (line) => /^npm run -s cli -- sale .*--pay success/.test(line) && !/--gate/.test(line),
        )
        .map((line) => line.replace(/\s+#.*$/, '').trim()),
    ),
  ];

  it('the docs name command-line purchases that need nothing running', () => {
    expect(selfContained.length).toBeGreaterThanOrEqual(2);
  });

  it.each(selfContained)(
    '%s',
    (line) => {
      const args = line.split(/\s+/).slice(1); // after "npm"
      const result = spawnSync('npm', args, { cwd: clone, encoding: 'utf8', timeout: 60_000 });
      expect(result.stdout + result.stderr).toMatch(/PAID 10\.00 CNY/);
      expect(result.status).toBe(0);
    },
    70_000,
  );
});
