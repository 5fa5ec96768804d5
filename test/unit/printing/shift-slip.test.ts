import { describe, expect, it } from 'vitest';
import { shiftSlip } from '../../../src/main/printing/shift-slip';
import { renderEscPos } from '../../../src/main/printing/slip-render';
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
      { cpl: 32, chinese: false },
      at,
    );
    const text = printedText(renderEscPos(slip, { paperWidth: 58, codePage: 'gb18030' }));
    expect(text).toContain('SHIFT 7');
    expect(text).toMatch(/Staff\s*Ana/);
    expect(text).toContain('Handed over');
    expect(text).toMatch(/Payments 3\s*99\.00 CNY/);
    expect(text).toMatch(/Refunds 1\s*10\.00 CNY/);
    expect(text).toMatch(/Net\s*89\.00 CNY/);
  });
});
