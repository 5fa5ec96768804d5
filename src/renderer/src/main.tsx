import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CashierApp } from './cashier/CashierApp';
import { CustomerDisplay } from './customer/CustomerDisplay';
import { IntlRoot } from './i18n/IntlRoot';
import { selectLocale, useCounter } from './store';
import './styles.css';

/** One bundle, two windows: `#customer` is the customer display, anything else the cashier. */
const isCustomerDisplay = window.location.hash === '#customer';
document.documentElement.classList.add(isCustomerDisplay ? 'customer-window' : 'cashier-window');
document.title = isCustomerDisplay ? 'Alipay Counter · Customer display' : 'Alipay Counter';

// The customer display has its own bridge (and main refuses it everything else).
if (isCustomerDisplay) void useCounter.getState().initDisplay();
else void useCounter.getState().init();

/** The cashier window, in the language picked in Settings or the system's. */
function CashierWindow() {
  const locale = useCounter(selectLocale);
  return (
    <IntlRoot locale={locale}>
      <CashierApp />
    </IntlRoot>
  );
}

/** The customer display, in its own language (Simplified Chinese unless Settings says otherwise). */
function CustomerWindow() {
  const locale = useCounter((s) => s.display?.locale ?? 'zh-Hans');
  return (
    <IntlRoot locale={locale}>
      <CustomerDisplay />
    </IntlRoot>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>{isCustomerDisplay ? <CustomerWindow /> : <CashierWindow />}</StrictMode>,
);
