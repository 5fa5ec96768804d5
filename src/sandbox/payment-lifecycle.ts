import { GATE_CODES, DECLINED_PURCHASE_AMOUNTS, type GateCode } from './gate-codes';
import { callbackBody } from './gate-messages';
import { randomId, saleOperation } from './payment-store';
import { qrPng } from './qr-image';
import type { SandboxContext } from './sandbox-context';
import type { CallbackDelivery, QrMode, SandboxOperation, SandboxPayment } from './sandbox-types';

/** What a new payment starts from: what its request said. */
export type NewPayment = Pick<
  SandboxPayment,
  | 'projectId'
  | 'id'
  | 'amount'
  | 'currency'
  | 'description'
  | 'customerId'
  | 'callbackUrl'
  | 'returnUrls'
  | 'source'
>;

/** How long Gate waits for clarification data before it gives up. */
const CLARIFICATION_WAIT_SECONDS = 30 * 60;

/** The customer fields a clarification asks for: what only the customer can give. */
const CLARIFICATION_FIELDS = { customer: ['first_name', 'last_name', 'phone', 'email'] };

const FINAL = new Set(['success', 'decline', 'partially refunded', 'refunded']);

/** True once a purchase has its result. */
export function isFinal(payment: SandboxPayment): boolean {
  return FINAL.has(payment.status);
}

/** URL of the customer page: what the QR code holds. */
export function customerUrl(ctx: SandboxContext, payment: SandboxPayment): string {
  return `${ctx.settings.publicUrl}/customer/${payment.token}`;
}

/** Seconds the QR lives, as reported in `QR Code Timeout` (scaled, at least 1). */
export function reportedQrTimeout(ctx: SandboxContext): number {
  return Math.max(1, Math.round(ctx.clock.toRealMs(ctx.settings.qrTimeoutSeconds) / 1000));
}

/**
 * Opens a purchase: stores it with its sale operation, starts the threshold timer, and for Gate
 * sales sends the intermediate callback with the QR.
 */
export function openPayment(ctx: SandboxContext, input: NewPayment): SandboxPayment {
  const project = ctx.projects.get(input.projectId);
  const qrMode: QrMode = project?.qrMode ?? 'qr_data';
  const now = new Date();
  const callbackUrl = input.callbackUrl ?? project?.callbackUrl;
  const payment: SandboxPayment = {
    ...input,
    ...(callbackUrl !== undefined ? { callbackUrl } : {}),
    createdAt: now,
    token: randomId(),
    qrMode,
    status: 'processing',
    operations: [],
    refunded: 0,
    refundsPending: 0,
    qrExpiresAt: Date.now() + reportedQrTimeout(ctx) * 1000,
    callbacks: [],
    cancelTimers: [],
    clarification: input.source === 'gate' && project?.clarification === true,
  };
  payment.operations.push(newOperation(ctx, payment, 'sale', input.amount));
  ctx.store.add(payment);
  payment.cancelTimers.push(
    ctx.clock.after(ctx.settings.thresholdSeconds, () => {
      if (!isFinal(payment)) settleSale(ctx, payment, 'decline', GATE_CODES.timeOut);
    }),
  );
  if (payment.clarification) {
    // Nothing a counter can send answers it: after Gate's wait the payment is declined.
    payment.cancelTimers.push(
      ctx.clock.after(CLARIFICATION_WAIT_SECONDS, () => {
        if (!isFinal(payment)) settleSale(ctx, payment, 'decline', GATE_CODES.needClarification);
      }),
    );
  }
  awaitCustomer(payment);
  if (input.source === 'gate') void sendIntermediate(ctx, payment);
  return payment;
}

function awaitCustomer(payment: SandboxPayment): void {
  const status = payment.clarification
    ? 'awaiting clarification'
    : payment.qrMode.startsWith('redirect')
      ? 'awaiting redirect result'
      : 'awaiting customer action';
  payment.status = status;
  const sale = saleOperation(payment);
  sale.status = status;
  sale.code = GATE_CODES.awaitingProcessing.code;
  sale.message = GATE_CODES.awaitingProcessing.message;
}

export function newOperation(
  ctx: SandboxContext,
  payment: SandboxPayment,
  type: 'sale' | 'refund',
  amount: number,
  merchantRefundId?: string,
): SandboxOperation {
  const now = new Date();
  return {
    id: ctx.store.operationId(),
    type,
    status: 'processing',
    requestId: randomId(20),
    amount,
    currency: payment.currency,
    createdAt: now,
    date: now,
    code: GATE_CODES.awaitingProcessing.code,
    message: GATE_CODES.awaitingProcessing.message,
    providerPaymentId: randomId(16),
    ...(merchantRefundId !== undefined ? { merchantRefundId } : {}),
  };
}

