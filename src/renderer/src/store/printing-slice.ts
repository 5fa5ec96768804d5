import type { StateCreator } from 'zustand';
import { said, saidOfError, type Said } from '../../../shared/i18n/said';
import type {
  PrintJobView,
  PrintStatusView,
  SlipPreview,
} from '../../../shared/printing/print-views';
import type {
  CodePage,
  PaperWidth,
  PrinterSettings,
} from '../../../shared/printing/printer-options';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** A short note after a print action: what happened, or why not (a message to word). */
export interface PrintNotice {
  readonly ok: boolean;
  readonly said: Said;
}

/** Which copy of a slip a preview shows. */
export type PreviewCopy = 'customer' | 'merchant';

/** The receipt printer: failed slips (with Retry), reprints, test print, slip previews. */
export interface PrintingSlice {
  printStatus: PrintStatusView | null;
  /** The outcome of the last print action a screen started (reprint, report, retry). */
  printNotice: PrintNotice | null;
  /** Follows main's printer status; returns the unsubscribe function. */
  followPrinting(): () => void;
  retryPrints(jobId?: number): Promise<void>;
  dismissPrintFailure(jobId: number): Promise<void>;
  printReceipt(paymentId: string, copy: 'customer' | 'merchant', refundId?: string): Promise<void>;
  printReport(number?: number): Promise<void>;
  /** Prints the slip of a shift that ended, from the report it ended with. */
  printShiftSlip(shiftId: number): Promise<void>;
  /** Prints the sample slip on the printer as typed in Settings; resolves with the outcome. */
  testPrint(printer: PrinterSettings): Promise<PrintNotice>;
  /**
   * A slip's picture at a paper width and what it prints in (the sample slip without a payment
   * id); `systemLocale` is the window's system language, for main to word the store's copy.
   */
  previewSlip(request: {
    paperWidth: PaperWidth;
    codePage: CodePage;
    copy: PreviewCopy;
    systemLocale?: string;
    paymentId?: string;
  }): Promise<SlipPreview | null>;
  clearPrintNotice(): void;
}

/** A slip is queued, not yet printed: a failure would show on the line at the top. */
const queued = (job: PrintJobView): PrintNotice => ({
  ok: true,
  said: said('printing.notice.queued', { printer: job.printer }),
});

/** What a failed request says. */
const refused = (error: { code: string; said?: Said }): PrintNotice => ({
  ok: false,
  said: saidOfError(error),
});

export const createPrintingSlice: StateCreator<CounterStore, [], [], PrintingSlice> = (set) => ({
  printStatus: null,
  printNotice: null,
  followPrinting() {
    const api = counter();
    const off = api.onPrintStatusChanged((printStatus) => set({ printStatus }));
    void api.getPrintStatus().then((result) => {
      if (result.ok) set({ printStatus: result.value });
    });
    return off;
  },
  async retryPrints(jobId) {
    const result = await counter().retryPrint(jobId === undefined ? {} : { jobId });
    if (result.ok) set({ printStatus: result.value, printNotice: null });
    else set({ printNotice: refused(result.error) });
  },
  async dismissPrintFailure(jobId) {
    const result = await counter().dismissPrintFailure({ jobId });
    if (result.ok) set({ printStatus: result.value });
  },
  async printReceipt(paymentId, copy, refundId) {
    const result = await counter().printReceipt({
      paymentId,
      copy,
      ...(refundId ? { refundId } : {}),
    });
    set({ printNotice: result.ok ? queued(result.value) : refused(result.error) });
  },
  async printReport(number) {
    const result = await counter().printReport(number === undefined ? {} : { number });
    set({ printNotice: result.ok ? queued(result.value) : refused(result.error) });
  },
  async printShiftSlip(shiftId) {
    const result = await counter().printReport({ shift: shiftId });
    set({ printNotice: result.ok ? queued(result.value) : refused(result.error) });
  },
  async testPrint(printer) {
    const result = await counter().testPrint({ printer });
    if (!result.ok) return refused(result.error);
    return result.value.state === 'sent'
      ? { ok: true, said: said('printing.settings.testPrinted', { printer: result.value.printer }) }
      : { ok: false, said: result.value.reason ?? said('printing.settings.testNotPrinted') };
  },
  async previewSlip(request) {
    const result = await counter().previewSlip(request);
    return result.ok ? result.value : null;
  },
  clearPrintNotice: () => set({ printNotice: null }),
});
