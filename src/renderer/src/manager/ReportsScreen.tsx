import { useEffect } from 'react';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { PrintNoticeLine } from '../printing/PrintNoticeLine';
import { CloseDayDialog } from './CloseDayDialog';
import { XByPerson, ZShifts } from './PeopleReport';
import { ReportTable } from './ReportTable';

export { ReportTable } from './ReportTable';

/** The X report, closing the day (totals, then the PIN), past Z reports, CSV and print. */
export function ReportsScreen() {
  const { say, sayError } = useSay();
  const { currentReport, zReports, reportError } = useCounter();
  const load = useCounter((s) => s.loadReports);
  const closeDay = useCounter((s) => s.closeDay);
  const exportReport = useCounter((s) => s.exportReport);
  const printReport = useCounter((s) => s.printReport);
  useEffect(() => void load(), [load]);
  return (
    <section className="reports" aria-label={say('common.nav.reports')}>
      <div className="detail-head no-print">
        <h1>{say('common.nav.reports')}</h1>
        <button type="button" onClick={() => void load()}>
          {say('manager.reports.refresh')}
        </button>
        <button type="button" onClick={() => void exportReport()}>
          {say('manager.reports.xCsv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {say('manager.reports.print')}
        </button>
        <button type="button" onClick={() => void printReport()}>
          {say('manager.reports.xPrinter')}
        </button>
        <button type="button" className="primary" onClick={closeDay}>
          {say('manager.reports.closeDay')}
        </button>
      </div>
      {reportError ? (
        <p className="action-error" role="alert">
          {sayError(reportError)}
        </p>
      ) : null}
      <PrintNoticeLine />
      {currentReport ? (
        <ReportTable report={currentReport}>
          <XByPerson />
        </ReportTable>
      ) : null}
      {zReports.map((z) => (
        <div key={z.number} className="z-report">
          <ReportTable report={z}>
            <ZShifts report={z} />
          </ReportTable>
          <button type="button" className="no-print" onClick={() => void exportReport(z.number!)}>
            {say('manager.reports.zCsv', { number: z.number! })}
          </button>
          <button type="button" className="no-print" onClick={() => void printReport(z.number!)}>
            {say('manager.reports.zPrinter', { number: z.number! })}
          </button>
        </div>
      ))}
      <CloseDayDialog />
    </section>
  );
}
