import { said } from '../../shared/i18n/said';
import { ok, type Result } from '../../shared/result';
import { fail } from '../i18n/fail';
import type { PinErrorCode } from './manager-pin';

/**
 * Who holds the manager session: a manager by name (their staff id), or "manager" on a counter
 * that has no staff yet and goes by its one manager PIN.
 */
export interface ManagerHolder {
  readonly actor: string;
  readonly staffId?: number;
}

/** Tells from the PIN typed, and the manager picked by name, who is asking. */
export type IdentifyManager = (
  pin: string,
  action: string,
  staffId?: number,
) => Promise<Result<ManagerHolder, PinErrorCode | 'NEEDS_MANAGER'>>;

/** Why the session closed. */
export type LockReason = 'manual' | 'idle';

/** The session as the screens may know it: open until a time, or closed. */
export interface ManagerSessionState {
  readonly holder: ManagerHolder;
  /** When it locks unless something happens before (ms since the epoch). */
  readonly until: number;
  /** How long it stays open without activity. */
  readonly idleMs: number;
}

/** Errors of the session: the PIN's, or "closed, and no PIN given". */
export type SessionErrorCode = PinErrorCode | 'NEEDS_MANAGER' | 'MANAGER_LOCKED';

/** How long the session stays open without activity unless told otherwise: 3 minutes. */
export const DEFAULT_MANAGER_IDLE_MS = 3 * 60_000;

export interface ManagerSessionDeps {
  readonly identify: IdentifyManager;
  /** Writes an audit entry (opened, locked and why). */
  readonly audit: (actor: string, action: string, detail?: unknown) => void;
  readonly idleMs?: number;
  readonly now?: () => number;
  /** Runs `fn` after `ms`; returns what cancels it (tests drive time themselves). */
  readonly schedule?: (fn: () => void, ms: number) => () => void;
}

const scheduleWithTimer = (fn: () => void, ms: number): (() => void) => {
  const timer = setTimeout(fn, ms);
  // A session left open never keeps the process alive.
  timer.unref?.();
  return () => clearTimeout(timer);
};

const LOCKED = said('manager.session.locked');

/**
 * The manager session, held in main (the windows only mirror it): the manager PIN opens it; it
 * locks on Lock or after `idleMs` without activity. While it is open, manager actions need no
 * second PIN and the manager's screens may be read; while it is closed, an action needs the PIN
 * typed with it, and that PIN allows that one action without opening the session.
 */
export class ManagerSession {
  private open: ManagerSessionState | null = null;
  private cancelTimer: (() => void) | null = null;
  private readonly listeners = new Set<(state: ManagerSessionState | null) => void>();
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;

  constructor(private readonly deps: ManagerSessionDeps) {
    this.idleMs = deps.idleMs ?? DEFAULT_MANAGER_IDLE_MS;
    this.now = deps.now ?? Date.now;
    this.schedule = deps.schedule ?? scheduleWithTimer;
  }

  /** The session if it is open now (one whose time ran out is closed, timer or not). */
  state(): ManagerSessionState | null {
    if (this.open && this.now() >= this.open.until) this.close('idle');
    return this.open;
  }

  /** Opens the session with a manager's PIN (or keeps an open one open for longer). */
  async unlock(
    pin: string,
    staffId?: number,
  ): Promise<Result<ManagerSessionState, PinErrorCode | 'NEEDS_MANAGER'>> {
    const who = await this.deps.identify(pin, 'open the manager screens', staffId);
    if (!who.ok) return who;
    const wasOpen = this.state() !== null;
    this.extend(who.value);
    if (!wasOpen)
      this.deps.audit(who.value.actor, 'manager session opened', { idleMs: this.idleMs });
    this.changed();
    return ok(this.open!);
  }

  /**
   * Opens the session for a manager whose own PIN was just checked elsewhere (signing in), so
   * Reports and Settings do not ask them again.
   */
  openFor(holder: ManagerHolder): void {
    const wasOpen = this.state() !== null;
    this.extend(holder);
    if (!wasOpen) this.deps.audit(holder.actor, 'manager session opened', { idleMs: this.idleMs });
    this.changed();
  }

  /** Locks the session (the Lock button); nothing happens when it is closed already. */
  lock(): void {
    if (this.state()) this.close('manual');
  }

  /** The manager is still there (a key, a click): an open session stays open for longer. */
  touch(): ManagerSessionState | null {
    const open = this.state();
    if (open) this.extend(open.holder);
    return this.open;
  }

  /**
   * Whether `action` may go ahead: with a PIN typed, the PIN decides (whatever the session);
   * without one, only an open session allows it (and stays open for longer). A missing PIN is
   * never counted as a wrong one.
   */
  async authorize(
    pin: string | undefined,
    action: string,
    staffId?: number,
  ): Promise<Result<ManagerHolder, SessionErrorCode>> {
    if (pin !== undefined && pin !== '') return this.deps.identify(pin, action, staffId);
    return this.require();
  }

  /** The holder of the open session (which stays open for longer), or MANAGER_LOCKED. */
  require(): Result<ManagerHolder, 'MANAGER_LOCKED'> {
    const open = this.touch();
    return open ? ok(open.holder) : fail('MANAGER_LOCKED', LOCKED);
  }

  /** Follows the session opening, moving on and closing; returns the unsubscribe function. */
  onChange(listener: (state: ManagerSessionState | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the idle timer (the counter is closing). */
  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private extend(holder: ManagerHolder): void {
    this.open = { holder, until: this.now() + this.idleMs, idleMs: this.idleMs };
    this.arm(this.idleMs);
  }

  /** Checks again when the session would run out; activity since may have moved that on. */
  private arm(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      const open = this.state();
      if (open) this.arm(Math.max(1, open.until - this.now()));
    }, ms);
  }

  private close(why: LockReason): void {
    const was = this.open;
    this.open = null;
    this.stop();
    if (!was) return;
    this.deps.audit(was.holder.actor, 'manager session locked', { why });
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener(this.open);
  }
}
