import { randomBytes } from 'node:crypto';
import { customerInstructions, type GateCallback } from '../../main/gate';
import { walkInCustomerId } from '../../main/payments/gate-qr-sale';
import { REQUEST_FIELD_OPTIONS, requestFields } from '../request-fields';
import { formatWithCode, parsePurchaseAmount, type Money } from '../../shared/money';
import { CliError, EXIT } from '../cli-error';
import { pressCustomerButton } from '../customer-simulator';
import { openGateSession, SESSION_OPTIONS } from '../gate-session';
import { optional, parseOptions, positiveNumber, required } from '../options';
import { acknowledged, statusOutcome, watchOutcome, type Outcome } from '../outcome-watcher';
import { Progress } from '../progress';
import { runPaymentPageSale } from './payment-page-sale';
import { describeQr } from '../terminal-qr';

const HELP = `sale --amount 10.00 --currency CNY [--gate URL] [--project ID] [--pay success|decline [--pay-delay S]] [--json]
     [--return-url URL] [--customer-ip IP] (required against a real Gate; a sandbox's page and a documentation address otherwise)
     [--qr MODE] [--time-scale X] [--sandbox-host 0.0.0.0] [--payment-id ID] [--description TEXT] [--poll-after S] [--wait S]
     [--callback-host H] [--callback-port P] [--callback-url URL] [--timeout S]
  --mode payment-page [--payment-page URL] [--lifetime S] [--poll-every S] [--not-found-grace S]: by a signed
  Payment Page link instead of Gate's QR (no callback path needed; polling learns the result).
  Runs a whole Alipay purchase. Without --gate (or GATE_URL) it starts an embedded sandbox; --sandbox-host 0.0.0.0 lets a
  phone on the same network open the QR's customer page.`;

