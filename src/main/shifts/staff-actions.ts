import { parseAmount } from '../../shared/money';
import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import type { CounterDesk } from '../counter/counter-desk';
import type { PaymentRecord } from '../journal/payment-record';
import type { Journal } from '../journal/journal';
import type { RefundRecord } from '../journal/refund-journal';
import type { Report } from '../journal/report-queries';
import type { RefundService } from '../payments/refund-service';
import type { ShiftErrorCode } from './shift-service';
import type { ManagerPresent, StaffAuthority } from './staff-authority';
import { namedTotals, type NamedTotals } from './staff-reports';

/** The X report with its split by person. */
export interface XByPerson {
  readonly report: Report;
  readonly byPerson: NamedTotals[];
}

/** The Z report with the shifts it covers, which add up to it. */
export interface ZWithShifts {
  readonly report: Report;
  readonly byShift: NamedTotals[];
  readonly byPerson: NamedTotals[];
}

/**
 * The manager-only actions under the role rules, for whoever is signed in: a manager alone,
 * or a cashier with a manager's own PIN (recorded as authorised by them). The money itself goes
 * through the same refund service and journal as before.
 */
export class StaffActions {
  constructor(
    private readonly deps: {
      readonly journal: Journal;
      readonly authority: StaffAuthority;
      readonly refunds: RefundService;
      readonly desk: Pick<CounterDesk, 'charge' | 'retryAsLink'>;
      readonly now: () => number;
    },
  ) {}

  /**
   * Charges a sale for whoever is signed in: on a counter with staff nobody sells while the
   * sign-in or lock screen is up, whatever a window sends. A counter with no staff yet (before
   * its first manager) sells as before.
   */
  async charge(amount: string, currency: string): Promise<Result<PaymentRecord, ErrorCode>> {
    const allowed = await this.maySell();
    return allowed.ok ? this.deps.desk.charge(amount, currency) : allowed;
  }

  /** Takes the sale on screen again as a Payment Page link, under the same rule as a charge. */
  async retryAsLink(paymentId: string): Promise<Result<PaymentRecord, ErrorCode>> {
    const allowed = await this.maySell();
    return allowed.ok ? this.deps.desk.retryAsLink(paymentId) : allowed;
  }

  /** Refunds an amount, as typed in the payment's currency, of a paid payment. */
  async refund(request: {
    paymentId: string;
    amount: string;
    reason: string;
    manager?: ManagerPresent;
  }): Promise<Result<RefundRecord, ErrorCode | ShiftErrorCode>> {
    const payment = this.deps.journal.get(request.paymentId);
    if (!payment) return err('NOT_FOUND', `No payment ${request.paymentId}.`);
    const minor = parseAmount(request.amount, payment.currency);
    if (!minor.ok) return minor;
    const done = await this.deps.authority.run('refund', request.manager, (allowed) =>
      this.deps.refunds.refund({
        paymentId: request.paymentId,
        amount: minor.value,
        reason: request.reason,
        actor: this.nameOf(allowed.by),
      }),
    );
    return done.ok ? done.value : done;
  }

  /** The X report so far, split by person. */
  async xReport(manager?: ManagerPresent): Promise<Result<XByPerson, ShiftErrorCode>> {
    return this.deps.authority.run('reports', manager, () => {
      const report = this.deps.journal.reports.current(this.deps.now());
      return { report, byPerson: this.byPerson(report) };
    });
  }

  /** Closes the day: the Z report, with the shifts it covers and its split by person. */
  async closeDay(manager?: ManagerPresent): Promise<Result<ZWithShifts, ShiftErrorCode>> {
    return this.deps.authority.run('close-day', manager, (allowed) => {
      const report = this.deps.journal.closeDay(this.deps.now(), this.nameOf(allowed.by));
      return this.withShifts(report);
    });
  }

  /** A Z report (or any report's period) with its shifts and people. */
  withShifts(report: Report): ZWithShifts {
    const { journal } = this.deps;
    const byShift = journal.people.reports.byShift(report.periodStart, report.periodEnd);
    return {
      report,
      byShift: namedTotals(journal, byShift, 'shift'),
      byPerson: this.byPerson(report),
    };
  }

  private byPerson(report: Report): NamedTotals[] {
    const { journal } = this.deps;
    const rows = journal.people.reports.byPerson(report.periodStart, report.periodEnd);
    return namedTotals(journal, rows, 'person');
  }

  private async maySell(): Promise<Result<unknown, ErrorCode>> {
    if (!this.deps.journal.people.staff.any()) return ok(undefined);
    return this.deps.authority.authorise('sell');
  }

  private nameOf(id: number): string {
    return this.deps.journal.people.staff.get(id)?.name ?? `#${id}`;
  }
}
