import { formatWithCode, isCurrency } from '../shared/money';
import { escapeHtml, page } from './html';
import { isFinal } from './payment-lifecycle';
import type { SandboxPayment } from './sandbox-types';

/** "12.50 CNY" when the currency is known, else the raw minor units. */
export function amountText(amount: number, currency: string): string {
  return isCurrency(currency)
    ? formatWithCode(amount, currency)
    : `${amount} (minor units) ${currency}`;
}

/**
 * The page behind the QR code, standing in for the Alipay app: the customer sees the amount and
 * presses Success or Decline, as in ecommpay's own test flow. Payment Page purchases also ask
 * for a last name, as the seed's test flow does.
 */
export function customerPage(payment: SandboxPayment, now = Date.now()): string {
  const head = `
<div class="muted">Pay to project ${payment.projectId} · 付款给商户 ${payment.projectId}</div>
<div class="amount">${escapeHtml(amountText(payment.amount, payment.currency))}</div>
<div class="muted">Payment ${escapeHtml(payment.id)}</div>`;
  if (isFinal(payment)) return page('Alipay sandbox', head + resultBlock(payment));
  if (payment.clarification)
    return page(
      'Alipay sandbox',
      `${head}
<div class="state warn">Waiting for the merchant · 等待商户</div>
<div class="muted">Alipay asked the shop for your details; this code cannot be paid here. 此二维码无法在此付款。</div>`,
    );
  if (now > payment.qrExpiresAt) {
    return page(
      'Alipay sandbox',
      `${head}
<div class="state warn">QR code expired · 二维码已过期</div>
<div class="muted">Ask the cashier for a new code. 请向收银员索取新的二维码。</div>`,
    );
  }
  const lastName =
    payment.source === 'payment_page'
      ? `<label>Last name · 姓 <input type="text" name="last_name" required autocomplete="family-name"></label>`
      : '';
  return page(
    'Alipay sandbox',
    `${head}
<form method="post" action="/customer/${escapeHtml(payment.token)}">
  ${lastName}
  <button class="success" type="submit" name="action" value="success">Success · 支付成功</button>
  <button class="decline" type="submit" name="action" value="decline">Decline · 拒绝支付</button>
</form>`,
  );
}

function resultBlock(payment: SandboxPayment): string {
  const sale = payment.operations[0];
  if (payment.status === 'decline') {
    return `<div class="state bad">Declined · 支付失败</div>
<div class="muted">${escapeHtml(`${sale?.code ?? ''} ${sale?.message ?? ''}`)}</div>${backLink(payment.returnUrls?.return)}`;
  }
  return `<div class="state ok">Paid · 支付成功</div>${backLink(payment.returnUrls?.success ?? payment.returnUrls?.return)}`;
}

/** The way back to the shop (the sale's return_url), as Alipay offers it after paying. */
function backLink(url: string | undefined): string {
  if (url === undefined)
    return '<div class="muted">You can close this page. 您可以关闭此页面。</div>';
  return `<div class="muted"><a href="${escapeHtml(url)}">Back to the shop · 返回商户</a></div>`;
}

/** The sandbox's own return page: where a demo sale sends the customer's phone afterwards. */
export function returnPage(): string {
  return page(
    'Alipay sandbox',
    '<div class="state ok">Back at the shop · 已返回商户</div><div class="muted">You can close this page. 您可以关闭此页面。</div>',
  );
}

/** A page for a customer link that leads nowhere. */
export function notFoundPage(): string {
  return page('Alipay sandbox', '<div class="state bad">Unknown payment · 未知订单</div>');
}
