import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CashierApp } from './cashier/CashierApp';
import { CustomerDisplay } from './customer/CustomerDisplay';
import { useCounter } from './store';
import './styles.css';

/** One bundle, two windows: `#customer` is the customer display, anything else the cashier. */
const isCustomerDisplay = window.location.hash === '#customer';
document.documentElement.classList.add(isCustomerDisplay ? 'customer-window' : 'cashier-window');
document.title = isCustomerDisplay ? 'Alipay Counter · Customer display' : 'Alipay Counter';

// The customer display has its own bridge (and main refuses it everything else).
if (isCustomerDisplay) void useCounter.getState().initDisplay();
else void useCounter.getState().init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>{isCustomerDisplay ? <CustomerDisplay /> : <CashierApp />}</StrictMode>,
);
