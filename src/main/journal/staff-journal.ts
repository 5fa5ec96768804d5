import type Database from 'better-sqlite3';
import { AttributionQueries } from './attribution-queries';
import { ShiftTable } from './shift-table';
import { StaffReportQueries } from './staff-report-queries';
import { StaffTable } from './staff-table';

/** The journal's side of staff: members, shifts, who took each row, reports by person. */
export class StaffJournal {
  /** Members and their sealed PIN records. */
  readonly staff: StaffTable;
  /** Shifts: one open per counter. */
  readonly shifts: ShiftTable;
  /** Takings and refunds by person and by shift. */
  readonly reports: StaffReportQueries;
  /** Who took each payment, refund and print; History by person. */
  readonly attribution: AttributionQueries;

  constructor(db: Database.Database) {
    this.staff = new StaffTable(db);
    this.shifts = new ShiftTable(db);
    this.reports = new StaffReportQueries(db);
    this.attribution = new AttributionQueries(db);
  }
}
