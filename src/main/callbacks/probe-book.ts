/**
 * Connection-test probes the listener is waiting for: a nonce counts once, and only while it is
 * awaited, so a probe carries no power of its own (anyone can send one; only ours are answered).
 */
export class ProbeBook {
  private readonly waiting = new Map<
    string,
    { resolve: (seen: boolean) => void; timer: NodeJS.Timeout }
  >();

  /** Waits up to `timeoutMs` for the probe with this nonce; true when it arrived. */
  expect(nonce: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(nonce);
        resolve(false);
      }, timeoutMs);
      timer.unref?.();
      this.waiting.set(nonce, { resolve, timer });
    });
  }

  /** A probe request arrived; true when it was one being waited for (it is then used up). */
  arrived(nonce: string): boolean {
    const entry = this.waiting.get(nonce);
    if (!entry) return false;
    this.waiting.delete(nonce);
    clearTimeout(entry.timer);
    entry.resolve(true);
    return true;
  }

  /** Gives up on every probe (the listener is closing). */
  clear(): void {
    for (const { resolve, timer } of this.waiting.values()) {
      clearTimeout(timer);
      resolve(false);
    }
    this.waiting.clear();
  }
}
