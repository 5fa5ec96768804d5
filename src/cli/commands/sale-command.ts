import { randomBytes } from 'node:crypto';
import {
  COMMAND_LINE_STAFF,
  PRODUCTION_PAYMENT_PAGE_URL,
  type PaymentDesk,
  type PaymentRecord,
} from '../../main/command-line';
import { formatWithCode, parsePurchaseAmount } from '../../shared/money';
import { isSettled } from '../../shared/payment-state';
import { CliError, EXIT } from '../cli-error';
import { CALLBACK_OPTIONS, openCommandDesk } from '../command-desk';
import { pressCustomerButton, payOnPaymentPage } from '../customer-simulator';
import { resolveGate, TARGET_OPTIONS, type GateTarget } from '../gate-target';
import { defineCommand, optionSpec, type CommandOptions } from '../command-frame';
import { Progress } from '../progress';
import { REQUEST_FIELD_OPTIONS, requestFields } from '../request-fields';
import { reportSale, saleEnd } from '../sale-report';
import { describeQr } from '../terminal-qr';
import { watchRecord } from '../watch-record';

const HELP = `sale --amount 10.00 --currency CNY [--gate URL] [--project ID] [--pay success|decline [--pay-delay S]] [--json]
     [--return-url URL] [--customer-ip IP] (required against a real Gate; a sandbox's page and a documentation address otherwise)
     [--qr MODE] [--time-scale X] [--sandbox-host 0.0.0.0] [--payment-id ID] [--description TEXT] [--poll-after S] [--wait S]
     [--callback-host H] [--callback-port P] [--callback-url URL] [--timeout S]
  --mode payment-page [--payment-page URL] [--lifetime S] [--poll-every S] [--not-found-grace S]: by a signed
  Payment Page link instead of Gate's QR (no callback path needed; polling learns the result).
  --staff NAME: who takes the sale ("Command line" by default), recorded on the payment.
  Runs a whole Alipay purchase through the counter's own sale lifecycle. Without --gate (or GATE_URL) it
  starts an embedded sandbox; --sandbox-host 0.0.0.0 lets a phone on the same network open the QR's page.`;

const SALE_OPTIONS = {
  ...TARGET_OPTIONS,
  ...CALLBACK_OPTIONS,
  ...REQUEST_FIELD_OPTIONS,
  ...optionSpec(
    [
      'amount',
      'currency',
      'pay',
      'pay-delay',
      'qr',
      'time-scale',
      'sandbox-host',
      'payment-id',
      'description',
      'poll-after',
      'wait',
      'mode',
      'payment-page',
      'lifetime',
      'poll-every',
      'not-found-grace',
      'staff',
    ],
    ['json'],
  ),
};

/** What the customer does on a sandbox, and when. */
interface Customer {
  readonly pay: 'success' | 'decline' | undefined;
  readonly delayMs: number;
}

