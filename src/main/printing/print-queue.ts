import { EventEmitter } from 'node:events';
import { ok, type ErrorCode, type Result } from '../../shared/result';
import { said, type Said } from '../../shared/i18n/said';
import type { PaperSetup } from './slip-render';
import type { PrinterSettings } from '../../shared/printing/printer-options';
import { fail } from '../i18n/fail';
import { english, wordIn } from '../i18n/wording';
import type { Journal } from '../journal/journal';
import type { PrintJobRecord } from '../journal/print-job-journal';
import { createLogger } from '../logging/logger';
import type { Settings } from '../settings/settings';
import { slipMarkup, slipTitle, type SlipRequest } from './slip-for-job';
import { wantedLanguages } from './slip-languages';
import { renderEscPos, renderSvg, slipFormat } from './slip-render';
import type { SlipWording } from './slip-words';
import { transportFor, type PrintTransport, type TransportOptions } from './transports';

const log = createLogger('printing');

/** What the print queue needs. */
export interface PrintQueueDeps {
  readonly journal: Journal;
  readonly settings: () => Settings;
  readonly transport?: TransportOptions;
  readonly now?: () => number;
  /**
   * The system's language (Electron's app.getLocale()): slips speak it while the store's
   * language is the system's. Without it, this process's locale.
   */
  readonly systemLocale?: string | null;
}

/** Why a slip cannot be queued when no printer is set up. */
export const NO_PRINTER = said('printing.error.noPrinter');

/**
 * The print queue. Every slip is journaled as queued before anything is sent, then
 * sent to the configured printer one at a time, in order, and journaled as sent or failed with
 * the reason. It never throws into its callers: a sale or a refund goes on whatever a printer
 * does. A failed slip stays on the cashier's screen until it is retried or dismissed.
 */
export class PrintQueue {
  readonly events = new EventEmitter<{ changed: [] }>();
  private tail: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly deps: PrintQueueDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The configured printer's way out, or undefined when there is none. */
  private transport(
    printer: PrinterSettings = this.deps.settings().printer,
  ): PrintTransport | undefined {
    return transportFor(printer, this.deps.transport);
  }

  /**
   * The system language a window reported (the browser shell's main does not know the
   * browser's): slips follow it while the store's language is the system's.
   */
  private windowLocale: string | undefined;

  /**
   * How slips are worded on this paper and printer: merchant copies in the store's language, the
   * customer's in the customer display's, as far as its code page prints them. `systemLocale` is
   * a window's system language, kept for later slips where main does not know the system's.
   */
  slipWording(
    paper: PaperSetup,
    settings: Settings = this.deps.settings(),
    systemLocale?: string,
  ): SlipWording {
    if (systemLocale) this.windowLocale = systemLocale;
    return slipFormat(
      paper,
      wantedLanguages(settings, this.deps.systemLocale || this.windowLocale),
      settings.merchantName,
    );
  }

  /** Queues a slip for the configured printer; refuses at once what could never print. */
  enqueue(request: SlipRequest): Result<PrintJobRecord, ErrorCode> {
    const transport = this.transport();
    if (!transport) return fail('NOT_CONFIGURED', NO_PRINTER);
    const settings = this.deps.settings();
    const markup = slipMarkup(
      this.deps.journal,
      settings,
      request,
      this.slipWording(settings.printer, settings),
      this.now(),
    );
    if (!markup.ok) return markup;
    const job = this.deps.journal.printJobs.queue({
      kind: request.kind,
      paymentId: request.paymentId ?? null,
      refundId: request.refundId ?? null,
      zNumber: request.zNumber ?? null,
      shiftId: request.shiftId ?? null,
      reprint: request.reprint ?? false,
      printer: transport.description,
      at: this.now(),
    });
    this.schedule(job.id);
    return ok(job);
  }

  /** Sends a failed slip again (to the printer configured now). */
  retry(jobId: number): Result<PrintJobRecord, ErrorCode> {
    const job = this.deps.journal.printJobs.get(jobId);
    if (!job) return fail('NOT_FOUND', said('printing.error.noJob'));
    if (job.state !== 'failed') return fail('INVALID_STATE', said('printing.error.notFailed'));
    if (!this.transport()) return fail('NOT_CONFIGURED', NO_PRINTER);
    // Requeued at once: a second Retry before this one ran finds it queued and adds nothing.
    if (!this.deps.journal.printJobs.requeue(jobId, this.now()))
      return fail('INVALID_STATE', said('printing.error.alreadyRetrying'));
    this.schedule(jobId);
    return ok(this.deps.journal.printJobs.get(jobId)!);
  }

  /** Retries every failed slip still on the cashier's screen, oldest first. */
  retryAll(): void {
    for (const job of this.deps.journal.printJobs.unfinished())
      if (job.state === 'failed') this.retry(job.id);
  }

