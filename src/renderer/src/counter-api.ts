import type { CounterApi, CustomerDisplayApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** The bridge to main: the preload in Electron, the WebSocket bridge in the browser shell. */
    readonly counter: CounterApi;
    /** The customer display's bridge: its view of the sale, nothing else. */
    readonly counterDisplay: CustomerDisplayApi;
  }
}

/** The bridge to main. Components never call it: store actions do (STYLE rule 12). */
export function counter(): CounterApi {
  return window.counter;
}

/** The customer display's bridge (its window has no other). */
export function counterDisplay(): CustomerDisplayApi {
  return window.counterDisplay;
}
