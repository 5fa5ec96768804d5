import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { CODE_PAGES } from './printer-options';
import { printerSettingsSchema } from './printer-settings';

/**
 * What a slip is: a sale's two copies, a refund's two copies, a report (X, Z, or a shift's), a
 * test print.
 */
export const PRINT_JOB_KINDS = [
  'customer',
  'merchant',
  'refund_customer',
  'refund_merchant',
  'x_report',
  'z_report',
  'shift_report',
  'test',
] as const;

/** A print job as the screens see it. */
export const printJobViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(PRINT_JOB_KINDS),
  paymentId: z.string().nullable(),
  refundId: z.string().nullable(),
  zNumber: z.number().int().nullable(),
  /** The shift whose report a shift slip prints. */
  shiftId: z.number().int().nullable(),
  reprint: z.boolean(),
  state: z.enum(['queued', 'sent', 'failed']),
  /** Why it failed, in words a cashier can act on (a message the window words). */
  reason: saidSchema.nullable(),
  /** The printer it went to ("network printer 192.168.1.50:9100"), as a message. */
  printer: saidSchema,
  attempts: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type PrintJobView = z.infer<typeof printJobViewSchema>;

/** The printer as the cashier's screen sees it: the slips that failed, and what is printing. */
export const printStatusViewSchema = z.object({
  /** The configured printer (a message), or null when the counter has none. */
  printer: saidSchema.nullable(),
  /** Failed slips nobody dismissed, oldest first: each can be retried. */
  failed: z.array(printJobViewSchema),
  /** Slips queued or being sent now. */
  printing: z.number().int(),
});
export type PrintStatusView = z.infer<typeof printStatusViewSchema>;

/**
 * A slip's picture at its paper width (the preview), as SVG text, with what the Printer settings
 * say of it: the languages it prints in, and whatever the code page leaves off.
 */
export const slipPreviewSchema = z.object({
  svg: z.string(),
  paperWidth: z.union([z.literal(58), z.literal(80)]),
  notes: z.array(saidSchema),
});
export type SlipPreview = z.infer<typeof slipPreviewSchema>;

const paymentId = z.string().min(1).max(64);

/** The printing channels' arguments. */
export const printingRequests = {
  status: z.object({}).strict(),
  retry: z.object({ jobId: z.number().int().positive().optional() }).strict(),
  dismiss: z.object({ jobId: z.number().int().positive() }).strict(),
  receipt: z
    .object({
      paymentId,
      /** A refund of the payment: prints its refund slip instead of the sale's. */
      refundId: z.string().min(1).max(64).optional(),
      copy: z.enum(['customer', 'merchant']),
    })
    .strict(),
  /** The X report; with `number` that Z; with `shift` that ended shift's slip. */
  report: z
    .object({
      number: z.number().int().positive().optional(),
      shift: z.number().int().positive().optional(),
    })
    .strict(),
  /** A test print to the printer as typed in Settings (saved or not). */
  test: z.object({ printer: printerSettingsSchema }).strict(),
  preview: z
    .object({
      paperWidth: z.union([z.literal(58), z.literal(80)]),
      codePage: z.enum(CODE_PAGES),
      /** A paid payment's slip; without it the sample slip of a test print. */
      paymentId: paymentId.optional(),
      /** Which copy: the customer's (the default) or the merchant's. */
      copy: z.enum(['customer', 'merchant']).optional(),
      /**
       * The window's system language (a BCP 47 tag), used while the store's language is the
       * system's and main does not know the system's (the browser shell).
       */
      systemLocale: z.string().min(2).max(35).optional(),
    })
    .strict(),
};
