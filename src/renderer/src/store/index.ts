import { create } from 'zustand';
import { chosenLocale, type DisplayLocale } from '../../../shared/i18n/locales';
import { createAboutSlice, type AboutSlice } from './about-slice';
import { createDisplaySlice, type DisplaySlice } from './display-slice';
import { createManagerSlice, type ManagerSlice } from './manager-slice';
import { createManagerSessionSlice, type ManagerSessionSlice } from './manager-session-slice';
import { createPeopleSlice, type PeopleSlice } from './people-slice';
import { createPrintingSlice, type PrintingSlice } from './printing-slice';
import { createSaleSlice, type SaleSlice } from './sale-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createShiftSlice, type ShiftSlice } from './shift-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

/** The renderer's one store, built from typed slices. */
export type CounterStore = SessionSlice &
  SaleSlice &
  UiSlice &
  ManagerSlice &
  ManagerSessionSlice &
  AboutSlice &
  DisplaySlice &
  PrintingSlice &
  ShiftSlice &
  PeopleSlice;

export const useCounter = create<CounterStore>()((...args) => ({
  ...createSessionSlice(...args),
  ...createSaleSlice(...args),
  ...createUiSlice(...args),
  ...createManagerSlice(...args),
  ...createManagerSessionSlice(...args),
  ...createAboutSlice(...args),
  ...createDisplaySlice(...args),
  ...createPrintingSlice(...args),
  ...createShiftSlice(...args),
  ...createPeopleSlice(...args),
}));

/**
 * The cashier window's language: the one a manager picked in Settings, else the system's (the
 * desktop app's own locale, else the browser's preferences).
 */
export const selectLocale = (s: CounterStore): DisplayLocale =>
  chosenLocale(s.settings?.language ?? 'system', systemLocales(s));

/** The language the system asks for, which the cashier window speaks until one is picked. */
export const selectSystemLocale = (s: CounterStore): DisplayLocale =>
  chosenLocale('system', systemLocales(s));

function systemLocales(s: CounterStore): string[] {
  return [...(s.appInfo?.systemLocale ? [s.appInfo.systemLocale] : []), ...navigator.languages];
}