/** `sale`: one purchase from request to final result, through the counter's sale lifecycle. */
async function sale(options: CommandOptions): Promise<number> {
  const amountText = options.required('amount');
  const currencyText = options.required('currency');
  // Checked before anything starts: a bad amount never reaches a sandbox or Gate.
  const parsed = parsePurchaseAmount(amountText, currencyText);
  if (!parsed.ok) throw new CliError(`sale: ${parsed.error.message}`);
  const pay = options.optional('pay');
  if (pay !== undefined && pay !== 'success' && pay !== 'decline')
    throw new CliError(`sale: --pay must be success or decline, not "${pay}"`);
  const customer: Customer = {
    pay,
    delayMs:
      (options.optional('pay-delay') !== undefined ? options.positive('pay-delay', 1) : 0) * 1000,
  };
  const mode = options.optional('mode') ?? 'gate';
  if (mode !== 'gate' && mode !== 'payment-page')
    throw new CliError(`sale: --mode must be gate or payment-page, not "${mode}"`);
  const json = options.switch('json');
  const qrMode = options.optional('qr');
  const sandboxHost = options.optional('sandbox-host');
  const timeScale =
    options.optional('time-scale') !== undefined ? options.positive('time-scale', 1) : undefined;

  const target = await resolveGate('sale', options.values, {
    allowed: true,
    ...(sandboxHost !== undefined ? { host: sandboxHost } : {}),
    ...(qrMode !== undefined ? { qrMode } : {}),
    ...(timeScale !== undefined ? { timeScale } : {}),
  });
  const progress = new Progress(json);
  let desk: PaymentDesk | undefined;
  try {
    desk = await openSaleDesk(target, options, mode === 'payment-page');
    if (target.sandbox)
      progress.line(`Embedded Gate sandbox at ${target.gateUrl} (project ${target.projectId})`);
    const paymentId =
      options.optional('payment-id') ??
      `cli-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    const waitMs = options.positive('wait', 3600) * 1000;
    const lifetimeMs = mode === 'payment-page' ? lifetimeOf(options) * 1000 : 0;
    const deadline = Date.now() + lifetimeMs + waitMs;
    const record = await runSale(desk, target, progress, customer, {
      amountText,
      currencyText,
      paymentId,
      description: options.optional('description') ?? `Alipay Counter CLI sale ${paymentId}`,
      deadline,
    });
    if (!record || !isSettled(record.state)) {
      const after = mode === 'payment-page' ? ' after the link expired' : '';
      throw new CliError(
        `sale: no final result for ${paymentId} ${waitMs / 1000} s${after}; the outcome is unknown. ` +
          `Check later: npm run -s cli -- status --payment-id ${paymentId} --project ${target.projectId}`,
        EXIT.unknown,
      );
    }
    progress.stopCountdown();
    const end = saleEnd(desk.journal, record);
    // Rejected: Gate did nothing, or the request never left; nothing was charged.
    if (!end) throw new CliError(`sale: ${record.gateMessage ?? `the sale ended ${record.state}`}`);
    reportSale(json, progress, record, end, desk.journal.people.attribution.payment(record.id));
    return end.status === 'success' ? EXIT.ok : EXIT.declined;
  } finally {
    progress.stopCountdown();
    await desk?.close();
    await target.close();
  }
}

/** `sale`, parsed and run by the command frame. */
export const saleCommand = defineCommand('sale', HELP, SALE_OPTIONS, sale);

/** The Payment Page link's lifetime in seconds (`--lifetime`, 600 by default). */
function lifetimeOf(options: CommandOptions): number {
  return options.positive('lifetime', 600);
}

/** The counter's money path, set up for this sale: where the customer is, how they pay. */
function openSaleDesk(
  target: GateTarget,
  options: CommandOptions,
  paymentPage: boolean,
): Promise<PaymentDesk> {
  const fields = requestFields('sale', options.values, target.gateUrl, { returnUrl: !paymentPage });
  return openCommandDesk('sale', target, options.values, {
    purchaseMode: paymentPage ? 'payment_page' : 'gate_qr',
    settings: {
      terminalId: 'CLI',
      customerReturnUrl: fields.returnUrl,
      storeIpAddress: fields.customerIp,
      paymentPageUrl:
        options.optional('payment-page') ?? target.sandbox?.url ?? PRODUCTION_PAYMENT_PAGE_URL,
      paymentPageLifetimeSeconds: lifetimeOf(options),
    },
    pollSchedule: {
      firstAfterMs: options.positive('poll-after', 10) * 1000,
      maxIntervalMs: 60_000,
    },
    staff: options.optional('staff') ?? COMMAND_LINE_STAFF,
    paymentPagePollMs: options.positive('poll-every', 5) * 1000,
    notFoundGraceMs: options.positive('not-found-grace', 60) * 1000,
  });
}

/**
 * Charges through the desk and follows the payment until it settles or the deadline passes:
 * what Gate's answer proved, the QR (drawn in the terminal, pressed on a sandbox with --pay),
 * its countdown.
 */
async function runSale(
  desk: PaymentDesk,
  target: GateTarget,
  progress: Progress,
  customer: Customer,
  sale: {
    amountText: string;
    currencyText: string;
    paymentId: string;
    description: string;
    deadline: number;
  },
): Promise<PaymentRecord | undefined> {
  const press = customerPress(target, customer, progress);
  let shownQr: string | undefined;
  const onChange = (record: PaymentRecord) => {
    if (!record.qr || JSON.stringify(record.qr) === shownQr) return;
    shownQr = JSON.stringify(record.qr);
    const qr = record.qr;
    void describeQr(qr, record.id).then((lines) => {
      for (const line of lines) progress.line(line);
      if (record.qrExpiresAt)
        progress.countdown((record.qrExpiresAt - Date.now()) / 1000, 'Waiting for the customer');
      press(record);
    });
  };
  const charged = await desk.payments.charge(sale.amountText, sale.currencyText, {
    paymentId: sale.paymentId,
    description: sale.description,
  });
  if (!charged.ok) throw new CliError(`sale: ${charged.error.message}`);
  const record = charged.value;
  const money = formatWithCode(record.amount, record.currency);
  if (record.mode === 'payment_page')
    progress.line(
      `Sale ${record.id}: ${money} by Payment Page link (scan with the phone's camera)`,
    );
  else if (record.requestId)
    progress.line(`Sale ${record.id}: ${money} sent to Gate (request ${record.requestId})`);
  else if (record.state === 'unknown')
    progress.line(`${record.gateMessage}; asking Gate for the status instead of sending again`);
  if (record.state === 'rejected') return record;
  // Without an intermediate callback (dropped, unreachable), the customer still presses.
  if (record.mode === 'gate_qr') setTimeout(() => press(record), 1000).unref();
  return watchRecord(
    desk.payments.events,
    record.id,
    desk.payments.get(record.id),
    (r) => isSettled(r.state),
    sale.deadline,
    onChange,
  );
}

/**
 * The customer's button, pressed once per sale when --pay asks for it: on the sandbox's page for
 * a Gate QR, through the Payment Page for a link (its QR is the link).
 */
function customerPress(
  target: GateTarget,
  customer: Customer,
  progress: Progress,
): (record: PaymentRecord) => void {
  let done = false;
  return (record) => {
    const action = customer.pay;
    const link =
      record.mode === 'payment_page' && record.qr?.kind === 'text' ? record.qr.text : undefined;
    if (done || !action || (record.mode === 'payment_page' && !link)) return;
    done = true;
    const later = new Promise((resolve) => setTimeout(resolve, customer.delayMs));
    void later
      .then(() => {
        progress.line(
          `Customer presses ${action === 'success' ? 'Success' : 'Decline'} on the sandbox's customer page`,
        );
        return link
          ? payOnPaymentPage(link, action)
          : pressCustomerButton(target.gateUrl, target.projectId, record.id, action);
      })
      .catch((error: Error) => progress.line(`the customer could not pay: ${error.message}`));
  };
}
