import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../../src/shared/result';
import { fail } from '../../../src/main/i18n/fail';
import { said } from '../../../src/shared/i18n/said';
import {
  ManagerSession,
  type ManagerHolder,
  type ManagerSessionState,
} from '../../../src/main/manager/manager-session';
import type { PinErrorCode } from '../../../src/main/manager/manager-pin';

/** A session over a clock and timers the test moves by hand; the manager PIN is 2468. */
function sessionAt(idleMs = 180_000) {
  let now = 1_000_000;
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  const audit: Array<[string, string, unknown]> = [];
  const changes: Array<ManagerSessionState | null> = [];
  const session = new ManagerSession({
    identify: async (pin): Promise<Result<ManagerHolder, PinErrorCode>> =>
      pin === '2468' ? ok({ actor: 'manager' }) : fail('PIN_INCORRECT', said('manager.pin.notSet')),
    audit: (actor, action, detail) => audit.push([actor, action, detail]),
    idleMs,
    now: () => now,
    schedule: (fn, ms) => {
      const timer = { at: now + ms, fn, live: true };
      timers.push(timer);
      return () => void (timer.live = false);
    },
  });
  session.onChange((state) => changes.push(state));
  /** Moves the clock on, firing the timers due on the way, in order. */
  const advance = (ms: number) => {
    const end = now + ms;
    for (let guard = 0; guard < 100; guard++) {
      const due = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      now = due.at;
      due.live = false;
      due.fn();
    }
    now = end;
  };
  return { session, advance, audit, changes };
}

describe('the manager session', () => {
  it('opens with the manager PIN only; a wrong PIN leaves it locked', async () => {
    const { session, audit } = sessionAt();
    expect(session.state()).toBeNull();
    const wrong = await session.unlock('0000');
    expect(wrong.ok).toBe(false);
    expect(session.state()).toBeNull();
    expect(session.require()).toMatchObject({ ok: false, error: { code: 'MANAGER_LOCKED' } });
    expect((await session.unlock('2468')).ok).toBe(true);
    expect(session.require()).toEqual({ ok: true, value: { actor: 'manager' } });
    expect(audit.map(([, action]) => action)).toEqual(['manager session opened']);
  });

  it('locks by itself after the idle time, and activity before it keeps it open', async () => {
    const { session, advance, changes, audit } = sessionAt(60_000);
    await session.unlock('2468');
    advance(50_000);
    session.touch();
    advance(50_000);
    // 100 s after opening, 50 s after the last activity: still open.
    expect(session.state()).not.toBeNull();
    advance(10_001);
    expect(changes.at(-1)).toBeNull();
    expect(session.state()).toBeNull();
    expect(audit.at(-1)).toEqual(['manager', 'manager session locked', { why: 'idle' }]);
  });

  it('locks on Lock, and a locked session allows an action only with the PIN typed with it', async () => {
    const { session, audit } = sessionAt();
    await session.unlock('2468');
    expect((await session.authorize(undefined, 'close the day')).ok).toBe(true);
    session.lock();
    expect(audit.at(-1)).toEqual(['manager', 'manager session locked', { why: 'manual' }]);
    expect(await session.authorize(undefined, 'close the day')).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_LOCKED' },
    });
    expect(await session.authorize('0000', 'close the day')).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT' },
    });
    expect((await session.authorize('2468', 'close the day')).ok).toBe(true);
    // A PIN typed with one action does not open the session.
    expect(session.state()).toBeNull();
  });
});
