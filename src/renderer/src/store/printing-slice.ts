import type { StateCreator } from 'zustand';
import type { PrintJobView, PrintStatusView } from '../../../shared/printing/print-views';
import type {
  CodePage,
  PaperWidth,
  PrinterSettings,
} from '../../../shared/printing/printer-options';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** A short note after a print action: what happened, or why not. */
export interface PrintNotice {
  readonly ok: boolean;
  readonly text: string;
}

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
  /** Prints the sample slip on the printer as typed in Settings; resolves with the outcome. */
  testPrint(printer: PrinterSettings): Promise<PrintNotice>;
  /** The SVG of a slip at a paper width (the sample slip without a payment id). */
  previewSlip(
    paperWidth: PaperWidth,
    codePage: CodePage,
    paymentId?: string,
  ): Promise<string | null>;
  clearPrintNotice(): void;
}

/** A slip is queued, not yet printed: a failure would show on the line at the top. */
const queuedText = (job: PrintJobView) => `Printing on the ${job.printer}…`;

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
    else set({ printNotice: { ok: false, text: result.error.message } });
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
    set({
      printNotice: result.ok
        ? { ok: true, text: queuedText(result.value) }
        : { ok: false, text: result.error.message },
    });
  },
  async printReport(number) {
    const result = await counter().printReport(number === undefined ? {} : { number });
    set({
      printNotice: result.ok
        ? { ok: true, text: queuedText(result.value) }
        : { ok: false, text: result.error.message },
    });
  },
  async testPrint(printer) {
    const result = await counter().testPrint({ printer });
    if (!result.ok) return { ok: false, text: result.error.message };
    return result.value.state === 'sent'
      ? { ok: true, text: `Printed: the test slip went to the ${result.value.printer}.` }
      : { ok: false, text: result.value.reason ?? 'The test slip did not print.' };
  },
  async previewSlip(paperWidth, codePage, paymentId) {
    const result = await counter().previewSlip({
      paperWidth,
      codePage,
      ...(paymentId ? { paymentId } : {}),
    });
    return result.ok ? result.value.svg : null;
  },
  clearPrintNotice: () => set({ printNotice: null }),
});
