import type { BRIDGES, BridgeName } from './bridges';
import type { Channel, ChannelResult, EventChannel, EventOf, RequestOf } from './contract';

/*
 * The bridges' types, derived from the table in bridges.ts and the schemas in contract.ts.
 * Types only: the preloads and the renderer import this file without any runtime cost.
 */

type Requests<N extends BridgeName> = (typeof BRIDGES)[N]['requests'];
type Events<N extends BridgeName> = (typeof BRIDGES)[N]['events'];

/** A request method: no argument when its channel takes the empty object. */
type RequestMethod<C, Checked extends boolean> = C extends Channel
  ? RequestOf<C> extends Record<string, never>
    ? () => Promise<Checked extends true ? ChannelResult<C> : unknown>
    : (input: RequestOf<C>) => Promise<Checked extends true ? ChannelResult<C> : unknown>
  : never;

/** An event subscription: the listener gets the event's data; returns the unsubscribe function. */
type Subscription<E, Checked extends boolean> = E extends EventChannel
  ? (listener: (data: Checked extends true ? EventOf<E> : unknown) => void) => () => void
  : never;

/** A bridge's methods, with answers and event data checked or not. */
type MethodsOf<N extends BridgeName, Checked extends boolean> = {
  readonly [M in keyof Requests<N>]: RequestMethod<Requests<N>[M], Checked>;
} & {
  readonly [M in keyof Events<N>]: Subscription<Events<N>[M], Checked>;
};

/**
 * A window's API as the renderer uses it: one method per channel answering with its
 * `ChannelResult`, one `onX` per event. Every answer and every event has been parsed with its
 * schema (`checked-api.ts`), so the types are true.
 */
export type ApiOf<N extends BridgeName> = MethodsOf<N, true>;

/**
 * A window's bridge as a preload (or the browser shell) exposes it: the same methods and
 * arguments, but what comes back from main is not checked yet, so it is `unknown`.
 */
export type BridgeOf<N extends BridgeName> = MethodsOf<N, false>;

/** `window.counter` once checked: the cashier's user tasks and the events they follow. */
export type CounterApi = ApiOf<'counter'>;
/** `window.counterDisplay` once checked: the sale on the counter, for the customer display. */
export type CustomerDisplayApi = ApiOf<'counterDisplay'>;
/** `window.counter` as the preload exposes it. */
export type CounterBridge = BridgeOf<'counter'>;
/** `window.counterDisplay` as the customer display's preload exposes it. */
export type CustomerDisplayBridge = BridgeOf<'counterDisplay'>;

/** How a bridge reaches main: Electron's ipcRenderer in a preload, or the shell's WebSocket. */
export interface BridgeTransport {
  /** Sends one request; resolves with main's answer, unchecked. */
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  /** Follows one event; returns the unsubscribe function. */
  subscribe(event: EventChannel, listener: (data: unknown) => void): () => void;
}
