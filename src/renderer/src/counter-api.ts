// First: it configures zod before any schema below is built.
import './zod-without-eval';
import type {
  CounterApi,
  CounterBridge,
  CustomerDisplayApi,
  CustomerDisplayBridge,
} from '../../shared/ipc/api';
import { checkedApi } from '../../shared/ipc/checked-api';

declare global {
  interface Window {
    /** The bridge to main: the preload in Electron, the WebSocket bridge in the browser shell. */
    readonly counter: CounterBridge;
    /** The customer display's bridge: its view of the sale, nothing else. */
    readonly counterDisplay: CustomerDisplayBridge;
  }
}

/** A disagreement between main and the contract is a bug: it goes to the console for whoever looks. */
const report = (problem: string) => console.error(`window.counter: ${problem}`);

let cashier: CounterApi | undefined;
let display: CustomerDisplayApi | undefined;

/**
 * The bridge to main, every answer and event parsed with its schema before anything believes
 * it. Components never call it: store actions do.
 */
export function counter(): CounterApi {
  return (cashier ??= checkedApi('counter', window.counter, report));
}

/** The customer display's bridge (its window has no other), checked the same way. */
export function counterDisplay(): CustomerDisplayApi {
  return (display ??= checkedApi('counterDisplay', window.counterDisplay, report));
}
