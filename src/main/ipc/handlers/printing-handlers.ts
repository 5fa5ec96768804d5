import { ok } from '../../../shared/result';
import { said } from '../../../shared/i18n/said';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { PrintJobView, PrintStatusView } from '../../../shared/printing/print-views';
import type { Journal } from '../../journal/journal';
import type { PrintJobRecord } from '../../journal/print-job-journal';
import { fail } from '../../i18n/fail';
import type { PrintQueue } from '../../printing/print-queue';
import { slipMarkup } from '../../printing/slip-for-job';
import { renderSvg } from '../../printing/slip-render';
import type { Settings } from '../../settings/settings';

/** The channels these handlers serve. */
export type PrintingChannels =
  | 'printing:status'
  | 'printing:retry'
  | 'printing:dismiss'
  | 'printing:receipt'
  | 'printing:report'
  | 'printing:test'
  | 'printing:preview';

/** A print job as the screens see it. */
export function printJobView(job: PrintJobRecord): PrintJobView {
  return {
    id: job.id,
    kind: job.kind,
    paymentId: job.paymentId,
    refundId: job.refundId,
    zNumber: job.zNumber,
    shiftId: job.shiftId,
    reprint: job.reprint,
    state: job.state,
    reason: job.reasonSaid,
    printer: job.printerSaid,
    attempts: job.attempts,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

/** The printer's state for the cashier's screen. */
export function printStatusView(queue: PrintQueue): PrintStatusView {
  const status = queue.status();
  return { ...status, failed: status.failed.map(printJobView) };
}

/**
 * Receipt printing: the failed-slip line and its Retry, reprints from a payment's
 * detail (journaled in the audit log: a reprint is how a receipt could be passed off twice),
 * report slips, the Settings test print and the slip preview.
 */
export function createPrintingHandlers(deps: {
  readonly queue: PrintQueue;
  readonly journal: Journal;
  readonly settings: () => Settings;
  readonly now: () => number;
}): Pick<ChannelHandlers, PrintingChannels> {
  const { queue, journal } = deps;
  return {
    'printing:status': async () => ok(printStatusView(queue)),
    'printing:retry': async ({ jobId }) => {
      if (jobId === undefined) queue.retryAll();
      else {
        const retried = queue.retry(jobId);
        if (!retried.ok) return retried;
      }
      return ok(printStatusView(queue));
    },
    'printing:dismiss': async ({ jobId }) => {
      const dismissed = queue.dismiss(jobId);
      return dismissed.ok ? ok(printStatusView(queue)) : dismissed;
    },
    'printing:receipt': async ({ paymentId, refundId, copy }) => {
      if (refundId !== undefined && journal.refunds.get(refundId)?.paymentId !== paymentId)
        return fail('NOT_FOUND', said('printing.error.noRefundOfPayment', { paymentId, refundId }));
      const kind = refundId === undefined ? copy : (`refund_${copy}` as const);
      const queued = queue.enqueue({ kind, paymentId, refundId: refundId ?? null, reprint: true });
      if (!queued.ok) return queued;
      journal.audit('cashier', 'receipt reprinted', paymentId, {
        kind,
        refundId: refundId ?? null,
        job: queued.value.id,
      });
      return ok(printJobView(queued.value));
    },
    'printing:report': async ({ number, shift }) => {
      const queued = queue.enqueue(
        shift !== undefined
          ? { kind: 'shift_report', shiftId: shift }
          : number === undefined
            ? { kind: 'x_report' }
            : { kind: 'z_report', zNumber: number },
      );
      return queued.ok ? ok(printJobView(queued.value)) : queued;
    },
    'printing:test': async ({ printer }) => {
      const printed = await queue.testPrint(printer);
      return printed.ok ? ok(printJobView(printed.value)) : printed;
    },
    'printing:preview': async ({
      paperWidth,
      codePage,
      paymentId,
      copy = 'customer',
      systemLocale,
    }) => {
      const paper = { paperWidth, codePage };
      const words = queue.slipWording(paper, deps.settings(), systemLocale);
      const markup = slipMarkup(
        journal,
        deps.settings(),
        paymentId === undefined ? { kind: 'test', copy } : { kind: copy, paymentId },
        words,
        deps.now(),
      );
      return markup.ok
        ? ok({ svg: renderSvg(markup.value, paper), paperWidth, notes: [...words.languages.notes] })
        : markup;
    },
  };
}
