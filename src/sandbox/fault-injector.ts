import type { FaultEndpoint, RequestFault, SandboxFaults } from './sandbox-types';

/**
 * Holds the faults a test asked for and hands them out: request faults one request at a time,
 * dropped callbacks one callback at a time. Every fault is finite unless set to `true`.
 */
export class FaultInjector {
  private faults: SandboxFaults = {};
  private requestFaults: Array<{ fault: RequestFault; remaining: number }> = [];
  private dropsLeft = 0;

  /** Replaces all faults (an empty object clears them). */
  set(faults: SandboxFaults): void {
    this.faults = faults;
    this.requestFaults = (faults.requests ?? []).map((fault) => ({
      fault,
      remaining: fault.count ?? 1,
    }));
    this.dropsLeft = typeof faults.dropCallbacks === 'number' ? faults.dropCallbacks : 0;
  }

  /** The faults as set. */
  current(): SandboxFaults {
    return this.faults;
  }

  /** True when the next callback attempt must be dropped. */
  consumeDrop(): boolean {
    if (this.faults.dropCallbacks === true) return true;
    if (this.dropsLeft > 0) {
      this.dropsLeft--;
      return true;
    }
    return false;
  }

  /** The fault for this request, if one is pending for its endpoint. */
  takeRequestFault(endpoint: Exclude<FaultEndpoint, 'any'>): RequestFault | undefined {
    const entry = this.requestFaults.find(
      (e) => e.remaining > 0 && (e.fault.endpoint === endpoint || e.fault.endpoint === 'any'),
    );
    if (!entry) return undefined;
    entry.remaining--;
    return entry.fault;
  }
}
