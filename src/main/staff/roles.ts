/** A staff member's role: cashiers sell, managers may do everything. */
export type Role = 'cashier' | 'manager';

/** Everything a role rule decides, as the screens and the command line ask for it. */
export const STAFF_ACTIONS = [
  'sell',
  'cancel-sale',
  'keep-late-payment',
  'reprint',
  'look-up',
  'refund',
  'reports',
  'settings',
  'close-day',
  'staff',
  'end-anothers-shift',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** What a cashier may do alone: take money and look at what was taken, never give it back. */
const CASHIER_ACTIONS: ReadonlySet<StaffAction> = new Set<StaffAction>([
  'sell',
  'cancel-sale',
  'keep-late-payment',
  'reprint',
  'look-up',
]);

/** Whether `role` may do `action` alone. */
export function may(role: Role, action: StaffAction): boolean {
  return role === 'manager' || CASHIER_ACTIONS.has(action);
}

/** Someone the rules know: an id, a role, and whether they may still act at all. */
export interface Actor {
  readonly id: number;
  readonly role: Role;
  readonly disabled?: boolean;
}

/** Who did it, and which manager authorised it when the actor could not alone. */
export type Decision =
  | { readonly allowed: true; readonly by: number; readonly authorisedBy: number | null }
  | { readonly allowed: false; readonly why: string };

/**
 * Decides one action: allowed alone by the actor's role, or for a cashier with a manager
 * present (whose PIN the caller checked) recorded as "authorised by". A manager's own action
 * is never recorded as authorised by someone else.
 */
export function decide(actor: Actor, action: StaffAction, manager?: Actor): Decision {
  if (actor.disabled) return { allowed: false, why: 'This staff member is disabled.' };
  if (may(actor.role, action)) return { allowed: true, by: actor.id, authorisedBy: null };
  if (!manager) return { allowed: false, why: `Only a manager may ${ACTION_WORDS[action]}.` };
  if (manager.disabled || manager.role !== 'manager')
    return { allowed: false, why: `Only an active manager can authorise this.` };
  return { allowed: true, by: actor.id, authorisedBy: manager.id };
}

/** An action in words, for the refusal the cashier reads. */
export const ACTION_WORDS: Readonly<Record<StaffAction, string>> = {
  sell: 'take a sale',
  'cancel-sale': 'cancel a sale',
  'keep-late-payment': 'keep a late payment',
  reprint: 'reprint a slip',
  'look-up': 'look up payments',
  refund: 'refund a payment',
  reports: 'see the reports',
  settings: 'change the settings',
  'close-day': 'close the day',
  staff: 'manage staff',
  'end-anothers-shift': "end someone else's shift",
};
