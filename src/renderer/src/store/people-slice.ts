import type { StateCreator } from 'zustand';
import type { ChannelResult } from '../../../shared/ipc/contract';
import type { ReportPeopleView, StaffMemberView } from '../../../shared/ipc/views';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** Who works at the counter, and the reports split by person and shift. */
export interface PeopleSlice {
  staffMembers: StaffMemberView[];
  /** Who took each payment in History, by payment id. */
  historyTakenBy: Record<string, string>;
  reportPeople: ReportPeopleView | null;
  loadStaff(): Promise<void>;
  /** A manager's forgotten PIN replaced with the project's secret key as proof. */
  resetForgottenPin(
    staffId: number,
    secret: string,
    newPin: string,
  ): Promise<ChannelResult<'manager:reset-pin'>>;
  loadReportPeople(): Promise<void>;
}

export const createPeopleSlice: StateCreator<CounterStore, [], [], PeopleSlice> = (set, get) => ({
  staffMembers: [],
  historyTakenBy: {},
  reportPeople: null,
  async loadStaff() {
    const result = await counter().listStaff();
    if (result.ok) set({ staffMembers: result.value.staff });
  },
  async resetForgottenPin(staffId, secret, newPin) {
    const result = await counter().resetManagerPin({ secret, newPin, staffId });
    if (result.ok) set({ managerStatus: result.value });
    // The lock it lifted shows on the names and in the PIN dialog's list.
    await Promise.all([get().loadStaff(), get().refreshStaff()]);
    return result;
  },
  async loadReportPeople() {
    const result = await counter().getReportPeople();
    set({ reportPeople: result.ok ? result.value : null });
  },
});

/**
 * The active managers, who may be called to authorise an action: the one signed in first (the
 * PIN dialog picks them unless told otherwise), then the others in the directory's order.
 */
export const selectManagers = (s: CounterStore): StaffMemberView[] => {
  const here = s.shift?.signedIn?.staffId;
  const managers = s.staffMembers.filter((m) => m.role === 'manager' && m.active);
  return [...managers.filter((m) => m.id === here), ...managers.filter((m) => m.id !== here)];
};
