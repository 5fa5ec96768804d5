import { describe, expect, it } from 'vitest';
import { shiftSlip } from '../../../src/main/printing/shift-slip';
import { charsetFor } from '../../../src/main/printing/printer-charset';
import { renderEscPos } from '../../../src/main/printing/slip-render';
import { slipWords } from '../../../src/main/printing/slip-words';
import { printedText } from '../../support/escpos-reader';

const at = new Date(2026, 11, 2, 17, 40, 12).getTime();

describe('the shift slip printed at a handover', () => {
  it('names the person, the hours and how it ended, with what they took and gave back', () => {
    const slip = shiftSlip(
      {
        shiftId: 7,
        staffId: 2,
        name: 'Ana',
        openedAt: at - 4 * 3600_000,
        endedAt: at,
        endReason: 'handover',
        totals: [
          {
            key: 7,
            currency: 'CNY',
            payments: { count: 3, sum: 9900 },
            refunds: { count: 1, sum: 1000 },
            net: 8900,
          },
        ],
      },
      'Tea',
      slipWords('en', charsetFor('gb18030'), 32),
      at,
    );
    const text = printedText(renderEscPos(slip, { paperWidth: 58, codePage: 'gb18030' }));
    expect(text).toContain('SHIFT 7');
    expect(text).toMatch(/Staff\s*Ana/);
    expect(text).toContain('Handed over');
    expect(text).toMatch(/3 payments\s*CNY 99\.00/);
    expect(text).toMatch(/1 refund\s*CNY 10\.00/);
    expect(text).toMatch(/Net\s*CNY 89\.00/);
  });

  it('is worded in the store’s language: German on a Western code page', () => {
    const slip = shiftSlip(
      {
        shiftId: 8,
        staffId: 3,
        name: 'Jürgen',
        openedAt: at - 3600_000,
        endedAt: at,
        endReason: 'ended_by_manager',
        totals: [],
      },
      'Teehaus',
      slipWords('de', charsetFor('cp858'), 32),
      at,
    );
    const text = printedText(renderEscPos(slip, { paperWidth: 58, codePage: 'cp858' }));
    expect(text).toContain('SCHICHT 8');
    expect(text).toMatch(/Mitarbeiter\s*Jürgen/);
    expect(text).toContain('Von der Filialleitung beendet');
    expect(text.replace(/\s+/g, ' ')).toContain('Keine Zahlungen oder Erstattungen');
  });
});
