import type { ReceivedCallback } from './callback-listener';

/**
 * Where a callback goes, whichever door it came in by (the listener, the relay, the held-back
 * list): the doors are built before the payment service they hand callbacks to, which is
 * connected here once it exists. A callback before then is not recorded, so the door answers
 * that it should be delivered again; the doors open only after the counter is connected.
 */
export class CallbackSink {
  private target: ((callback: ReceivedCallback) => Promise<void>) | undefined;

  /** Connects the payment service (once). */
  connect(receive: (callback: ReceivedCallback) => Promise<void>): void {
    if (this.target) throw new Error('the callback sink is connected already');
    this.target = receive;
  }

  /** Hands one callback over; rejects when nothing is connected yet. */
  readonly deliver = (callback: ReceivedCallback): Promise<void> =>
    this.target
      ? this.target(callback)
      : Promise.reject(new Error('callbacks arrived before the counter was ready'));
}
