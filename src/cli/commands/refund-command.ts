import { randomBytes } from 'node:crypto';
import { type GateOperation } from '../../main/gate';
import { formatWithCode, parseAmount, parseCurrency } from '../../shared/money';
import { CliError, EXIT } from '../cli-error';
import { openGateSession, SESSION_OPTIONS } from '../gate-session';
import { optional, parseOptions, positiveNumber, required } from '../options';
import { acknowledged, watchOutcome, type Outcome } from '../outcome-watcher';
import { REQUEST_FIELD_OPTIONS, requestFields } from '../request-fields';
import { Progress } from '../progress';

const HELP = `refund --payment-id X --amount 5.00 --currency CNY --project ID [--gate URL] [--json]
       [--customer-ip IP] (required against a real Gate) [--refund-id ID] [--reason TEXT] [--poll-after S] [--wait S]
  Refunds part or all of a paid payment and waits for the result.`;

/** `refund`: one refund from request to final result. */
export async function refundCommand(argv: string[]): Promise<number> {
  const options = parseOptions('refund', argv, {
    ...SESSION_OPTIONS,
    'payment-id': { type: 'string' },
    amount: { type: 'string' },
    currency: { type: 'string' },
    json: { type: 'boolean' },
    'refund-id': { type: 'string' },
    reason: { type: 'string' },
    'poll-after': { type: 'string' },
    wait: { type: 'string' },
    ...REQUEST_FIELD_OPTIONS,
  });
  const paymentId = required(options, 'payment-id', 'refund');
  const currency = parseCurrency(required(options, 'currency', 'refund'));
  if (!currency.ok) throw new CliError(`refund: ${currency.error.message}`);
  const amount = parseAmount(required(options, 'amount', 'refund'), currency.value);
  if (!amount.ok) throw new CliError(`refund: ${amount.error.message}`);
  const json = options['json'] === true;
  const pollAfterS = positiveNumber(options, 'poll-after', 'refund', 10);
  const waitS = positiveNumber(options, 'wait', 'refund', 3600);
  const refundId =
    optional(options, 'refund-id') ??
    `cli-refund-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const session = await openGateSession('refund', options, { allowed: false });
  const progress = new Progress(json);
  try {
    const fields = requestFields('refund', options, session.gateUrl, { returnUrl: false });
    const sentAt = Date.now();
    const ack = await session.client.refund({
      paymentId,
      amount: amount.value,
      currency: currency.value,
      description: optional(options, 'reason') ?? `Refund ${refundId}`,
      merchantRefundId: refundId,
      customerIp: fields.customerIp,
      ...(session.callbackUrl ? { callbackUrl: session.callbackUrl } : {}),
    });
    const requestId = acknowledged(
      'refund',
      ack,
      progress,
      (id) =>
        `Refund ${refundId} of ${formatWithCode(amount.value, currency.value)} on ${paymentId} sent (request ${id})`,
    );
    const isOurs = (op: GateOperation | undefined, merchantRefundId?: string) =>
      op?.type === 'refund' &&
      (requestId !== undefined ? op.request_id === requestId : merchantRefundId === refundId);
    const outcome = await watchOutcome(session, {
      paymentId,
      sentAt,
      schedule: {
        firstAfterMs: pollAfterS * 1000,
        maxIntervalMs: 60_000,
        thresholdMs: waitS * 1000,
      },
      fromCallback: (callback) =>
        isOurs(callback.operation, callback.payment.merchant_refund_id)
          ? finalOf(callback.operation!, 'callback')
          : undefined,
      fromStatus: (status) => {
        const op = status.operations.find(
          (o) => o.type === 'refund' && (requestId === undefined || o.request_id === requestId),
        );
        return op ? finalOf(op, 'status') : undefined;
      },
      onProgress: (line) => progress.line(line),
    });
    if (!outcome) {
      throw new CliError(
        `refund: no final result after ${waitS} s; the outcome is unknown. Check later with the status command.`,
        EXIT.unknown,
      );
    }
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ payment_id: paymentId, refund_id: refundId, request_id: requestId ?? null, status: outcome.status, code: outcome.code, message: outcome.message, amount: amount.value, currency: currency.value, learned_from: outcome.via })}\n`,
      );
    } else {
      const word = outcome.status === 'success' ? 'REFUNDED' : 'REFUND DECLINED';
      progress.line(
        `${word} ${formatWithCode(amount.value, currency.value)} · payment ${paymentId} · ${outcome.code} ${outcome.message}`,
      );
    }
    return outcome.status === 'success' ? EXIT.ok : EXIT.declined;
  } finally {
    await session.close();
  }
}

refundCommand.help = HELP;

function finalOf(op: GateOperation, via: Outcome['via']): Outcome | undefined {
  if (op.status !== 'success' && op.status !== 'decline') return undefined;
  return { status: op.status, code: op.code ?? '', message: op.message ?? '', via };
}