/** The QR part of the intermediate callback, in the project's QR mode (seed formats). */
async function customerInstructions(
  ctx: SandboxContext,
  payment: SandboxPayment,
): Promise<Record<string, unknown>> {
  const url = customerUrl(ctx, payment);
  const timeout = {
    type: 'add_info',
    title: 'QR Code Timeout',
    data: String(reportedQrTimeout(ctx)),
  };
  switch (payment.qrMode) {
    case 'qr_data':
      return { display_data: [{ type: 'qr_data', title: 'QR code', data: url }, timeout] };
    case 'qr_url':
      return {
        display_data: [
          {
            type: 'qr_url',
            title: 'QR code',
            data: `${ctx.settings.publicUrl}/qr/${payment.token}.png`,
          },
          timeout,
        ],
      };
    case 'qr_img':
      return {
        display_data: [
          { type: 'qr_img', title: 'QR code', data: (await qrPng(url)).toString('base64') },
          timeout,
        ],
      };
    case 'redirect':
      return { redirect_data: { method: 'GET', url, body: [], encrypted: [] } };
    case 'redirect_post':
      return {
        redirect_data: {
          method: 'POST',
          url,
          body: {
            order_no: payment.token,
            amount: String(payment.amount),
            payment_channel: 'ALIPAY',
          },
          encrypted: [],
        },
      };
  }
}

async function sendIntermediate(ctx: SandboxContext, payment: SandboxPayment): Promise<void> {
  const instructions = payment.clarification
    ? { clarification_fields: CLARIFICATION_FIELDS }
    : await customerInstructions(ctx, payment);
  payment.instructions = instructions;
  const delivery = newDelivery(ctx, payment, 'intermediate', saleOperation(payment), instructions);
  if (!delivery) return;
  if (ctx.faults().finalBeforeIntermediate && !isFinal(payment))
    payment.heldIntermediate = delivery;
  else ctx.sender.deliver(delivery);
}

export function newDelivery(
  ctx: SandboxContext,
  payment: SandboxPayment,
  kind: CallbackDelivery['kind'],
  operation: SandboxOperation,
  extra?: Record<string, unknown>,
  url = payment.callbackUrl,
): CallbackDelivery | undefined {
  if (url === undefined) return undefined;
  const project = ctx.projects.get(payment.projectId);
  if (!project) return undefined;
  const delivery: CallbackDelivery = {
    kind,
    url,
    body: callbackBody(payment, operation, project.secret, extra),
    attempts: [],
    delivered: false,
    finished: false,
  };
  payment.callbacks.push(delivery);
  return delivery;
}

/** What pressing a button on the customer page led to. */
export type CustomerOutcome = 'settled' | 'expired' | 'already_final' | 'needs_clarification';

/**
 * The customer pressed Success or Decline. Test amounts 40000 and 40400 end declined whichever
 * button it was (seed: "Testing"); otherwise the button decides.
 */
export function customerActs(
  ctx: SandboxContext,
  payment: SandboxPayment,
  action: 'success' | 'decline',
  lastName?: string,
): CustomerOutcome {
  if (isFinal(payment)) return 'already_final';
  if (payment.clarification) return 'needs_clarification';
  if (Date.now() > payment.qrExpiresAt) return 'expired';
  payment.customerAction = action;
  if (lastName !== undefined) payment.customerLastName = lastName;
  if (DECLINED_PURCHASE_AMOUNTS.has(payment.amount))
    settleSale(ctx, payment, 'decline', GATE_CODES.insufficientFunds);
  else if (action === 'decline') settleSale(ctx, payment, 'decline', GATE_CODES.generalDecline);
  else settleSale(ctx, payment, 'success', GATE_CODES.success);
  return 'settled';
}

/** Gives a purchase its result and sends the final callback. */
function settleSale(
  ctx: SandboxContext,
  payment: SandboxPayment,
  status: 'success' | 'decline',
  code: GateCode,
): void {
  for (const cancel of payment.cancelTimers) cancel();
  payment.cancelTimers = [];
  const sale = saleOperation(payment);
  sale.status = status;
  sale.code = code.code;
  sale.message = code.message;
  sale.date = new Date();
  payment.status = status;
  ctx.log(`payment ${payment.projectId}/${payment.id}: ${status} (${code.code} ${code.message})`);
  const delivery = newDelivery(ctx, payment, 'final', sale);
  if (delivery) ctx.sender.deliver(delivery);
  if (payment.heldIntermediate) {
    ctx.sender.deliver(payment.heldIntermediate);
    delete payment.heldIntermediate;
  }
}
