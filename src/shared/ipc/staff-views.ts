import { z } from 'zod';

/** A count and its sum in minor units. */
export const totalsSchema = z.object({ count: z.number().int(), sum: z.number().int() });

/** What was taken and given back in one currency, in minor units: every report's line. */
export const currencyTotalsSchema = z.object({
  currency: z.string(),
  payments: totalsSchema,
  refunds: totalsSchema,
  net: z.number().int(),
});

/* Staff and shifts: who may sign in, who is signed in, and a shift's report. */

/** A staff member as the sign-in screen sees them: never the PIN or its hash. */
export const staffViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(['cashier', 'manager']),
  active: z.boolean(),
  /** False when the PIN cannot be checked and a manager must give a new one. */
  pinSet: z.boolean(),
  lockedUntil: z.number().nullable(),
});
export type StaffView = z.infer<typeof staffViewSchema>;

/** Who is signed in on this counter (null: nobody, the sign-in screen shows). */
export const shiftStateSchema = z.object({
  signedIn: z
    .object({
      staffId: z.number().int(),
      name: z.string(),
      role: z.enum(['cashier', 'manager']),
      shiftId: z.number().int(),
      openedAt: z.number(),
      /** Locked: the shift goes on, the screens wait for this person's PIN. */
      locked: z.boolean(),
    })
    .nullable(),
});
export type ShiftState = z.infer<typeof shiftStateSchema>;

/** What one person took and gave back in one currency, in minor units. */
export const shiftTotalsSchema = currencyTotalsSchema;

/** A shift that ended: who, from when to when, how, and its totals per currency. */
export const shiftReportSchema = z.object({
  shiftId: z.number().int(),
  staffId: z.number().int(),
  name: z.string(),
  openedAt: z.number(),
  endedAt: z.number(),
  endReason: z.enum(['handover', 'signed_out', 'ended_by_manager']),
  totals: z.array(shiftTotalsSchema),
});
export type ShiftReportView = z.infer<typeof shiftReportSchema>;

// ---- Who did what: staff on the manager's screens (History, a payment, the reports) ----

/** A staff member as the manager's screens list them (the same view as the sign-in screen's). */
export const staffMemberSchema = staffViewSchema;
export type StaffMemberView = StaffView;

/** Who took a payment and who decided on it when it was paid late (names; null: nobody). */
export const paymentPeopleSchema = z.object({
  takenBy: z.string().nullable(),
  shiftId: z.number().int().nullable(),
  lateDecidedBy: z.string().nullable(),
  /** Per refund id: who gave it back, and the manager who authorised a cashier's refund. */
  refunds: z.record(
    z.string(),
    z.object({ by: z.string().nullable(), authorisedBy: z.string().nullable() }),
  ),
});
export type PaymentPeople = z.infer<typeof paymentPeopleSchema>;

/** Takings and refunds of one person or one shift in one currency (minor units). */
export const namedTotalsSchema = currencyTotalsSchema.extend({
  /** The member's name, or null for what was taken with nobody signed in. */
  name: z.string().nullable(),
  openedAt: z.number().optional(),
  endedAt: z.number().nullable().optional(),
  /** For a shift: its number, by which its slip is printed again. */
  shiftId: z.number().int().optional(),
});
export type NamedTotalsView = z.infer<typeof namedTotalsSchema>;

/** The reports by person: the X so far by person, and each Z's shifts. */
export const reportPeopleSchema = z.object({
  xByPerson: z.array(namedTotalsSchema),
  zShifts: z.array(z.object({ number: z.number().int(), byShift: z.array(namedTotalsSchema) })),
});
export type ReportPeopleView = z.infer<typeof reportPeopleSchema>;
