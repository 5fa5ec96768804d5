import type { StateCreator } from 'zustand';
import {
  CURRENCIES,
  DEFAULT_PURCHASE_LIMITS,
  parsePurchaseAmount,
  type AmountLimits,
  type Currency,
} from '../../../shared/money';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** The amount being typed on the sale screen. */
export interface SaleSlice {
  amountText: string;
  currency: Currency;
  /** Why the amount cannot be charged, shown before any request is sent. */
  amountError: string | null;
  charging: boolean;
  /** A key of the keypad or the keyboard: a digit, ".", "00", "Backspace" or "Clear". */
  pressKey(key: string): void;
  setAmountText(text: string): void;
  clearAmount(): void;
  setCurrency(currency: string): void;
  charge(): Promise<void>;
}

const MAX_LENGTH = 12;

export const createSaleSlice: StateCreator<CounterStore, [], [], SaleSlice> = (set, get) => ({
  amountText: '',
  currency: 'CNY',
  amountError: null,
  charging: false,
  pressKey(key) {
    const text = get().amountText;
    if (key === 'Backspace') return get().setAmountText(text.slice(0, -1));
    if (key === 'Clear') return get().clearAmount();
    if (!/^(\d|00|\.)$/.test(key)) return;
    if (key === '.' && text.includes('.')) return;
    get().setAmountText(text === '0' && /^\d/.test(key) ? key : text + key);
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
    const { amountText, currency, charging } = get();
    if (charging) return;
    // The same rules main applies, checked here first so a bad amount explains itself at once.
    const parsed = parsePurchaseAmount(amountText, currency, selectLimits(get()));
    if (!parsed.ok) {
      set({ amountError: parsed.error.message });
      return;
    }
    set({ charging: true, amountError: null, actionError: null });
    try {
      const result = await counter().charge({ amount: amountText, currency });
      if (result.ok) set({ amountText: '' });
      else set({ amountError: result.error.message });
    } finally {
      set({ charging: false });
    }
  },
});

/** The purchase limits in force (main's settings; the defaults until they arrive). */
export function selectLimits(state: Pick<CounterStore, 'settings'>): AmountLimits {
  return (state.settings?.purchaseLimits as AmountLimits | undefined) ?? DEFAULT_PURCHASE_LIMITS;
}