  /** Takes a failed slip off the cashier's screen; it can still be reprinted. */
  dismiss(jobId: number): Result<void, ErrorCode> {
    if (!this.deps.journal.printJobs.dismiss(jobId, this.now()))
      return fail('INVALID_STATE', said('printing.error.notShown'));
    this.events.emit('changed');
    return ok(undefined);
  }

  /**
   * Prints a test slip to `printer` (as typed in Settings, saved or not) and waits for the
   * outcome. Journaled like any slip; its failure is shown in Settings, not on the counter.
   */
  async testPrint(printer: PrinterSettings): Promise<Result<PrintJobRecord, ErrorCode>> {
    const transport = this.transport(printer);
    if (!transport) return fail('NOT_CONFIGURED', said('printing.error.chooseKind'));
    const settings = { ...this.deps.settings(), printer };
    const request: SlipRequest = { kind: 'test' };
    const job = this.deps.journal.printJobs.queue({
      kind: 'test',
      printer: transport.description,
      at: this.now(),
    });
    const result = await this.attempt(job, request, settings, transport);
    if (result.state === 'failed') this.deps.journal.printJobs.dismiss(job.id, this.now());
    return ok(this.deps.journal.printJobs.get(job.id)!);
  }

  /** Failed slips nobody dismissed, oldest first, and how many are on their way. */
  status(): { printer: Said | null; failed: PrintJobRecord[]; printing: number } {
    return {
      printer: this.transport()?.description ?? null,
      failed: this.deps.journal.printJobs.unfinished().filter((j) => j.state === 'failed'),
      printing: this.inFlight,
    };
  }

  /**
   * At start: a slip still queued was cut off by a stop or crash; whether it printed is not
   * known, so it is shown as failed (Retry prints it) rather than printed again unasked.
   */
  recover(): number {
    const cut = this.deps.journal.printJobs.unfinished().filter((j) => j.state === 'queued');
    for (const job of cut)
      this.deps.journal.printJobs.failUnsent(job.id, said('printing.failure.cutOff'), this.now());
    return cut.length;
  }

  /** Resolves once every slip queued so far has been sent or has failed. */
  whenIdle(): Promise<void> {
    return this.tail;
  }

  /** Stops sending; waits (bounded) for the slip on its way. Unsent slips are recovered later. */
  async stop(waitMs = 3000): Promise<void> {
    this.stopped = true;
    await Promise.race([this.tail, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
  }

  private schedule(jobId: number): void {
    this.inFlight++;
    this.events.emit('changed');
    this.tail = this.tail.then(async () => {
      try {
        if (this.stopped) return;
        const job = this.deps.journal.printJobs.get(jobId)!;
        const settings = this.deps.settings();
        const transport = this.transport(settings.printer);
        if (!transport) {
          this.deps.journal.printJobs.failUnsent(jobId, NO_PRINTER, this.now());
          return;
        }
        await this.attempt(job, job, settings, transport);
      } catch (error) {
        // A bug must not stop the queue or reach the sale that queued the slip.
        log.error('print job failed unexpectedly', { jobId, error: String(error) });
        if (!this.stopped)
          this.deps.journal.printJobs.failUnsent(
            jobId,
            said('printing.failure.unexpected', { detail: String(error) }),
            this.now(),
          );
      } finally {
        this.inFlight--;
        // After a stop the journal may be closed: nobody is left to tell.
        if (!this.stopped) this.events.emit('changed');
      }
    });
  }

  /** One attempt: journal it, render the slip from the journal, send, journal the outcome. */
  private async attempt(
    job: PrintJobRecord,
    request: SlipRequest,
    settings: Settings,
    transport: PrintTransport,
  ): Promise<PrintJobRecord> {
    const journal = this.deps.journal;
    const words = this.slipWording(settings.printer, settings);
    const markup = slipMarkup(journal, settings, request, words, this.now());
    if (!markup.ok)
      return journal.printJobs.failUnsent(
        job.id,
        markup.error.said ?? said('printing.failure.unexpected', { detail: markup.error.message }),
        this.now(),
      );
    const outcome = await transport.send({
      bytes: renderEscPos(markup.value, settings.printer),
      svg: () => renderSvg(markup.value, settings.printer),
      title: wordIn(words.languages.store, slipTitle(request)),
      paperWidthMm: settings.printer.paperWidth,
    });
    if (!outcome.ok)
      log.warn('slip not printed', {
        jobId: job.id,
        kind: job.kind,
        reason: english(outcome.reason),
      });
    // Stopped meanwhile (the journal may be closed): the job stays queued, and the next start
    // shows it as not confirmed, with Retry.
    if (this.stopped) return job;
    return journal.printJobs.settle(
      job.id,
      outcome.ok ? { state: 'sent' } : { state: 'failed', reason: outcome.reason },
      transport.description,
      this.now(),
    );
  }
}
