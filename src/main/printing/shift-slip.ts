import { formatWithCode, type Currency } from '../../shared/money';
import type { ShiftReport } from '../shifts/shift-service';
import { slipTime } from './slip-layouts';
import type { SlipFormat } from './slip-facts';
import { centred, heading, left, row, RULE } from './slip-markup';

/** A label in both languages, or English only where the printer has no Chinese font. */
const say = (format: SlipFormat, zh: string, en: string) => (format.chinese ? `${zh} ${en}` : en);

const ENDED: Readonly<Record<ShiftReport['endReason'], [string, string]>> = {
  handover: ['交班', 'Handed over'],
  signed_out: ['下班', 'Signed out'],
  ended_by_manager: ['经理结束', 'Ended by a manager'],
};

/**
 * The slip of a shift that ended (at every handover): who, from when to when, how it ended, and
 * per currency what they took and gave back. In the same ReceiptLine markup as every slip, so
 * the printer, the preview and the command line render it alike.
 */
export function shiftSlip(
  report: ShiftReport,
  merchantName: string,
  format: SlipFormat,
  printedAt: number,
): string {
  const lines = [
    heading(merchantName || 'Alipay Counter'),
    centred(say(format, `班次 ${report.shiftId}`, `SHIFT ${report.shiftId}`)),
    row(say(format, '收银员', 'Staff'), report.name, format),
    row(say(format, '从', 'From'), slipTime(report.openedAt), format),
    row(say(format, '到', 'To'), slipTime(report.endedAt), format),
    left(say(format, ...ENDED[report.endReason])),
    RULE,
  ];
  if (report.totals.length === 0)
    lines.push(centred(say(format, '本班无交易', 'No payments or refunds')));
  for (const t of report.totals) {
    // The journal holds only currencies a sale was accepted in.
    const money = (minor: number) => formatWithCode(minor, t.currency as Currency);
    lines.push(
      heading(t.currency),
      row(
        say(format, `收款 ${t.payments.count} 笔`, `Payments ${t.payments.count}`),
        money(t.payments.sum),
        format,
      ),
      row(
        say(format, `退款 ${t.refunds.count} 笔`, `Refunds ${t.refunds.count}`),
        money(t.refunds.sum),
        format,
      ),
      row(say(format, '净额', 'Net'), money(t.net), format),
      RULE,
    );
  }
  lines.push(row(say(format, '打印时间', 'Printed'), slipTime(printedAt), format));
  return lines.join('\n');
}
