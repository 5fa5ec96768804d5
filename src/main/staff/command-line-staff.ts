import type { Journal } from '../journal/journal';

/** Who the command line records as taking its sales and refunds unless told (--staff NAME). */
export const COMMAND_LINE_STAFF = 'Command line';

/**
 * Signs a named member in on the command line's own journal: the member is added as a cashier
 * without a PIN (the command line is run by whoever holds the project's secret, so there is no
 * PIN to ask), and a shift is opened, so every payment, refund and audit entry records them.
 */
export function signInCommandLine(journal: Journal, name: string, now = Date.now()): string {
  const trimmed = name.trim() || COMMAND_LINE_STAFF;
  const { staff, shifts } = journal.people;
  journal.inTransaction(() => {
    const member = staff.byName(trimmed) ?? staff.get(staff.insert(trimmed, 'cashier', now))!;
    if (shifts.open().length === 0) shifts.insert('this counter', member.id, now);
  });
  return staff.byName(trimmed)!.name;
}
