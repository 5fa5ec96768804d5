import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const scripts = Object.keys(
  (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> })
    .scripts,
);

/** Every `npm run <script>` a README tells a newcomer to type. */
function npmRunsIn(path: string): string[] {
  const text = readFileSync(`${ROOT}${path}`, 'utf8');
  return [...text.matchAll(/npm run (?:-s )?([a-z][\w:-]*)/g)].map((m) => m[1]!);
}

describe('the READMEs only name npm scripts that exist', () => {
  it.each(['README.md', 'src/cli/README.md', 'src/main/README.md', 'src/renderer/README.md'])(
    '%s',
    (path) => {
      const named = npmRunsIn(path);
      expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
    },
  );

  it("the quick start's two commands are scripts: demo and check", () => {
    const quickStart = readFileSync(`${ROOT}README.md`, 'utf8').split('## Quick start')[1]!;
    expect(quickStart).toMatch(/npm ci && npm run demo\b/);
    expect(quickStart).toMatch(/npm run check\b/);
    expect(scripts).toEqual(expect.arrayContaining(['demo', 'demo:web', 'demo:terminal', 'check']));
  });
});
