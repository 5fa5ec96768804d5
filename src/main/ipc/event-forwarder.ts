import type { WebContents } from 'electron';
import type { Counter, CounterEvents } from '../app/create-counter';

const EVENTS: ReadonlyArray<keyof CounterEvents> = [
  'payments:updated',
  'payments:late',
  'session:changed',
  'settings:changed',
  'printing:changed',
];

/** Sends the counter's events to every open window (the store mirrors main). */
export function forwardEvents(counter: Counter, targets: () => readonly WebContents[]): () => void {
  const offs = EVENTS.map((event) => {
    const listener = (data: unknown) => {
      for (const contents of targets()) if (!contents.isDestroyed()) contents.send(event, data);
    };
    counter.events.on(event, listener as never);
    return () => counter.events.off(event, listener as never);
  });
  return () => offs.forEach((off) => off());
}
