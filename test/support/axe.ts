import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once: evaluated in the page (CDP is not held by its CSP). */
let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** One rule broken on a screen, as a person fixing it needs it. */
export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  /** CSS selectors of the elements that break it, a few at most, with axe's own summary. */
  readonly where: string[];
}

type RawFinding = Omit<AxeFinding, 'impact'> & { impact: string };

/** Runs in the page (a string: this file is compiled without the DOM's types). */
const RUN_AXE = `(async () => {
  const result = await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact || 'unknown',
    help: v.help,
    where: v.nodes.slice(0, 4).map(
      (n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '),
    ),
  }));
})()`;

/** The impacts that fail a screen: a person with a screen reader or low vision is stopped. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.1 A and AA, and best practices) on what the page shows now and returns
 * its serious and critical findings; an empty list is a pass.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate("'axe' in window"))) await page.evaluate(axeScript());
  const violations = await page.evaluate<RawFinding[]>(RUN_AXE);
  return violations.filter((finding) => BLOCKING.has(finding.impact));
}

/** The findings as lines a test failure can show: rule, what it asks, and where. */
export function describeFindings(screen: string, findings: readonly AxeFinding[]): string {
  return findings
    .map((f) => `${screen}: ${f.impact} ${f.rule} (${f.help})\n    ${f.where.join('\n    ')}`)
    .join('\n');
}
