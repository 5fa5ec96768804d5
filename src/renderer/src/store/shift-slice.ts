import type { StateCreator } from 'zustand';
import type { ChannelResult } from '../../../shared/ipc/contract';
import type { ShiftReportView, ShiftState, StaffView } from '../../../shared/ipc/views';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** A handover (or a sign-out) main holds until the sale on screen ends: to whom, if anyone. */
export interface PendingHandOver {
  readonly name: string;
  /** Nobody takes over: the shift ends and the sign-in screen follows. */
  readonly signingOut?: boolean;
}

/**
 * Who is signed in, as this window mirrors it: main holds the shift (opens it with a PIN,
 * locks it, hands it over) and says when it changes; this slice asks and follows.
 */
export interface ShiftSlice {
  /** Null until main first answered. */
  shift: ShiftState | null;
  /** The staff who may sign in, by name. */
  staff: StaffView[];
  handOverOpen: boolean;
  /** A handover waiting for the sale on screen to end. */
  handOverPending: PendingHandOver | null;
  /** The shift that just ended, on screen until the next person moves on. */
  endedShift: ShiftReportView | null;
  /** Follows main's shift; returns the unsubscribe function. */
  watchShift(): () => void;
  refreshStaff(): Promise<void>;
  signIn(staffId: number, pin: string): Promise<ChannelResult<'shift:sign-in'>>;
  /** Lock: the shift and the manager session both; the same person's PIN opens them again. */
  lockCounter(): Promise<void>;
  openHandOver(): void;
  closeHandOver(): void;
  /** Hands over; answers at once for a wrong PIN, else once the sale screen is idle. */
  handOver(staffId: number, pin: string): Promise<ChannelResult<'shift:hand-over'>>;
  /** Ends one's own shift with nobody taking over; answers once the sale screen is idle. */
  signOut(): Promise<ChannelResult<'shift:sign-out'>>;
  closeEndedShift(): void;
  /**
   * A manager ends the shift left open (locked) with their own PIN and a reason; its report
   * shows over the sign-in screen.
   */
  endShiftByManager(
    managerId: number,
    pin: string,
    reason: string,
  ): Promise<ChannelResult<'shift:end-by-manager'>>;
  /** The first run names its manager (with the manager PIN just chosen) and signs them in. */
  addFirstManager(name: string, pin: string): Promise<ChannelResult<'staff:first-manager'>>;
}

/** Whether nobody is signed in while staff exist: the sign-in screen shows. */
export const selectNeedsSignIn = (s: CounterStore): boolean =>
  s.shift !== null && s.shift.signedIn === null && s.staff.some((m) => m.active);

/** Whether the signed-in person's shift is locked: the lock screen shows. */
export const selectLocked = (s: CounterStore): boolean => Boolean(s.shift?.signedIn?.locked);

export const createShiftSlice: StateCreator<CounterStore, [], [], ShiftSlice> = (set, get) => ({
  shift: null,
  staff: [],
  handOverOpen: false,
  handOverPending: null,
  endedShift: null,
  watchShift() {
    const off = counter().onShiftChanged((shift) => set({ shift }));
    void counter()
      .getShift()
      .then((result) => result.ok && set({ shift: result.value }));
    void get().refreshStaff();
    return off;
  },
  async refreshStaff() {
    const result = await counter().listStaff();
    if (result.ok) set({ staff: result.value.staff });
  },
  async signIn(staffId, pin) {
    const result = await counter().signIn({ staffId, pin });
    if (result.ok) set({ shift: result.value });
    else void get().refreshStaff();
    return result;
  },
  async lockCounter() {
    const result = await counter().lockShift();
    if (result.ok) set({ shift: result.value, handOverOpen: false });
    void get().refreshManagerStatus();
  },
  openHandOver() {
    void get().refreshStaff();
    set({ handOverOpen: true });
  },
  closeHandOver() {
    set({ handOverOpen: false });
  },
  async handOver(staffId, pin) {
    const name = get().staff.find((m) => m.id === staffId)?.name ?? '';
    set({ handOverPending: { name } });
    const result = await counter().handOver({ staffId, pin });
    set({ handOverPending: null });
    if (result.ok)
      set({
        shift: result.value.state,
        endedShift: result.value.report,
        handOverOpen: false,
        view: 'counter',
      });
    return result;
  },
  async signOut() {
    set({ handOverPending: { name: '', signingOut: true } });
    const result = await counter().signOut();
    set({ handOverPending: null });
    if (result.ok)
      set({
        shift: { signedIn: null },
        endedShift: result.value,
        handOverOpen: false,
        view: 'counter',
      });
    void get().refreshManagerStatus();
    return result;
  },
  closeEndedShift() {
    set({ endedShift: null });
  },
  async endShiftByManager(managerId, pin, reason) {
    const result = await counter().endShiftByManager({ staffId: managerId, pin, reason });
    if (result.ok) set({ shift: { signedIn: null }, endedShift: result.value });
    else void get().refreshStaff();
    return result;
  },
  async addFirstManager(name, pin) {
    const result = await counter().addFirstManager({ name, pin });
    if (result.ok) set({ shift: result.value });
    void get().refreshStaff();
    void get().refreshManagerStatus();
    return result;
  },
});
