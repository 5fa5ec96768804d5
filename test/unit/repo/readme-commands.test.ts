import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The README, every page of docs/ and every folder README of src/. */
const DOCS = [
  'README.md',
  ...readdirSync(`${ROOT}docs`)
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
  ...readdirSync(`${ROOT}src`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/${entry.name}/README.md`),
];

describe('the README and the docs only name npm scripts that exist', () => {
  it('reads the README, the docs and every folder README', () => {
    expect(DOCS).toEqual(
      expect.arrayContaining(['README.md', 'docs/money-path.md', 'src/cli/README.md']),
    );
  });

  it.each(DOCS)('%s', (path) => {
    const named = npmRunsIn(path);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it("the quick start's two commands are scripts: demo and check", () => {
    const quickStart = readFileSync(`${ROOT}README.md`, 'utf8').split('## Quick start')[1]!;
    expect(quickStart).toMatch(/npm ci && npm run demo\b/);
    expect(quickStart).toMatch(/npm run check\b/);
    expect(scripts).toEqual(expect.arrayContaining(['demo', 'demo:web', 'demo:terminal', 'check']));
  });
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a markdown file's headings. */
function anchorsIn(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
    anchorOf(m[1]!.replace(/`/g, '')),
  );
}

describe('the links between the docs lead somewhere', () => {
  it.each(DOCS)('%s', (path) => {
    const text = readFileSync(`${ROOT}${path}`, 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [file, anchor] = target.split('#') as [string, string | undefined];
        const resolved = file === '' ? `${ROOT}${path}` : join(ROOT, dirname(path), file);
        if (!existsSync(resolved)) return true;
        return anchor !== undefined && resolved.endsWith('.md')
          ? !anchorsIn(resolved).includes(anchor)
          : false;
      });
    expect(broken).toEqual([]);
  });
});
