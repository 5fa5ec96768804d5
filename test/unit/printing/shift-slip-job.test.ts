import { describe, expect, it } from 'vitest';
import { said } from '../../../src/shared/i18n/said';
import type { Currency } from '../../../src/shared/money/currencies';
import type { Journal } from '../../../src/main/journal/journal';
import { slipMarkup, slipTitle } from '../../../src/main/printing/slip-for-job';
import { renderEscPos, slipFormat } from '../../../src/main/printing/slip-render';
import { DEFAULT_SETTINGS } from '../../../src/main/settings/settings';
import { printedText } from '../../support/escpos-reader';
import { staffCounter } from '../../support/staff-setup';

const settings = { ...DEFAULT_SETTINGS, merchantName: 'Tea House' };
const paper = { paperWidth: 80, codePage: 'gb18030' } as const;
const wording = slipFormat(paper, { store: 'en', customer: 'en' });

/** A sale in the open shift, paid at once. */
function sell(journal: Journal, id: string, amount: number, at: number): void {
  journal.create(
    { id, projectId: 1, terminalId: 'T1', amount, currency: 'CNY' as Currency, createdAt: at },
    'charge',
  );
  journal.transition(id, 'created', 'succeeded', 'callback', {}, undefined, at);
}

/** The text a shift slip job prints now. */
function printed(journal: Journal, shiftId: number, at: number): string {
  const markup = slipMarkup(journal, settings, { kind: 'shift_report', shiftId }, wording, at);
  if (!markup.ok) throw new Error(markup.error.message);
  return printedText(renderEscPos(markup.value, paper));
}

/** Ana sells 99.00 in two sales, hands over to Ben, who sells 10.00. */
async function anaThenBen() {
  const c = await staffCounter();
  const ana = await c.add('Ana', 'cashier', '1357');
  const ben = await c.add('Ben', 'cashier', '8642');
  const signed = await c.shifts.signIn(ana.id, '1357');
  if (!signed.ok) throw new Error(signed.error.message);
  sell(c.journal, 'p1', 4_900, (c.clock.now += 60_000));
  sell(c.journal, 'p2', 5_000, (c.clock.now += 60_000));
  c.clock.now += 60_000;
  const handed = await c.shifts.handOver(ben.id, '8642');
  if (!handed.ok) throw new Error(handed.error.message);
  sell(c.journal, 'p3', 1_000, (c.clock.now += 60_000));
  return { ...c, anaShift: signed.value.shift.id, benShift: handed.value.next.shift.id };
}

describe('the print job of a shift’s slip', () => {
  it('prints the shift’s own takings from the report it ended with, the same when reprinted later', async () => {
    const c = await anaThenBen();
    const first = printed(c.journal, c.anaShift, c.clock.now);
    expect(first).toContain(`SHIFT ${c.anaShift}`);
    expect(first).toMatch(/Staff\s*Ana/);
    expect(first).toMatch(/2 payments\s*CNY 99\.00/);
    expect(first).not.toContain('CNY 10.00');
    // Ben sells more later: Ana's slip still says what it said when her shift ended.
    sell(c.journal, 'p4', 7_700, (c.clock.now += 3600_000));
    const later = printed(c.journal, c.anaShift, c.clock.now);
    const figures = (text: string) => text.split('\n').filter((l) => /CNY|Staff|SHIFT/.test(l));
    expect(figures(later)).toEqual(figures(first));
    expect(slipTitle({ kind: 'shift_report', shiftId: c.anaShift })).toEqual(
      said('printing.jobTitle', { kind: 'shift', id: c.anaShift }),
    );
    c.journal.close();
  });

  it('refuses the slip of a shift still open, and of one that never was', async () => {
    const c = await anaThenBen();
    const open = slipMarkup(
      c.journal,
      settings,
      { kind: 'shift_report', shiftId: c.benShift },
      wording,
      c.clock.now,
    );
    expect(open).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const none = slipMarkup(c.journal, settings, { kind: 'shift_report', shiftId: 99 }, wording, 0);
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    c.journal.close();
  });

  it('is journaled with the shift it prints, so a retry or reprint finds it', async () => {
    const c = await anaThenBen();
    const job = c.journal.printJobs.queue({
      kind: 'shift_report',
      shiftId: c.anaShift,
      printer: said('printing.failure.recorded', { text: 'test printer' }),
      at: c.clock.now,
    });
    expect(c.journal.printJobs.get(job.id)).toMatchObject({
      kind: 'shift_report',
      shiftId: c.anaShift,
      zNumber: null,
    });
    c.journal.close();
  });
});
