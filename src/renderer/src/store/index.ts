import { create } from 'zustand';
import { createAboutSlice, type AboutSlice } from './about-slice';
import { createDisplaySlice, type DisplaySlice } from './display-slice';
import { createManagerSlice, type ManagerSlice } from './manager-slice';
import { createPrintingSlice, type PrintingSlice } from './printing-slice';
import { createSaleSlice, type SaleSlice } from './sale-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

/** The renderer's one store, built from typed slices. */
export type CounterStore = SessionSlice &
  SaleSlice &
  UiSlice &
  ManagerSlice &
  AboutSlice &
  DisplaySlice &
  PrintingSlice;

export const useCounter = create<CounterStore>()((...args) => ({
  ...createSessionSlice(...args),
  ...createSaleSlice(...args),
  ...createUiSlice(...args),
  ...createManagerSlice(...args),
  ...createAboutSlice(...args),
  ...createDisplaySlice(...args),
  ...createPrintingSlice(...args),
}));

/** The language of the cashier window (Settings), English until settings arrive. */
export const selectLanguage = (s: CounterStore) => s.settings?.language ?? 'en';
