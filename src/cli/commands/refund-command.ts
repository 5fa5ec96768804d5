import { randomBytes } from 'node:crypto';
import {
  COMMAND_LINE_STAFF,
  describeGateError,
  learnedVia,
  OPEN_REFUND_STATES,
  type PaymentDesk,
  type RefundRecord,
} from '../../main/command-line';
import { formatWithCode, parseAmount, parseCurrency } from '../../shared/money';
import { isPaid } from '../../shared/payment-state';
import { CliError, EXIT } from '../cli-error';
import { CALLBACK_OPTIONS, openCommandDesk } from '../command-desk';
import { defineCommand, optionSpec } from '../command-frame';
import { resolveGate, TARGET_OPTIONS } from '../gate-target';
import { Progress } from '../progress';
import { REQUEST_FIELD_OPTIONS, requestFields } from '../request-fields';
import { watchRecord } from '../watch-record';

const HELP = `refund --payment-id X --amount 5.00 --currency CNY --project ID [--gate URL] [--json]
       [--customer-ip IP] (required against a real Gate) [--refund-id ID] [--reason TEXT] [--poll-after S] [--wait S]
       [--staff NAME] (who gives the refund back; "Command line" by default)
  Refunds part or all of a paid payment through the counter's refund lifecycle and waits for the result.`;

const REFUND_OPTIONS = {
  ...TARGET_OPTIONS,
  ...CALLBACK_OPTIONS,
  ...REQUEST_FIELD_OPTIONS,
  ...optionSpec(
    ['payment-id', 'amount', 'currency', 'refund-id', 'reason', 'poll-after', 'wait', 'staff'],
    ['json'],
  ),
};

/** `refund`: one refund from request to final result. */
export const refundCommand = defineCommand('refund', HELP, REFUND_OPTIONS, async (options) => {
  const paymentId = options.required('payment-id');
  const currency = parseCurrency(options.required('currency'));
  if (!currency.ok) throw new CliError(`refund: ${currency.error.message}`);
  const amount = parseAmount(options.required('amount'), currency.value);
  if (!amount.ok) throw new CliError(`refund: ${amount.error.message}`);
  const json = options.switch('json');
  const waitS = options.positive('wait', 3600);
  const refundId =
    options.optional('refund-id') ??
    `cli-refund-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const target = await resolveGate('refund', options.values, { allowed: false });
  const progress = new Progress(json);
  let desk: PaymentDesk | undefined;
  try {
    const fields = requestFields('refund', options.values, target.gateUrl, { returnUrl: false });
    desk = await openCommandDesk('refund', target, options.values, {
      purchaseMode: 'gate_qr',
      settings: { terminalId: 'CLI', storeIpAddress: fields.customerIp },
      staff: options.optional('staff') ?? COMMAND_LINE_STAFF,
      pollSchedule: {
        firstAfterMs: options.positive('poll-after', 10) * 1000,
        maxIntervalMs: 60_000,
      },
    });
    await followPaidPayment(desk, paymentId);
    const sent = await desk.refunds.refund({
      paymentId,
      amount: amount.value,
      reason: options.optional('reason') ?? `Refund ${refundId}`,
      actor: desk.staff,
      refundId,
    });
    if (!sent.ok) throw new CliError(`refund: ${sent.error.message}`);
    const refund = sent.value;
    const money = formatWithCode(refund.amount, refund.currency);
    if (refund.requestId)
      progress.line(
        `Refund ${refundId} of ${money} on ${paymentId} sent (request ${refund.requestId})`,
      );
    else if (refund.state === 'unknown')
      progress.line(`${refund.gateMessage}; asking Gate for the status instead of sending again`);
    if (refund.state === 'rejected')
      throw new CliError(`refund: ${refund.gateMessage ?? 'rejected'}`);
    const settled = await watchRecord(
      desk.refunds.events,
      refund.id,
      desk.journal.refunds.get(refund.id),
      (r) => !OPEN_REFUND_STATES.includes(r.state),
      Date.now() + waitS * 1000,
    );
    if (!settled)
      throw new CliError(
        `refund: no final result after ${waitS} s; the outcome is unknown. Check later with the status command.`,
        EXIT.unknown,
      );
    if (settled.state === 'rejected')
      throw new CliError(`refund: ${settled.gateMessage ?? 'Gate has no record of the refund'}`);
    report(json, progress, desk, settled);
    return settled.state === 'succeeded' ? EXIT.ok : EXIT.declined;
  } finally {
    await desk?.close();
    await target.close();
  }
});

/**
 * Brings the payment into the desk's journal as Gate reports it, so the refund is checked and
 * reserved against it as at the counter; only a paid payment can be refunded.
 */
async function followPaidPayment(desk: PaymentDesk, paymentId: string): Promise<void> {
  const answer = await desk.gate.status(paymentId);
  if (!answer.ok) throw new CliError(`refund: ${describeGateError(answer.error)}`);
  if (!answer.value.found)
    throw new CliError(
      `refund: payment ${paymentId} not found (${answer.value.code} ${answer.value.message})`,
    );
  const sum = answer.value.status.payment.sum;
  if (!sum) throw new CliError(`refund: Gate reports no amount for payment ${paymentId}`);
  const followed = await desk.payments.adopt(paymentId, sum);
  if (!followed.ok) throw new CliError(`refund: ${followed.error.message}`);
  if (!isPaid(followed.value.state))
    throw new CliError(
      `refund: payment ${paymentId} is ${answer.value.status.payment.status} at Gate; only a paid payment can be refunded`,
    );
}

/** Prints a refund's end: one JSON object on stdout, or one line for people. */
function report(json: boolean, progress: Progress, desk: PaymentDesk, refund: RefundRecord): void {
  const status = refund.state === 'succeeded' ? 'success' : 'decline';
  const settling = desk.journal
    .transitionsOf(refund.paymentId)
    .findLast((t) => (t.detail as { refund?: { id?: string } } | null)?.refund?.id === refund.id);
  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        payment_id: refund.paymentId,
        refund_id: refund.id,
        request_id: refund.requestId,
        status,
        code: refund.gateCode ?? '',
        message: refund.gateMessage ?? '',
        amount: refund.amount,
        currency: refund.currency,
        learned_from: learnedVia(settling?.detail) ?? 'status',
        staff: desk.journal.people.attribution.refund(refund.id)?.staffName ?? null,
      })}\n`,
    );
    return;
  }
  const word = status === 'success' ? 'REFUNDED' : 'REFUND DECLINED';
  progress.line(
    `${word} ${formatWithCode(refund.amount, refund.currency)} · payment ${refund.paymentId} · ${refund.gateCode ?? ''} ${refund.gateMessage ?? ''}`,
  );
}
