import { describeGateError, type GateStatus } from '../../main/gate';
import { formatWithCode, isCurrency } from '../../shared/money';
import { CliError } from '../cli-error';
import { openGateSession, SESSION_OPTIONS } from '../gate-session';
import { parseOptions, required } from '../options';

const HELP = `status --payment-id X --project ID [--gate URL] [--json]
  Asks Gate for a payment's status and operations (GATE_SECRET signs the request).`;

/** `status`: prints what Gate knows about a payment. */
export async function statusCommand(argv: string[]): Promise<number> {
  const options = parseOptions('status', argv, {
    ...SESSION_OPTIONS,
    'payment-id': { type: 'string' },
    json: { type: 'boolean' },
  });
  const paymentId = required(options, 'payment-id', 'status');
  const session = await openGateSession('status', options, { allowed: false });
  try {
    const answer = await session.client.status(paymentId);
    if (!answer.ok) throw new CliError(`status: ${describeGateError(answer.error)}`);
    if (!answer.value.found) {
      throw new CliError(
        `status: payment ${paymentId} not found (${answer.value.code} ${answer.value.message})`,
      );
    }
    const status = answer.value.status;
    if (options['json'] === true) process.stdout.write(`${JSON.stringify(status)}\n`);
    else for (const line of describeStatus(status)) process.stdout.write(`${line}\n`);
    return 0;
  } finally {
    await session.close();
  }
}

statusCommand.help = HELP;

function money(sum: { amount: number; currency: string } | undefined): string {
  if (!sum) return '';
  return isCurrency(sum.currency)
    ? formatWithCode(sum.amount, sum.currency)
    : `${sum.amount} ${sum.currency}`;
}

/** Human-readable lines for a status answer. */
export function describeStatus(status: GateStatus): string[] {
  const lines = [
    `payment ${status.payment.id}: ${status.payment.status} · ${money(status.payment.sum)}`,
  ];
  for (const op of status.operations) {
    lines.push(
      `  ${op.type} ${op.status} ${money(op.sum_initial)} · ${op.code ?? ''} ${op.message ?? ''} · request ${op.request_id ?? '-'}`,
    );
  }
  return lines;
}
