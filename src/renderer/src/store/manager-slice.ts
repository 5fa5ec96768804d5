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
import { said, type Said } from '../../../shared/i18n/said';
import { formatWithCode, parseAmount, type Currency } from '../../../shared/money';
import type { ErrorCode, Result } from '../../../shared/result';
import { counter } from '../counter-api';
import { asManager } from './as-manager';
import type { CounterStore } from './index';

/** History filters as typed in the form. */
export type HistoryFilters = RequestOf<'exports:history-csv'>;

/** A manager action waiting for the PIN. */
export interface PinPrompt {
  /** The action, as a message (or, from screens not yet moved to the catalogue, a sentence). */
  readonly title: string | Said;
  /** `managerId`: the manager picked by name, on a counter with staff (each has their own PIN). */
  readonly run: (pin: string, managerId?: number) => Promise<Result<unknown, ErrorCode>>;
}

/** An error main answered, kept as it came: each screen words it in its own language. */
export interface ScreenError {
  readonly code: string;
  readonly said?: Said;
}

/** A refund main accepted, shown as a confirmation until the manager moves on. */
export interface RefundDone {
  readonly paymentId: string;
  readonly amount: number;
  readonly currency: string;
}

/** History, reports, refunds and the PIN prompt. */
export interface ManagerSlice {
  managerStatus: ManagerStatus | null;
  historyFilters: HistoryFilters;
  historyItems: PaymentView[];
  historyNext: string | null;
  historyError: ScreenError | null;
  detail: PaymentDetail | null;
  currentReport: ReportView | null;
  zReports: ReportView[];
  reportError: ScreenError | null;
  pinPrompt: PinPrompt | null;
  /** The last refund accepted on the payment on screen (its confirmation). */
  refundDone: RefundDone | null;
  /** Closing the day is being confirmed (its totals on screen, before the PIN). */
  closingDay: boolean;
  refreshManagerStatus(): Promise<void>;
  searchHistory(filters: HistoryFilters): Promise<void>;
  loadMoreHistory(): Promise<void>;
  openDetail(paymentId: string): Promise<void>;
  closeDetail(): void;
  /**
   * Asks a manager's PIN (the manager picked by name first, on a counter with staff), runs `run`
   * with it; errors stay in the dialog.
   */
  askPin(title: string | Said, run: PinPrompt['run']): void;
  cancelPin(): void;
  /** Refunds: at once while the manager session is open, else after the PIN. */
  refund(paymentId: string, amount: string, reason: string): void;
  dismissRefundDone(): void;
  loadReports(): Promise<void>;
  /** Shows the day's totals and that closing cannot be undone; `confirmCloseDay` asks the PIN. */
  closeDay(): void;
  confirmCloseDay(): void;
  cancelCloseDay(): void;
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
  historyTakenBy: view.takenBy ?? {},
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
  refundDone: null,
  closingDay: false,
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
        : { historyError: result.error, historyItems: [], historyNext: null },
    );
  },
  async loadMoreHistory() {
    const { historyNext, historyFilters, historyItems } = get();
    if (!historyNext) return;
    const result = await counter().searchHistory({ ...historyFilters, cursor: historyNext });
    if (result.ok)
      set((s) => ({
        historyItems: [...historyItems, ...result.value.items],
        historyNext: result.value.next,
        historyTakenBy: { ...s.historyTakenBy, ...result.value.takenBy },
      }));
    else set({ historyError: result.error });
  },
  async openDetail(paymentId) {
    // Updates can arrive quickly one after another: only the newest load may land.
    const request = ++detailRequests;
    const result = await counter().getPaymentDetail({ paymentId });
    if (request !== detailRequests) return;
    if (result.ok)
      set((s) => ({
        detail: result.value,
        refundDone: s.refundDone?.paymentId === paymentId ? s.refundDone : null,
        historyError: s.detail?.payment.id === paymentId ? s.historyError : null,
      }));
    else set({ historyError: result.error });
  },
  closeDetail: () => set({ detail: null, refundDone: null, historyError: null }),
  askPin(title, run) {
    // The managers to pick from first: a PIN sent without its manager is refused on a counter
    // with staff. The dialog opens whatever the list's fate (no staff: no picker).
    const open = () => set({ pinPrompt: { title, run } });
    get().loadStaff().then(open, open);
  },
  cancelPin: () => set({ pinPrompt: null }),
  refund(paymentId, amount, reason) {
    // The amount is checked here first: a mistake is said beside the form, before any PIN.
    const detail = get().detail;
    if (detail?.payment.id === paymentId) {
      const currency = detail.payment.currency as Currency;
      const parsed = parseAmount(amount, currency);
      if (!parsed.ok) return set({ historyError: parsed.error });
      if (parsed.value > detail.refundable)
        return set({
          historyError: {
            code: 'INVALID_AMOUNT',
            said: said('manager.refund.tooMuch', {
              remaining: formatWithCode(detail.refundable, currency),
              asked: formatWithCode(parsed.value, currency),
            }),
          },
        });
    }
    set({ historyError: null });
    const run = async (pin?: string, managerId?: number) => {
      const who =
        pin && managerId !== undefined
          ? { manager: { staffId: managerId, pin } }
          : pin
            ? { pin }
            : {};
      const result = await counter().refund({ paymentId, amount, reason, ...who });
      void get().refreshManagerStatus();
      if (result.ok) {
        const { amount: minor, currency } = result.value;
        set({ refundDone: { paymentId, amount: minor, currency } });
        await get().openDetail(paymentId);
        void get().searchHistory(get().historyFilters);
      }
      return result;
    };
    const currency = get().detail?.payment.currency ?? '';
    const title = said('manager.refund.pinTitle', { amount, currency, paymentId });
    asManager(get, title, run, (error) => set({ historyError: error }));
  },
  dismissRefundDone: () => set({ refundDone: null }),
  async loadReports() {
    void get().loadReportPeople();
    const [current, list] = await Promise.all([
      counter().getCurrentReport(),
      counter().listReports(),
    ]);
    set({
      currentReport: current.ok ? current.value : null,
      zReports: list.ok ? list.value.reports : [],
      reportError: current.ok ? null : current.error,
    });
  },
  closeDay() {
    set({ closingDay: true });
    void get().loadReports();
  },
  confirmCloseDay() {
    set({ closingDay: false });
    // Closing the day cannot be undone: the PIN is asked even while the session is open.
    const title = said('manager.closeDay.pinTitle');
    get().askPin(title, async (pin, managerId) => {
      const who = managerId !== undefined ? { manager: { staffId: managerId, pin } } : { pin };
      const result = await counter().closeDay(who);
      void get().refreshManagerStatus();
      if (result.ok) await get().loadReports();
      return result;
    });
  },
  cancelCloseDay: () => set({ closingDay: false }),
  async exportHistory() {
    const result = await counter().exportHistoryCsv(get().historyFilters);
    if (!result.ok) {
      set({ historyError: result.error });
      return null;
    }
    download(result.value);
    return result.value;
  },
  async exportReport(number) {
    const result = await counter().exportReportCsv(number === undefined ? {} : { number });
    if (!result.ok) {
      set({ reportError: result.error });
      return null;
    }
    download(result.value);
    return result.value;
  },
});
