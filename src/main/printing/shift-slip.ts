import type { Currency } from '../../shared/money';
import { said } from '../../shared/i18n/said';
import { ok, type ErrorCode, type Result } from '../../shared/result';
import { fail } from '../i18n/fail';
import type { Journal } from '../journal/journal';
import type { ShiftReport } from '../shifts/shift-service';
import { centredLines, header, takingsLines } from './slip-layouts';
import { centred, left, row, RULE } from './slip-markup';
import type { SlipWords } from './slip-words';

const ENDED = {
  handover: 'printing.slip.shiftEnded.handover',
  signed_out: 'printing.slip.shiftEnded.signedOut',
  ended_by_manager: 'printing.slip.shiftEnded.byManager',
} as const satisfies Record<ShiftReport['endReason'], string>;

/**
 * The slip of a shift that ended (at every handover): who, from when to when, how it ended, and
 * per currency what they took and gave back. In the same ReceiptLine markup and the same words
 * as the X and Z reports, in the store's language.
 */
export function shiftSlip(
  report: ShiftReport,
  merchantName: string,
  words: SlipWords,
  printedAt: number,
): string {
  const lines = [
    header(words, merchantName),
    centred(words.say('printing.slip.shiftTitle', { number: report.shiftId })),
    row(words.say('printing.slip.staffMember'), words.typed(report.name), words),
    row(words.say('printing.slip.from'), words.time(report.openedAt), words),
    row(words.say('printing.slip.to'), words.time(report.endedAt), words),
    left(words.say(ENDED[report.endReason])),
    RULE,
  ];
  if (report.totals.length === 0)
    lines.push(centredLines(words, words.say('printing.slip.noActivity')));
  for (const t of report.totals)
    // The journal holds only currencies a sale was accepted in.
    lines.push(...takingsLines(words, { ...t, currency: t.currency as Currency }), RULE);
  lines.push(row(words.say('printing.slip.printedAt'), words.time(printedAt), words));
  return lines.join('\n');
}

/** The report a shift ended with, as the journal kept it; refused while the shift is open. */
export function endedShiftReport(
  journal: Journal,
  shiftId: number,
): Result<ShiftReport, ErrorCode> {
  const shift = journal.people.shifts.get(shiftId);
  if (!shift) return fail('NOT_FOUND', said('printing.error.noShift', { number: shiftId }));
  if (shift.endedAt === null || shift.report === null)
    return fail('INVALID_STATE', said('printing.error.shiftOpen', { number: shiftId }));
  return ok(shift.report as ShiftReport);
}
