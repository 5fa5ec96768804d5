import type { WebContents } from 'electron';
import type { Counter, CounterEvents } from '../app/create-counter';
import { CUSTOMER_DISPLAY_EVENTS, EVENTS, type EventChannel } from '../../shared/ipc/contract';

/** The contract's events; each is one of the counter's. */
const FORWARDED: ReadonlyArray<EventChannel & keyof CounterEvents> = Object.keys(
  EVENTS,
) as EventChannel[];

/**
 * Sends the counter's events to the open windows (the store mirrors main): every event to the
 * cashier's, only its own to the customer display's.
 */
export function forwardEvents(
  counter: Counter,
  cashier: () => readonly WebContents[],
  display: () => readonly WebContents[],
): () => void {
  const offs = FORWARDED.map((event) => {
    const listener = (data: unknown) => {
      const targets = CUSTOMER_DISPLAY_EVENTS.includes(event)
        ? [...cashier(), ...display()]
        : cashier();
      for (const contents of targets) if (!contents.isDestroyed()) contents.send(event, data);
    };
    counter.events.on(event, listener as never);
    return () => counter.events.off(event, listener as never);
  });
  return () => offs.forEach((off) => off());
}
