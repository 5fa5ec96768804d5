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
import { PrintFailureLine } from '../printing/PrintFailureLine';

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

  useEffect(() => {
    // Keyboard-only use: Escape cancels a waiting sale, Enter leaves a result for a new sale
    // (not an unknown outcome: moving on there must be deliberate).
    const onKey = (e: KeyboardEvent) => {
      const store = useCounter.getState();
      if (store.view !== 'counter' || store.session?.lateAlerts.length) return;
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

  return (
    <div className="cashier">
      <Header />
      <Banners />
      <PrintFailureLine />
      <main className="cashier-main">
        {view === 'settings' ? (
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
      {late && view === 'counter' ? <LateAlert payment={late} /> : null}
      <PinDialog />
      <SaleAnnouncer />
    </div>
  );
}
