import { useSay } from '../i18n/use-say';
import { PrintNoticeLine } from '../printing/PrintNoticeLine';
import { useCounter } from '../store';

/**
 * Print on a shift's report: its slip, from the report the journal kept when the shift ended
 * (so the paper says what the screen says), and under it whether it went to the printer.
 */
export function ShiftSlipPrint({ shiftId }: { shiftId: number }) {
  const { say } = useSay();
  const print = useCounter((s) => s.printShiftSlip);
  return (
    <div className="shift-slip-print">
      <button type="button" onClick={() => void print(shiftId)}>
        {say('staff.report.print')}
      </button>
      <PrintNoticeLine />
    </div>
  );
}
