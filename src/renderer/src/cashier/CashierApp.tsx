import { useEffect } from 'react';
import { screenOf } from '../screen-of';
import { useNow } from '../hooks/use-now';
import { useCounter } from '../store';
import { Header } from './Header';
import { LateAlert } from './LateAlert';
import { OutcomeScreen } from './OutcomeScreen';
import { SaleScreen } from './SaleScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { canRetryAsLink, WaitingScreen } from './WaitingScreen';
import { Banners } from './Banners';
import { ActionError } from './ActionError';
import { SaleAnnouncer } from './SaleAnnouncer';
import { FirstRunWizard } from '../settings/FirstRunWizard';
import { PinDialog } from '../components/PinDialog';
import { HistoryScreen } from '../manager/HistoryScreen';
import { ReportsScreen } from '../manager/ReportsScreen';
import { ManagerLocked } from '../manager/ManagerLocked';
import { selectManagerViewOpen } from '../store/manager-session-slice';
import { PrintFailureLine } from '../printing/PrintFailureLine';
import { selectLocked, selectNeedsSignIn } from '../store/shift-slice';
import { SignInScreen } from '../staff/SignInScreen';
import { LockScreen } from '../staff/LockScreen';
import { HandOverDialog, HandOverWaiting } from '../staff/HandOverDialog';
import { ShiftReportDialog } from '../staff/ShiftReportDialog';

/** The cashier window: one screen for the payment on the counter, the late alert on top. */
export function CashierApp() {
  const session = useCounter((s) => s.session);
  const view = useCounter((s) => s.view);
  const active = session?.active ?? null;
  const ticking =
    active !== null && (active.state === 'requested' || active.state === 'awaiting_customer');
  const now = useNow(ticking);
  const screen = screenOf(active, now);
  const late = session?.lateAlerts[0];
  const reportsOpen = useCounter(selectManagerViewOpen('reports'));
  const settingsOpen = useCounter(selectManagerViewOpen('settings'));
  // A QR is up or the charge is on its way: the sale stays on screen until it ends or is cancelled.
  const saleOnScreen = screen === 'waiting' || screen === 'sending';

  useEffect(() => useCounter.getState().watchManagerSession(), []);
  useEffect(() => useCounter.getState().watchShift(), []);
  const needsSignIn = useCounter(selectNeedsSignIn);
  const locked = useCounter(selectLocked);
  useEffect(() => {
    // Any key or click keeps an open manager session open (main locks it when idle).
    const active = () => useCounter.getState().noteManagerActivity();
    window.addEventListener('keydown', active, true);
    window.addEventListener('pointerdown', active, true);
    return () => {
      window.removeEventListener('keydown', active, true);
      window.removeEventListener('pointerdown', active, true);
    };
  }, []);
  useEffect(() => {
    // A sale on screen brings the counter back into view: the cashier deals with it first.
    if (saleOnScreen && useCounter.getState().view !== 'counter')
      useCounter.getState().openView('counter');
  }, [saleOnScreen]);

  useEffect(() => {
    // Keyboard-only use: Escape cancels a waiting sale, Enter leaves a result for a new sale
    // (not an unknown outcome: moving on there must be deliberate).
    const onKey = (e: KeyboardEvent) => {
      const store = useCounter.getState();
      if (store.view !== 'counter' || store.session?.lateAlerts.length) return;
      // A dialog on top (the PIN, closing the day) has the keys: Enter there confirms it.
      if (store.pinPrompt || store.closingDay || store.handOverOpen || store.endedShift) return;
      // The sign-in and lock screens have the keys (a counter without staff has neither).
      if (selectNeedsSignIn(store) || selectLocked(store)) return;
      if (e.key === 'Escape' && (screen === 'waiting' || screen === 'sending')) void store.cancel();
      else if (e.key === 'Enter' && screen === 'waiting' && active && canRetryAsLink(active)) {
        e.preventDefault();
        void store.retryAsLink();
      } else if (
        e.key === 'Enter' &&
        screen !== 'sale' &&
        screen !== 'waiting' &&
        screen !== 'sending'
      ) {
        e.preventDefault();
        void store.newSale();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [screen, active]);

  const settings = useCounter((s) => s.settings);
  const firstRunShowing = useCounter((s) => s.firstRunShowing);
  // A live counter's first run: nothing else until the connection test has passed once.
  if (settings && settings.mode === 'live' && (!settings.setupDone || firstRunShowing)) {
    return (
      <div className="cashier">
        <Header navigation={false} />
        <main className="cashier-main">
          <FirstRunWizard />
        </main>
        <PinDialog />
      </div>
    );
  }

  // Nobody signed in, or the shift locked: nothing of the counter shows until a PIN is typed.
  if (needsSignIn || locked) {
    return (
      <div className="cashier">
        <Header navigation={false} />
        <main className="cashier-main">{locked ? <LockScreen /> : <SignInScreen />}</main>
      </div>
    );
  }

  return (
    <div className="cashier">
      <Header busy={saleOnScreen} />
      <HandOverWaiting />
      <Banners />
      <PrintFailureLine />
      <main className="cashier-main">
        {(view === 'settings' && !settingsOpen) || (view === 'reports' && !reportsOpen) ? (
          <ManagerLocked />
        ) : view === 'settings' ? (
          <SettingsScreen />
        ) : view === 'history' ? (
          <HistoryScreen />
        ) : view === 'reports' ? (
          <ReportsScreen />
        ) : screen === 'sale' || !active ? (
          <SaleScreen />
        ) : screen === 'waiting' || screen === 'sending' ? (
          <WaitingScreen payment={active} now={now} sending={screen === 'sending'} />
        ) : (
          <OutcomeScreen screen={screen} payment={active} />
        )}
        <ActionError />
      </main>
      {/* A late payment interrupts whatever screen is open. */}
      {late ? <LateAlert payment={late} /> : null}
      <PinDialog />
      <HandOverDialog saleOnScreen={saleOnScreen} />
      <ShiftReportDialog />
      <SaleAnnouncer />
    </div>
  );
}
