import type { StateCreator } from 'zustand';
import type { AppInfo, PaymentView, SessionView, SettingsView } from '../../../shared/ipc/views';
import { saidOfError, type Said } from '../../../shared/i18n/said';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** What main says is on the counter: the mirror of main's truth (nothing is persisted here). */
export interface SessionSlice {
  session: SessionView | null;
  settings: SettingsView | null;
  appInfo: AppInfo | null;
  /** Set when main refused an action, shown on the current screen in the window's language. */
  actionError: Said | null;
  /** Loads everything from main and follows its events; returns the unsubscribe function. */
  init(): Promise<() => void>;
  cancel(): Promise<void>;
  /** Takes the sale on screen again as a Payment Page link (its Gate QR cannot be scanned). */
  retryAsLink(): Promise<void>;
  newSale(): Promise<void>;
  keepLate(paymentId: string): Promise<void>;
}

/** Replaces a payment in the session when main reports a change. */
function withPayment(session: SessionView | null, payment: PaymentView): SessionView | null {
  if (!session) return session;
  const active = session.active?.id === payment.id ? payment : session.active;
  const lateAlerts = session.lateAlerts.filter((p) => p.id !== payment.id);
  if (payment.lateAlert === 'open') lateAlerts.push(payment);
  return { ...session, active, lateAlerts };
}

export const createSessionSlice: StateCreator<CounterStore, [], [], SessionSlice> = (set, get) => ({
  session: null,
  settings: null,
  appInfo: null,
  actionError: null,
  async init() {
    const api = counter();
    const unsubscribe = [
      api.onSessionChanged((session) => set({ session })),
      api.onPaymentUpdated((payment) => {
        set({ session: withPayment(get().session, payment) });
        // A payment's detail on screen follows it (a refund settling by callback, say).
        if (get().detail?.payment.id === payment.id) void get().openDetail(payment.id);
      }),
      api.onLatePayment((payment) => set({ session: withPayment(get().session, payment) })),
      api.onSettingsChanged((settings) => set({ settings })),
    ];
    const [session, settings, appInfo] = await Promise.all([
      api.getSession(),
      api.getSettings(),
      api.getAppInfo(),
    ]);
    set({
      session: session.ok ? session.value : null,
      settings: settings.ok ? settings.value : null,
      appInfo: appInfo.ok ? appInfo.value : null,
    });
    if (settings.ok) get().setCurrency(settings.value.defaultCurrency);
    void get().refreshManagerStatus();
    if (settings.ok && settings.value.mode === 'live' && !settings.value.ready)
      get().openSettings();
    return () => unsubscribe.forEach((off) => off());
  },
  async cancel() {
    const active = get().session?.active;
    if (!active) return;
    const result = await counter().cancel({ paymentId: active.id });
    set({ actionError: result.ok ? null : saidOfError(result.error) });
  },
  async retryAsLink() {
    const active = get().session?.active;
    if (!active) return;
    const result = await counter().retryAsLink({ paymentId: active.id });
    set({ actionError: result.ok ? null : saidOfError(result.error) });
  },
  async newSale() {
    const result = await counter().newSale();
    // The amount was cleared when the sale started: clearing it here could wipe digits the
    // cashier already typed, since the session event can arrive before this answer.
    if (result.ok) set({ session: result.value, actionError: null });
    else set({ actionError: saidOfError(result.error) });
  },
  async keepLate(paymentId) {
    const result = await counter().keepLatePayment({ paymentId });
    if (result.ok) set({ session: withPayment(get().session, result.value), actionError: null });
    else set({ actionError: saidOfError(result.error) });
  },
});
