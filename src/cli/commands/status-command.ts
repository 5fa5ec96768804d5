import { describeGateError, type GateStatus, type PaymentDesk } from '../../main/command-line';
import { formatWithCode, isCurrency } from '../../shared/money';
import { CliError, EXIT } from '../cli-error';
import { openCommandDesk } from '../command-desk';
import { resolveGate, TARGET_OPTIONS } from '../gate-target';
import { defineCommand, optionSpec, type CommandOptions } from '../command-frame';

const HELP = `status --payment-id X --project ID [--gate URL] [--json]
  Asks Gate for a payment's status and operations (GATE_SECRET signs the request), and says what
  the counter makes of it.`;

/** `status`: what Gate knows about a payment, and what the counter's state machine makes of it. */
async function status(options: CommandOptions): Promise<number> {
  const paymentId = options.required('payment-id');
  const target = await resolveGate('status', options.values, { allowed: false });
  let desk: PaymentDesk | undefined;
  try {
    desk = await openCommandDesk('status', target, {}, { purchaseMode: 'gate_qr', settings: {} });
    const answer = await desk.gate.status(paymentId);
    if (!answer.ok) throw new CliError(`status: ${describeGateError(answer.error)}`);
    if (!answer.value.found) {
      throw new CliError(
        `status: payment ${paymentId} not found (${answer.value.code} ${answer.value.message})`,
      );
    }
    const status = answer.value.status;
    if (options.switch('json')) {
      process.stdout.write(`${JSON.stringify(status)}\n`);
      return EXIT.ok;
    }
    for (const line of describeStatus(status)) process.stdout.write(`${line}\n`);
    const sum = status.payment.sum;
    if (sum) {
      const followed = await desk.payments.adopt(paymentId, sum);
      if (followed.ok) process.stdout.write(`the counter reads it as: ${followed.value.state}\n`);
    }
    return EXIT.ok;
  } finally {
    await desk?.close();
    await target.close();
  }
}

const STATUS_OPTIONS = { ...TARGET_OPTIONS, ...optionSpec(['payment-id'], ['json']) };

/** `status`, parsed and run by the command frame. */
export const statusCommand = defineCommand('status', HELP, STATUS_OPTIONS, status);

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
