import type { GateAck, GateCallback, GateResult, GateStatus } from '../main/gate';
import { describeGateError, outcomeUnknown, purchaseOutcome } from '../main/gate';
import { CliError } from './cli-error';
import { pollTimeMs, type PollSchedule } from '../main/payments/status-poll-schedule';
import type { GateSession } from './gate-session';

/** How an operation ended, and how the counter learned it. */
export interface Outcome {
  readonly status: 'success' | 'decline';
  readonly code: string;
  readonly message: string;
  readonly via: 'callback' | 'status';
}

/**
 * Reads Gate's answer to a sale or refund: the request id when acknowledged; undefined when the
 * outcome is unknown (the status will settle it: never send again); a CliError when rejected.
 */
export function acknowledged(
  command: string,
  ack: GateResult<GateAck>,
  progress: { line(text: string): void },
  sentLine: (requestId: string) => string,
): string | undefined {
  if (ack.ok) {
    progress.line(sentLine(ack.value.request_id));
    return ack.value.request_id;
  }
  if (outcomeUnknown(ack.error)) {
    progress.line(
      `${describeGateError(ack.error)}; asking Gate for the status instead of sending again`,
    );
    return undefined;
  }
  throw new CliError(`${command}: ${describeGateError(ack.error)}`);
}

/** What to watch for. */
export interface WatchPlan {
  readonly paymentId: string;
  /** When the request was sent (ms since epoch): polling counts from here. */
  readonly sentAt: number;
  readonly schedule: PollSchedule;
  /** The final outcome in a callback about this payment, if it is one. */
  fromCallback(callback: GateCallback): Outcome | undefined;
  /** The final outcome in a status answer, if there is one yet. */
  fromStatus(status: GateStatus): Outcome | undefined;
  /** A callback about this payment that is not final (e.g. the QR). */
  onOther?(callback: GateCallback): void;
  /** A line of progress for the user. */
  onProgress?(line: string): void;
}

/**
 * Waits for the final outcome: from a callback, else from status polling on the schedule
 * (first poll ≥ 10 s after the request). Resolves undefined when the threshold passes first.
 */
export async function watchOutcome(
  session: GateSession,
  plan: WatchPlan,
): Promise<Outcome | undefined> {
  for (let attempt = 0; ; attempt++) {
    const pollAt = pollTimeMs(attempt, plan.schedule);
    const until = plan.sentAt + (pollAt ?? plan.schedule.thresholdMs);
    const fromCallback = await waitForCallbacks(session, plan, until);
    if (fromCallback) return fromCallback;
    if (pollAt === undefined) return undefined;
    const answer = await session.client.status(plan.paymentId);
    if (!answer.ok) {
      plan.onProgress?.(`status request failed: ${describeGateError(answer.error)}`);
      continue;
    }
    if (!answer.value.found) {
      plan.onProgress?.(`status: not found yet (${answer.value.code} ${answer.value.message})`);
      continue;
    }
    const outcome = plan.fromStatus(answer.value.status);
    if (outcome) return outcome;
    plan.onProgress?.(`status: ${answer.value.status.payment.status}`);
  }
}

async function waitForCallbacks(
  session: GateSession,
  plan: WatchPlan,
  until: number,
): Promise<Outcome | undefined> {
  const about = (c: GateCallback) => c.payment.id === plan.paymentId;
  for (;;) {
    const remaining = until - Date.now();
    if (remaining <= 0) return undefined;
    const signal = AbortSignal.timeout(remaining);
    const callback = await session.inbox.take(about, signal);
    if (!callback) return undefined;
    const outcome = plan.fromCallback(callback);
    if (outcome) return outcome;
    plan.onOther?.(callback);
  }
}

/** The final outcome in a status answer (Gate's other failure statuses end as a decline). */
export function statusOutcome(status: GateStatus): Outcome | undefined {
  const sale = status.operations.find((op) => op.type === 'sale');
  const state = status.payment.status;
  const outcome = purchaseOutcome(state);
  if (!outcome) return undefined;
  return {
    status: outcome,
    code: sale?.code ?? '',
    message: sale?.message || `Gate ended the payment: ${state}`,
    via: 'status',
  };
}
