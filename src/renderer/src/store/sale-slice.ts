import type { StateCreator } from 'zustand';
import type { Said } from '../../../shared/i18n/said';
import { saidOfError } from '../../../shared/i18n/said';
import {
  CURRENCIES,
  DEFAULT_PURCHASE_LIMITS,
  decimalMarksOf,
  parsePurchaseAmount,
  toDecimalString,
  type AmountLimits,
  type Currency,
} from '../../../shared/money';
import { counter } from '../counter-api';
import { intlLocaleOf } from '../i18n/IntlRoot';
import { selectLocale, type CounterStore } from './index';

/** The amount being typed on the sale screen. */
export interface SaleSlice {
  amountText: string;
  currency: Currency;
  /** Why the amount cannot be charged, shown before any request is sent. */
  amountError: Said | null;
  charging: boolean;
  /** A key of the keypad or the keyboard: a digit, "00", the decimal mark, "Backspace" or "Clear". */
  pressKey(key: string): void;
  setAmountText(text: string): void;
  clearAmount(): void;
  setCurrency(currency: string): void;
  charge(): Promise<void>;
  /** Charges the ended sale on screen again: the same amount in the same currency. */
  tryAgain(): Promise<void>;
}

const MAX_LENGTH = 12;

/** The store's currency (Settings), which every new sale starts in. */
function storeCurrency(state: Pick<CounterStore, 'settings'>): Currency {
  return (state.settings?.defaultCurrency as Currency | undefined) ?? 'CNY';
}

/** The tag Intl reads the window's numbers with ("de" writes 12,50). */
export const selectNumberLocale = (state: CounterStore): string =>
  intlLocaleOf(selectLocale(state));

export const createSaleSlice: StateCreator<CounterStore, [], [], SaleSlice> = (set, get) => {
  /** Sends a sale to main; the amount as a plain decimal ("12.50"), whatever the window's marks. */
  async function send(amount: string, currency: Currency): Promise<boolean> {
    set({ charging: true, amountError: null, actionError: null });
    try {
      const result = await counter().charge({ amount, currency });
      if (result.ok) {
        // The next sale starts empty, in the store's currency (an EUR sale is the exception).
        set({ amountText: '', currency: storeCurrency(get()) });
        return true;
      }
      set({ amountError: saidOfError(result.error) });
      return false;
    } finally {
      set({ charging: false });
    }
  }

  return {
    amountText: '',
    currency: 'CNY',
    amountError: null,
    charging: false,
    pressKey(key) {
      const text = get().amountText;
      if (key === 'Backspace') return get().setAmountText(text.slice(0, -1));
      if (key === 'Clear') return get().clearAmount();
      const { decimal } = decimalMarksOf(selectNumberLocale(get()));
      // Either mark on the keypad or the keyboard types the window's own decimal mark.
      if (key === '.' || key === ',') {
        if (text.includes(decimal)) return;
        return get().setAmountText((text === '' ? '0' : text) + decimal);
      }
      if (!/^(\d|00)$/.test(key)) return;
      get().setAmountText(text === '0' ? key.replace(/^00$/, '0') : text + key);
    },
    setAmountText(text) {
      set({ amountText: text.slice(0, MAX_LENGTH), amountError: null });
    },
    clearAmount() {
      set({ amountText: '', amountError: null });
    },
    setCurrency(currency) {
      if ((CURRENCIES as readonly string[]).includes(currency))
        set({ currency: currency as Currency, amountError: null });
    },
    async charge() {
      const state = get();
      if (state.charging) return;
      // The same rules main applies, checked here first so a bad amount explains itself at once;
      // read with the window's decimal mark (12,50 in German).
      const parsed = parsePurchaseAmount(
        state.amountText,
        state.currency,
        selectLimits(state),
        selectNumberLocale(state),
      );
      if (!parsed.ok) {
        set({ amountError: saidOfError(parsed.error) });
        return;
      }
      const { amount, currency } = parsed.value;
      await send(toDecimalString(amount, currency), currency);
    },
    async tryAgain() {
      const state = get();
      const ended = state.session?.active;
      if (!ended || state.charging) return;
      const currency = ended.currency as Currency;
      const sent = await send(toDecimalString(ended.amount, currency), currency);
      // A refusal (a limit changed, the counter not ready) is said on the outcome screen.
      if (!sent) set({ actionError: get().amountError, amountError: null });
    },
  };
};

/** The purchase limits in force (main's settings; the defaults until they arrive). */
export function selectLimits(state: Pick<CounterStore, 'settings'>): AmountLimits {
  return (state.settings?.purchaseLimits as AmountLimits | undefined) ?? DEFAULT_PURCHASE_LIMITS;
}
