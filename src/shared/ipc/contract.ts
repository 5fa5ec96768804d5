import { z } from 'zod';
import {
  paymentId,
  nothing,
  pin,
  staffId,
  managerPresent,
  historyFilterSchema,
  settingsUpdateSchema,
} from './requests';
import type { AppError, ErrorCode, Result } from '../result';
import { requestsOf, eventsOf, type BridgeChannel, type BridgeEvent } from './bridges';
import {
  aboutViewSchema,
  appInfoSchema,
  connectionTestSchema,
  displayViewSchema,
  displayListSchema,
  exportFileSchema,
  historyPageSchema,
  managerStatusSchema,
  paymentDetailSchema,
  paymentViewSchema,
  refundViewSchema,
  reportPeopleSchema,
  reportSchema,
  sessionViewSchema,
  staffMemberSchema,
  settingsViewSchema,
  shiftReportSchema,
  shiftStateSchema,
  staffViewSchema,
} from './views';
import {
  printingRequests,
  printJobViewSchema,
  printStatusViewSchema,
  slipPreviewSchema,
} from '../printing/print-views';

export {
  HISTORY_STATES,
  historyFilterSchema,
  settingsUpdateSchema,
  type HistoryState,
  type SettingsUpdate,
} from './requests';

/** What a channel takes and what it answers with. */
interface ChannelSchemas {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

/**
 * The schemas of every request channel named in `bridges.ts` (`domain:verb`), no more and no
 * fewer: the argument main parses before its handler runs, and the value the renderer parses
 * before it believes an answer.
 */
export const CHANNELS = {
  'payments:charge': {
    request: z.object({ amount: z.string().max(32), currency: z.string().max(8) }).strict(),
    response: paymentViewSchema,
  },
  'payments:cancel': { request: z.object({ paymentId }).strict(), response: paymentViewSchema },
  'payments:keep-late': { request: z.object({ paymentId }).strict(), response: paymentViewSchema },
  'payments:get': { request: z.object({ paymentId }).strict(), response: paymentViewSchema },
  'session:get': { request: nothing, response: sessionViewSchema },
  /** The customer display's only channel. */
  'display:get': { request: nothing, response: displayViewSchema },
  'session:new-sale': { request: nothing, response: sessionViewSchema },
  'settings:get': { request: nothing, response: settingsViewSchema },
  'settings:update': { request: settingsUpdateSchema, response: settingsViewSchema },
  'settings:test-connection': { request: nothing, response: connectionTestSchema },
  /** Tries the relayed callbacks held back for a failed signature again, with today's secret. */
  'relay:retry-held-back': {
    request: nothing,
    response: z.object({ applied: z.number().int(), left: z.number().int() }),
  },
  'payments:retry-as-link': {
    request: z.object({ paymentId }).strict(),
    response: paymentViewSchema,
  },
  'app:info': { request: nothing, response: appInfoSchema },
  'manager:status': { request: nothing, response: managerStatusSchema },
  'manager:set-pin': {
    request: z
      .object({ newPin: z.string().max(16), currentPin: z.string().max(16).optional() })
      .strict(),
    response: managerStatusSchema,
  },
  'manager:reset-pin': {
    request: z
      .object({
        secret: z.string().min(1).max(256),
        newPin: z.string().max(16),
        /** On a counter with staff: the manager whose PIN is reset (else the only one). */
        staffId: z.number().int().positive().optional(),
      })
      .strict(),
    response: managerStatusSchema,
  },
  /** Opens the manager session with the PIN. */
  'manager:unlock': {
    request: z.object({ pin, staffId: z.number().int().positive().optional() }).strict(),
    response: managerStatusSchema,
  },
  /** Locks the manager session (the Lock button). */
  'manager:lock': { request: nothing, response: managerStatusSchema },
  /** The manager is still there: an open session stays open for longer. */
  'manager:touch': { request: nothing, response: managerStatusSchema },
  'refunds:create': {
    request: z
      .object({
        paymentId,
        amount: z.string().min(1).max(32),
        reason: z.string().trim().min(1, 'a reason is required').max(200),
        /** Left out while the manager session is open. */
        pin: pin.optional(),
        /** The manager who authorises it (a cashier's refund), or the manager signed in. */
        manager: managerPresent.optional(),
      })
      .strict(),
    response: refundViewSchema,
  },
  'payments:detail': { request: z.object({ paymentId }).strict(), response: paymentDetailSchema },
  'history:search': {
    request: historyFilterSchema
      .extend({
        cursor: z.string().max(120).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    response: historyPageSchema,
  },
  'reports:current': { request: nothing, response: reportSchema },
  'reports:close-day': {
    request: z.object({ pin: pin.optional(), manager: managerPresent.optional() }).strict(),
    response: reportSchema,
  },
  'reports:list': { request: nothing, response: z.object({ reports: z.array(reportSchema) }) },
  'exports:history-csv': { request: historyFilterSchema, response: exportFileSchema },
  'exports:report-csv': {
    request: z.object({ number: z.number().int().positive().optional() }).strict(),
    response: exportFileSchema,
  },
  'documents:save-pdf': {
    request: z.object({ name: z.string().regex(/^[\w.-]{1,80}$/) }).strict(),
    response: z.object({ path: z.string() }),
  },
  'app:about': { request: nothing, response: aboutViewSchema },
  'app:open-logs': { request: nothing, response: z.object({ path: z.string() }) },
  'updates:check': { request: nothing, response: aboutViewSchema },
  'updates:restart': {
    request: z.object({ pin, staffId: z.number().int().positive().optional() }).strict(),
    response: aboutViewSchema,
  },
  'displays:list': { request: nothing, response: displayListSchema },
  'printing:status': { request: printingRequests.status, response: printStatusViewSchema },
  'printing:retry': { request: printingRequests.retry, response: printStatusViewSchema },
  'printing:dismiss': { request: printingRequests.dismiss, response: printStatusViewSchema },
  'printing:receipt': { request: printingRequests.receipt, response: printJobViewSchema },
  'printing:report': { request: printingRequests.report, response: printJobViewSchema },
  'printing:test': { request: printingRequests.test, response: printJobViewSchema },
  'printing:preview': { request: printingRequests.preview, response: slipPreviewSchema },
  /* Sign-in and shifts. */
  'staff:list': { request: nothing, response: z.object({ staff: z.array(staffViewSchema) }) },
  'shift:current': { request: nothing, response: shiftStateSchema },
  /** Opens a shift, or unlocks one's own locked shift. */
  'shift:sign-in': { request: z.object({ staffId, pin }).strict(), response: shiftStateSchema },
  'shift:lock': { request: nothing, response: shiftStateSchema },
  /** Answers once the sale screen is idle: the ended shift's report and who is signed in now. */
  'shift:hand-over': {
    request: z.object({ staffId, pin }).strict(),
    response: z.object({ report: shiftReportSchema, state: shiftStateSchema }),
  },
  'shift:sign-out': { request: nothing, response: shiftReportSchema },
  'shift:end-by-manager': {
    request: z.object({ staffId, pin, reason: z.string().trim().max(200) }).strict(),
    response: shiftReportSchema,
  },
  /** The first run's named manager, with the manager PIN just chosen; signs them in. */
  'staff:first-manager': {
    request: z.object({ name: z.string().trim().min(1).max(40), pin }).strict(),
    response: shiftStateSchema,
  },
  // ---- Who did what: the staff list, the reports by person, staff management ----
  /** The X so far by person and each Z's shifts (open while the manager session is). */
  'reports:people': { request: nothing, response: reportPeopleSchema },
  'staff:add': {
    request: z
      .object({
        name: z.string().trim().min(1).max(40),
        role: z.enum(['cashier', 'manager']),
        pin: z.string().max(16),
        manager: managerPresent,
      })
      .strict(),
    response: staffMemberSchema,
  },
  'staff:rename': {
    request: z
      .object({
        staffId: z.number().int().positive(),
        name: z.string().trim().min(1).max(40),
        manager: managerPresent,
      })
      .strict(),
    response: staffMemberSchema,
  },
  'staff:set-active': {
    request: z
      .object({
        staffId: z.number().int().positive(),
        active: z.boolean(),
        manager: managerPresent,
      })
      .strict(),
    response: staffMemberSchema,
  },
  'staff:set-pin': {
    request: z
      .object({
        staffId: z.number().int().positive(),
        pin: z.string().max(16),
        manager: managerPresent,
      })
      .strict(),
    response: staffMemberSchema,
  },
} as const satisfies { readonly [C in BridgeChannel]: ChannelSchemas };

/** A request channel. */
export type Channel = keyof typeof CHANNELS;
/** The argument of a channel. */
export type RequestOf<C extends Channel> = z.input<(typeof CHANNELS)[C]['request']>;
/** The value a channel answers with. */
export type ResponseOf<C extends Channel> = z.infer<(typeof CHANNELS)[C]['response']>;
/** What crosses the bridge: a Result, errors as data. */
export type ChannelResult<C extends Channel> = Result<ResponseOf<C>, ErrorCode>;

/** The data of every event named in `bridges.ts`, which main sends to the windows. */
export const EVENTS = {
  'payments:updated': paymentViewSchema,
  'payments:late': paymentViewSchema,
  'session:changed': sessionViewSchema,
  'settings:changed': settingsViewSchema,
  'display:changed': displayViewSchema,
  'printing:changed': printStatusViewSchema,
  'manager:changed': managerStatusSchema,
  'shift:changed': shiftStateSchema,
} as const satisfies { readonly [E in BridgeEvent]: z.ZodType };

/** The channels the customer display's window may use: its bridge's. Others refuse it. */
export const CUSTOMER_DISPLAY_CHANNELS: readonly Channel[] = requestsOf('counterDisplay').map(
  ([, channel]) => channel,
);
/** The events the customer display's window is sent: its bridge's. */
export const CUSTOMER_DISPLAY_EVENTS: readonly EventChannel[] = eventsOf('counterDisplay').map(
  ([, event]) => event,
);

/** An event channel. */
export type EventChannel = keyof typeof EVENTS;
/** The data of an event. */
export type EventOf<E extends EventChannel> = z.infer<(typeof EVENTS)[E]>;

/** What a transport knows about the caller, for the few handlers that need it. */
export interface HandlerContext {
  /** Prints the calling window to PDF (Electron only). */
  readonly printToPdf?: () => Promise<Uint8Array>;
}

/** The handlers main implements: one per channel, argument already parsed. */
export type ChannelHandlers = {
  [C in Channel]: (
    input: z.infer<(typeof CHANNELS)[C]['request']>,
    context?: HandlerContext,
  ) => Promise<ChannelResult<C>>;
};

/** The first problem zod found, as `field: message` (`whole` when it is the whole value). */
export function firstIssue(error: z.ZodError, whole = '(argument)'): string {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : whole;
  const message =
    issue?.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : (issue?.message ?? 'invalid');
  return `${field}: ${message}`;
}

/**
 * An INVALID_INPUT error naming the field that failed, e.g. `payments:charge: amount: ...`,
 * and carrying it as `field`, so that a form can mark it.
 */
export function invalidInput(channel: string, error: z.ZodError): AppError<ErrorCode> {
  const path = error.issues[0]?.path ?? [];
  return {
    code: 'INVALID_INPUT',
    message: `${channel}: ${firstIssue(error)}`,
    ...(path.length > 0 ? { field: path.map(String).join('.') } : {}),
  };
}
