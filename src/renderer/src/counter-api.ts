import type { CounterApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** The bridge to main: the preload in Electron, the WebSocket bridge in the browser shell. */
    readonly counter: CounterApi;
  }
}

/** The bridge to main. Components never call it: store actions do (STYLE rule 12). */
export function counter(): CounterApi {
  return window.counter;
}
