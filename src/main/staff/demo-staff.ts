import type { StaffDirectory } from './staff-directory';
import type { Role } from './roles';

/** Demo mode's staff: two cashiers and a manager (README, docs/managers.md). */
export const DEMO_STAFF: ReadonlyArray<{ name: string; role: Role; pin: string }> = [
  { name: 'Ana', role: 'cashier', pin: '1357' },
  { name: 'Ben', role: 'cashier', pin: '8642' },
  // The manager PIN demo mode always had.
  { name: 'Demo manager', role: 'manager', pin: '2468' },
];

/** The demo cashier signed in when demo mode starts. */
export const DEMO_FIRST_CASHIER = DEMO_STAFF[0]!;

/** Adds demo mode's staff to a counter that has none yet. */
export async function seedDemoStaff(directory: StaffDirectory): Promise<void> {
  if (!directory.empty()) return;
  const manager = DEMO_STAFF.find((m) => m.role === 'manager')!;
  const first = await directory.addFirstManager(manager.name, manager.pin);
  if (!first.ok) throw new Error(`demo staff: ${first.error.message}`);
  // Added by the demo manager, as a manager would on a real counter.
  const by = { allowed: true, by: first.value.id, authorisedBy: null } as const;
  for (const member of DEMO_STAFF.filter((m) => m !== manager)) {
    const added = await directory.add(by, member.name, member.role, member.pin);
    if (!added.ok) throw new Error(`demo staff: ${added.error.message}`);
  }
}
