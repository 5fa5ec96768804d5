import { verify } from '../protocol/signer/verify';
import { CURRENCY_EXPONENTS } from '../shared/money/currencies';
import { amountText } from './customer-page';
import { GATE_CODES, type GateCode } from './gate-codes';
import { escapeHtml, page } from './html';
import { openPayment } from './payment-lifecycle';
import type { SandboxContext } from './sandbox-context';
import type { SandboxProject } from './sandbox-types';

/** What a Payment Page route answers: a page, or a redirect to the customer page. */
export type PageAnswer =
  { readonly status: number; readonly html: string } | { readonly redirect: string };

/** Parameters Payment Page requires for an Alipay purchase (seed: "Purchases via Payment Page"). */
const REQUIRED = [
  'payment_id',
  'payment_amount',
  'payment_currency',
  'customer_id',
  'language_code',
] as const;

interface VerifiedLink {
  readonly project: SandboxProject;
  readonly params: Record<string, string>;
  readonly query: string;
}

function errorPage(code: GateCode, detail?: string): PageAnswer {
  const message = detail ? `${code.message}: ${detail}` : code.message;
  return {
    status: 400,
    html: page(
      'Payment Page error',
      `<div class="state bad">Payment cannot be opened · 无法打开支付页面</div>
<div class="muted">${escapeHtml(`${code.code} ${message}`)}</div>`,
    ),
  };
}

/**
 * Checks a Payment Page link as ecommpay would: project, signature over every parameter except
 * `signature` and top-level `_`-prefixed ones, required parameters, amount, currency, limits and
 * `best_before`. Booleans written `true`/`false` are also accepted as signed `1`/`0`.
 */
function verifyLink(ctx: SandboxContext, query: string): VerifiedLink | PageAnswer {
  const search = new URLSearchParams(query);
  const params: Record<string, string> = {};
  for (const [key, value] of search) {
    if (key === 'signature' || key.startsWith('_') || key in params) continue;
    params[key] = value;
  }
  const projectId = params['project_id'];
  if (!projectId) return errorPage(GATE_CODES.requiredField, 'project_id');
  const project = /^\d+$/.test(projectId) ? ctx.projects.get(Number(projectId)) : undefined;
  if (!project) return errorPage(GATE_CODES.projectNotFound, projectId);
  const signature = search.get('signature');
  if (!signature) return errorPage(GATE_CODES.emptySignature);
  const asBooleans = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, v === 'true' ? '1' : v === 'false' ? '0' : v]),
  );
  if (
    !verify({ ...params, signature }, project.secret).valid &&
    !verify({ ...asBooleans, signature }, project.secret).valid
  ) {
    return errorPage(GATE_CODES.invalidSignature);
  }
  for (const name of REQUIRED) if (!params[name]) return errorPage(GATE_CODES.requiredField, name);
  const amount = Number(params['payment_amount']);
  if (!/^\d+$/.test(params['payment_amount']!) || !Number.isSafeInteger(amount) || amount <= 0) {
    return errorPage(
      GATE_CODES.validationError,
      'payment_amount must be a positive integer in minor units',
    );
  }
  if (!Object.hasOwn(CURRENCY_EXPONENTS, params['payment_currency']!)) {
    return errorPage(
      GATE_CODES.validationError,
      `payment_currency ${params['payment_currency']} is not available for alipay`,
    );
  }
  const bestBefore = params['best_before'];
  if (bestBefore !== undefined && Date.parse(bestBefore) < Date.now()) {
    return errorPage(GATE_CODES.validationError, `the link expired at best_before ${bestBefore}`);
  }
  return { project, params, query };
}

function isPage(value: VerifiedLink | PageAnswer): value is PageAnswer {
  return 'html' in value || 'redirect' in value;
}

function summary(link: VerifiedLink): string {
  const p = link.params;
  return `<div class="muted">Project ${escapeHtml(p['project_id']!)} · 商户</div>
<div class="amount">${escapeHtml(amountText(Number(p['payment_amount']), p['payment_currency']!))}</div>
<div class="muted">Payment ${escapeHtml(p['payment_id']!)}</div>`;
}

/** `GET /payment?...`: the method choice, or straight to Alipay with `force_payment_method=alipay`. */
export function showPaymentPage(ctx: SandboxContext, query: string): PageAnswer {
  const link = verifyLink(ctx, query);
  if (isPage(link)) return link;
  const existing = ctx.store.get(link.project.id, link.params['payment_id']!);
  if (existing) {
    return existing.source === 'payment_page'
      ? { redirect: `/customer/${existing.token}` }
      : errorPage(GATE_CODES.paymentIdExists);
  }
  if (link.params['force_payment_method'] === 'alipay') return alipayInstructions(link);
  return {
    status: 200,
    html: page(
      'Payment Page',
      `${summary(link)}
<div class="state">Choose a payment method · 选择支付方式</div>
<form method="post" action="/payment/method">
  <input type="hidden" name="q" value="${escapeHtml(link.query)}">
  <button class="primary" type="submit" name="method" value="alipay">Alipay · 支付宝</button>
</form>`,
    ),
  };
}

/** `POST /payment/method`: the customer chose Alipay. */
export function chooseMethod(ctx: SandboxContext, form: URLSearchParams): PageAnswer {
  const link = verifyLink(ctx, form.get('q') ?? '');
  if (isPage(link)) return link;
  return alipayInstructions(link);
}

function alipayInstructions(link: VerifiedLink): PageAnswer {
  return {
    status: 200,
    html: page(
      'Payment Page · Alipay',
      `${summary(link)}
<div class="state">Pay with Alipay · 使用支付宝付款</div>
<div class="muted">Press Pay to continue in Alipay. 点击“支付”继续。</div>
<form method="post" action="/payment/pay">
  <input type="hidden" name="q" value="${escapeHtml(link.query)}">
  <button class="primary" type="submit">Pay · 支付</button>
</form>`,
    ),
  };
}

/**
 * `POST /payment/pay`: the customer confirmed the form. Only now does the payment exist in Gate
 * (status answers 3061 before this); the customer continues on the Success/Decline page.
 */
export function confirmPayment(ctx: SandboxContext, form: URLSearchParams): PageAnswer {
  const link = verifyLink(ctx, form.get('q') ?? '');
  if (isPage(link)) return link;
  const p = link.params;
  const existing = ctx.store.get(link.project.id, p['payment_id']!);
  if (existing) {
    return existing.source === 'payment_page'
      ? { redirect: `/customer/${existing.token}` }
      : errorPage(GATE_CODES.paymentIdExists);
  }
  const payment = openPayment(ctx, {
    projectId: link.project.id,
    id: p['payment_id']!,
    amount: Number(p['payment_amount']),
    currency: p['payment_currency']!,
    description: p['payment_description'] ?? '',
    customerId: p['customer_id']!,
    source: 'payment_page',
    ...(p['merchant_callback_url'] ? { callbackUrl: p['merchant_callback_url'] } : {}),
  });
  ctx.log(`payment page ${link.project.id}/${payment.id}: confirmed by the customer`);
  return { redirect: `/customer/${payment.token}` };
}
