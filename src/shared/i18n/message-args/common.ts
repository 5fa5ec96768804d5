// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the common area that take no values. */
export type CommonPlain =
  | `common.action.${'back' | 'cancel' | 'close' | 'save'}`
  | `common.${'demoBadge' | 'loading' | 'productName' | 'terminalFallback'}`
  | `common.nav.${'counter' | 'history' | 'label' | 'reports' | 'settings'}`;

/**
 * The messages of the common area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export interface CommonArgs
  extends
    Record<CommonPlain, undefined>,
    Record<'common.language.system', { language: T }>,
    Record<'common.paymentCount', { count: number }>,
    Record<'common.terminalLine', { merchant: T; terminal: T }> {}
