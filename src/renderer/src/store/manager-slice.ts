import type { StateCreator } from 'zustand';
import type { RequestOf } from '../../../shared/ipc/contract';
import type {
  ExportFile,
  HistoryPageView,
  ManagerStatus,
  PaymentDetail,
  PaymentView,
  ReportView,
} from '../../../shared/ipc/views';
import type { ErrorCode, Result } from '../../../shared/result';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** History filters as typed in the form. */
export type HistoryFilters = RequestOf<'exports:history-csv'>;

/** A manager action waiting for the PIN. */
export interface PinPrompt {
  readonly title: string;
  readonly run: (pin: string) => Promise<Result<unknown, ErrorCode>>;
}

/** History, reports, refunds and the PIN prompt. */
export interface ManagerSlice {
  managerStatus: ManagerStatus | null;
  historyFilters: HistoryFilters;
  historyItems: PaymentView[];
  historyNext: string | null;
  historyError: string | null;
  detail: PaymentDetail | null;
  currentReport: ReportView | null;
  zReports: ReportView[];
  reportError: string | null;
  pinPrompt: PinPrompt | null;
  refreshManagerStatus(): Promise<void>;
  searchHistory(filters: HistoryFilters): Promise<void>;
  loadMoreHistory(): Promise<void>;
  openDetail(paymentId: string): Promise<void>;
  closeDetail(): void;
  /** Asks for the PIN, runs `run` with it; resolves with the result (errors stay in the dialog). */
  askPin(title: string, run: (pin: string) => Promise<Result<unknown, ErrorCode>>): void;
  cancelPin(): void;
  refund(paymentId: string, amount: string, reason: string): void;
  loadReports(): Promise<void>;
  closeDay(): void;
  exportHistory(): Promise<ExportFile | null>;
  exportReport(number?: number): Promise<ExportFile | null>;
}

/** Offers a file to the user as a download (the browser's or Electron's own save). */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(
    new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const page = (view: HistoryPageView) => ({
  historyItems: view.items,
  historyNext: view.next,
  historyError: null,
});

/** Counts payment-detail loads, so a slow older one never replaces a newer one. */
let detailRequests = 0;

export const createManagerSlice: StateCreator<CounterStore, [], [], ManagerSlice> = (set, get) => ({
  managerStatus: null,
  historyFilters: {},
  historyItems: [],
  historyNext: null,
  historyError: null,
  detail: null,
  currentReport: null,
  zReports: [],
  reportError: null,
  pinPrompt: null,
  async refreshManagerStatus() {
    const status = await counter().getManagerStatus();
    if (status.ok) set({ managerStatus: status.value });
  },
  async searchHistory(filters) {
    set({ historyFilters: filters });
    const result = await counter().searchHistory(filters);
    set(
      result.ok
        ? page(result.value)
        : { historyError: result.error.message, historyItems: [], historyNext: null },
    );
  },
  async loadMoreHistory() {
    const { historyNext, historyFilters, historyItems } = get();
    if (!historyNext) return;
    const result = await counter().searchHistory({ ...historyFilters, cursor: historyNext });
    if (result.ok)
      set({
        historyItems: [...historyItems, ...result.value.items],
        historyNext: result.value.next,
      });
    else set({ historyError: result.error.message });
  },
  async openDetail(paymentId) {
    // Updates can arrive quickly one after another: only the newest load may land.
    const request = ++detailRequests;
    const result = await counter().getPaymentDetail({ paymentId });
    if (request !== detailRequests) return;
    if (result.ok) set({ detail: result.value });
    else set({ historyError: result.error.message });
  },
  closeDetail: () => set({ detail: null }),
  askPin(title, run) {
    set({ pinPrompt: { title, run } });
  },
  cancelPin: () => set({ pinPrompt: null }),
  refund(paymentId, amount, reason) {
    const currency = get().detail?.payment.currency ?? '';
    get().askPin(`Refund ${amount} ${currency} on ${paymentId}`, async (pin) => {
      const result = await counter().refund({ paymentId, amount, reason, pin });
      void get().refreshManagerStatus();
      if (result.ok) {
        await get().openDetail(paymentId);
        void get().searchHistory(get().historyFilters);
      }
      return result;
    });
  },
  async loadReports() {
    const [current, list] = await Promise.all([
      counter().getCurrentReport(),
      counter().listReports(),
    ]);
    set({
      currentReport: current.ok ? current.value : null,
      zReports: list.ok ? list.value.reports : [],
      reportError: current.ok ? null : current.error.message,
    });
  },
  closeDay() {
    get().askPin('Close the day (Z report)', async (pin) => {
      const result = await counter().closeDay({ pin });
      void get().refreshManagerStatus();
      if (result.ok) await get().loadReports();
      return result;
    });
  },
  async exportHistory() {
    const result = await counter().exportHistoryCsv(get().historyFilters);
    if (!result.ok) {
      set({ historyError: result.error.message });
      return null;
    }
    download(result.value);
    return result.value;
  },
  async exportReport(number) {
    const result = await counter().exportReportCsv(number === undefined ? {} : { number });
    if (!result.ok) {
      set({ reportError: result.error.message });
      return null;
    }
    download(result.value);
    return result.value;
  },
});
