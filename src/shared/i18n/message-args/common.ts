// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the common area and the values each takes (dates as ms since the epoch). */
export interface CommonArgs {
  'common.action.back': undefined;
  'common.action.cancel': undefined;
  'common.action.close': undefined;
  'common.action.save': undefined;
  'common.demoBadge': undefined;
  'common.language.system': { language: T };
  'common.loading': undefined;
  'common.nav.counter': undefined;
  'common.nav.history': undefined;
  'common.nav.label': undefined;
  'common.nav.reports': undefined;
  'common.nav.settings': undefined;
  'common.paymentCount': { count: number };
  'common.productName': undefined;
  'common.terminalFallback': undefined;
  'common.terminalLine': { merchant: T; terminal: T };
}
