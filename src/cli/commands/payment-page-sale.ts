import { bestBeforeText, PRODUCTION_PAYMENT_PAGE_URL } from '../../main/gate';
import { formatWithCode, type Money } from '../../shared/money';
import { walkInCustomerId } from '../../main/payments/gate-qr-sale';
import { CliError, EXIT } from '../cli-error';
import { payOnPaymentPage } from '../customer-simulator';
import type { GateSession } from '../gate-session';
import { statusOutcome } from '../outcome-watcher';
import { Progress } from '../progress';
import { describeQr } from '../terminal-qr';

/** What a Payment Page sale needs besides the session. */
export interface PaymentPageSale {
  readonly paymentId: string;
  readonly money: Money;
  readonly json: boolean;
  readonly pay?: 'success' | 'decline';
  readonly payDelayMs: number;
  /** Payment Page base URL; the embedded sandbox's, else production. */
  readonly baseUrl?: string;
  readonly lifetimeS: number;
  readonly pollEveryS: number;
  /** After best_before, how long Gate's "not found" may still mean "confirmed at the last second". */
  readonly notFoundGraceS: number;
  /** After the link expired, how long a payment Gate has but has not settled is waited for. */
  readonly waitS: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A purchase through a signed Payment Page link (issue 5): the link is the QR, nothing is sent
 * to Gate, and status polling learns the result ("3061 not found" until the customer confirms
 * the form). The link expires with its best_before; then nothing was charged.
 */
export async function runPaymentPageSale(
  session: GateSession,
  sale: PaymentPageSale,
): Promise<number> {
  const progress = new Progress(sale.json);
  const expiresAt = Date.now() + sale.lifetimeS * 1000;
  const link = session.paymentPageLink(
    sale.baseUrl ?? session.sandbox?.url ?? PRODUCTION_PAYMENT_PAGE_URL,
    {
      project_id: session.projectId,
      payment_id: sale.paymentId,
      payment_amount: sale.money.amount,
      payment_currency: sale.money.currency,
      customer_id: walkInCustomerId(sale.paymentId),
      language_code: 'zh',
      force_payment_method: 'alipay',
      best_before: bestBeforeText(expiresAt),
      ...(session.callbackUrl ? { merchant_callback_url: session.callbackUrl } : {}),
    },
  );
  if (!link.ok) throw new CliError(`sale: ${link.error.message}`);
  progress.line(
    `Sale ${sale.paymentId}: ${formatWithCode(sale.money.amount, sale.money.currency)} by Payment Page link (scan with the phone's camera)`,
  );
  for (const line of await describeQr({ kind: 'qr_data', data: link.value }, sale.paymentId))
    progress.line(line);
  progress.countdown(sale.lifetimeS, 'Waiting for the customer');
  if (sale.pay) {
    void sleep(sale.payDelayMs).then(() =>
      payOnPaymentPage(link.value, sale.pay!).catch((error: Error) =>
        progress.line(`the customer could not pay: ${error.message}`),
      ),
    );
  }
  const giveUpAt = expiresAt + sale.waitS * 1000;
  try {
    while (Date.now() < giveUpAt) {
      await sleep(sale.pollEveryS * 1000);
      const answer = await session.client.status(sale.paymentId);
      const final =
        answer.ok && answer.value.found ? statusOutcome(answer.value.status) : undefined;
      if (final) {
        report(sale, progress, final);
        return final.status === 'success' ? EXIT.ok : EXIT.declined;
      }
      // Gate may still say "not found" for a while about a customer who confirmed at the last
      // second: the link counts as expired unpaid only after the grace period (as in the app).
      const expired = Date.now() > expiresAt + sale.notFoundGraceS * 1000;
      if (expired && answer.ok && !answer.value.found) {
        report(sale, progress, {
          status: 'expired',
          code: answer.value.code,
          message: 'The link expired unpaid; nothing was charged.',
        });
        return EXIT.declined;
      }
    }
    throw new CliError(
      `sale: no final result for ${sale.paymentId} ${sale.waitS} s after the link expired; the outcome is unknown. ` +
        `Check later: npm run -s cli -- status --payment-id ${sale.paymentId} --project ${session.projectId}`,
      EXIT.unknown,
    );
  } finally {
    progress.stopCountdown();
  }
}

interface Final {
  readonly status: 'success' | 'decline' | 'expired';
  readonly code: string;
  readonly message: string;
}

function report(sale: PaymentPageSale, progress: Progress, final: Final): void {
  progress.stopCountdown();
  if (sale.json) {
    process.stdout.write(
      `${JSON.stringify({ payment_id: sale.paymentId, mode: 'payment-page', status: final.status, code: final.code, message: final.message, amount: sale.money.amount, currency: sale.money.currency, learned_from: 'status' })}\n`,
    );
    return;
  }
  const word =
    final.status === 'success' ? 'PAID' : final.status === 'decline' ? 'DECLINED' : 'EXPIRED';
  progress.line(
    `${word} ${formatWithCode(sale.money.amount, sale.money.currency)} · payment ${sale.paymentId} · ${final.code} ${final.message}`,
  );
}