/** `sale`: one purchase from request to final result. */
export async function saleCommand(argv: string[]): Promise<number> {
  const options = parseOptions('sale', argv, {
    ...SESSION_OPTIONS,
    amount: { type: 'string' },
    currency: { type: 'string' },
    pay: { type: 'string' },
    'pay-delay': { type: 'string' },
    json: { type: 'boolean' },
    qr: { type: 'string' },
    'time-scale': { type: 'string' },
    'sandbox-host': { type: 'string' },
    'payment-id': { type: 'string' },
    description: { type: 'string' },
    'poll-after': { type: 'string' },
    wait: { type: 'string' },
    mode: { type: 'string' },
    'payment-page': { type: 'string' },
    lifetime: { type: 'string' },
    'poll-every': { type: 'string' },
    'not-found-grace': { type: 'string' },
    ...REQUEST_FIELD_OPTIONS,
  });
  const parsed = parsePurchaseAmount(
    required(options, 'amount', 'sale'),
    required(options, 'currency', 'sale'),
  );
  if (!parsed.ok) throw new CliError(`sale: ${parsed.error.message}`);
  const money = parsed.value;
  const pay = optional(options, 'pay');
  if (pay !== undefined && pay !== 'success' && pay !== 'decline') {
    throw new CliError(`sale: --pay must be success or decline, not "${pay}"`);
  }
  const payDelayMs =
    (optional(options, 'pay-delay') !== undefined
      ? positiveNumber(options, 'pay-delay', 'sale', 1)
      : 0) * 1000;
  const json = options['json'] === true;
  const pollAfterS = positiveNumber(options, 'poll-after', 'sale', 10);
  const waitS = positiveNumber(options, 'wait', 'sale', 3600);
  const qrMode = optional(options, 'qr');
  const timeScale =
    optional(options, 'time-scale') !== undefined
      ? positiveNumber(options, 'time-scale', 'sale', 1)
      : undefined;

  const mode = optional(options, 'mode') ?? 'gate';
  if (mode !== 'gate' && mode !== 'payment-page')
    throw new CliError(`sale: --mode must be gate or payment-page, not "${mode}"`);

  const sandboxHost = optional(options, 'sandbox-host');
  const session = await openGateSession('sale', options, {
    allowed: true,
    ...(sandboxHost !== undefined ? { host: sandboxHost } : {}),
    ...(qrMode !== undefined ? { qrMode } : {}),
    ...(timeScale !== undefined ? { timeScale } : {}),
  });
  const progress = new Progress(json);
  try {
    const fields = requestFields('sale', options, session.gateUrl, {
      returnUrl: mode !== 'payment-page',
    });
    const paymentId =
      optional(options, 'payment-id') ??
      `cli-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    if (mode === 'payment-page') {
      const baseUrl = optional(options, 'payment-page');
      return await runPaymentPageSale(session, {
        paymentId,
        money,
        json,
        ...(pay ? { pay } : {}),
        payDelayMs,
        ...(baseUrl ? { baseUrl } : {}),
        lifetimeS: positiveNumber(options, 'lifetime', 'sale', 600),
        pollEveryS: positiveNumber(options, 'poll-every', 'sale', 5),
        notFoundGraceS: positiveNumber(options, 'not-found-grace', 'sale', 60),
        waitS,
      });
    }
    if (session.sandbox)
      progress.line(`Embedded Gate sandbox at ${session.gateUrl} (project ${session.projectId})`);
    const sentAt = Date.now();
    const ack = await session.client.sale({
      paymentId,
      amount: money.amount,
      currency: money.currency,
      description: optional(options, 'description') ?? `Alipay Counter CLI sale ${paymentId}`,
      customerId: walkInCustomerId(paymentId),
      customerIp: fields.customerIp,
      returnUrls: { return: fields.returnUrl },
      ...(session.callbackUrl ? { callbackUrl: session.callbackUrl } : {}),
    });
    const requestId = acknowledged(
      'sale',
      ack,
      progress,
      (id) =>
        `Sale ${paymentId}: ${formatWithCode(money.amount, money.currency)} sent to Gate (request ${id})`,
    );

    let pressed = false;
    const press = async () => {
      if (pressed || pay === undefined) return;
      pressed = true;
      if (payDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, payDelayMs));
      progress.line(
        `Customer presses ${pay === 'success' ? 'Success' : 'Decline'} on the sandbox's customer page`,
      );
      await pressCustomerButton(session.gateUrl, session.projectId, paymentId, pay);
    };
    const pressFailure = new Promise<never>((_, reject) => {
      // Without an intermediate callback (dropped, unreachable), still press after a moment.
      if (pay !== undefined) setTimeout(() => press().catch(reject), 1000 + payDelayMs).unref();
    });
    pressFailure.catch(() => {});

    const outcome = await Promise.race([
      watchOutcome(session, {
        paymentId,
        sentAt,
        schedule: {
          firstAfterMs: pollAfterS * 1000,
          maxIntervalMs: 60_000,
          thresholdMs: waitS * 1000,
        },
        fromCallback: (callback) => saleOutcome(callback, money),
        fromStatus: (status) => statusOutcome(status),
        onOther: (callback) => {
          const instructions = customerInstructions(callback);
          if (!instructions) return;
          void describeQr(instructions.qr, paymentId).then((lines) => {
            for (const line of lines) progress.line(line);
            if (instructions.qrTimeoutSeconds)
              progress.countdown(instructions.qrTimeoutSeconds, 'Waiting for the customer');
            press().catch(() => {});
          });
        },
        onProgress: (line) => progress.line(line),
      }),
      pressFailure,
    ]);
    progress.stopCountdown();
    if (!outcome) {
      throw new CliError(
        `sale: no final result for ${paymentId} after ${waitS} s; the outcome is unknown. ` +
          `Check later: npm run -s cli -- status --payment-id ${paymentId} --project ${session.projectId}`,
        EXIT.unknown,
      );
    }
    report(json, progress, { paymentId, projectId: session.projectId, requestId, money, outcome });
    return outcome.status === 'success' ? EXIT.ok : EXIT.declined;
  } finally {
    progress.stopCountdown();
    await session.close();
  }
}

saleCommand.help = HELP;

/** The final outcome of the sale in a callback, after checking it is about what we charged. */
function saleOutcome(callback: GateCallback, money: Money): Outcome | undefined {
  const status = callback.payment.status;
  if (status !== 'success' && status !== 'decline') return undefined;
  if (callback.operation && callback.operation.type !== 'sale') return undefined;
  const sum = callback.operation?.sum_initial ?? callback.payment.sum;
  if (sum && (sum.amount !== money.amount || sum.currency !== money.currency)) {
    throw new CliError(
      `sale: the final callback reports ${sum.amount} ${sum.currency} (minor units) but the sale was ${formatWithCode(money.amount, money.currency)}; not trusted`,
    );
  }
  return {
    status,
    code: callback.operation?.code ?? '',
    message: callback.operation?.message ?? '',
    via: 'callback',
  };
}

interface SaleReport {
  paymentId: string;
  projectId: number;
  requestId: string | undefined;
  money: Money;
  outcome: Outcome;
}

function report(json: boolean, progress: Progress, r: SaleReport): void {
  if (json) {
    const result = {
      payment_id: r.paymentId,
      project_id: r.projectId,
      request_id: r.requestId ?? null,
      status: r.outcome.status,
      code: r.outcome.code,
      message: r.outcome.message,
      amount: r.money.amount,
      currency: r.money.currency,
      learned_from: r.outcome.via,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const word = r.outcome.status === 'success' ? 'PAID' : 'DECLINED';
  progress.line(
    `${word} ${formatWithCode(r.money.amount, r.money.currency)} · payment ${r.paymentId} · ${r.outcome.code} ${r.outcome.message} (from ${r.outcome.via})`,
  );
}
