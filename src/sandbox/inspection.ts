import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './fault-injector';
import { readBody, sendJson, sendText } from './http-io';
import { customerUrl, isFinal } from './payment-lifecycle';
import type { SandboxContext } from './sandbox-context';
import type { SandboxFaults, SandboxPayment } from './sandbox-types';

/** `fields` of a record under Gate's snake_case names (`requestId` → `request_id`), unset as null. */
function snakeCased<T extends object>(
  record: T,
  fields: ReadonlyArray<keyof T & string>,
): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((field) => [
      field.replace(/[A-Z]/g, (capital) => `_${capital.toLowerCase()}`),
      record[field] ?? null,
    ]),
  );
}

/**
 * A payment as tests and `--pay` see it through `/sandbox/payments/...`: the sandbox's truth,
 * including where the customer page is and every callback delivery attempt.
 */
export function inspectPayment(
  ctx: SandboxContext,
  payment: SandboxPayment,
): Record<string, unknown> {
  return {
    project_id: payment.projectId,
    payment_id: payment.id,
    status: payment.status,
    final: isFinal(payment),
    ...snakeCased(payment, ['amount', 'currency', 'refunded', 'source', 'qrMode']),
    customer_url: customerUrl(ctx, payment),
    qr_expires_at: new Date(payment.qrExpiresAt).toISOString(),
    customer_action: payment.customerAction ?? null,
    operations: payment.operations.map((operation) =>
      snakeCased(operation, [
        'id',
        'type',
        'status',
        'amount',
        'requestId',
        'code',
        'message',
        'merchantRefundId',
      ]),
    ),
    callbacks: payment.callbacks.map((callback) => ({
      ...snakeCased(callback, ['kind', 'url', 'delivered', 'finished']),
      attempts: callback.attempts.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
    })),
  };
}

/**
 * `/sandbox/...`: health, one payment as the sandbox holds it, and the fault modes tests set
 * (POST a JSON object, DELETE to clear).
 */
export async function inspectionRoute(
  ctx: SandboxContext,
  faults: FaultInjector,
  path: string,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (path === '/sandbox/health') return sendJson(res, 200, { ok: true, payments: ctx.store.size });
  const inspect = /^\/sandbox\/payments\/(\d+)\/(.+)$/.exec(path);
  if (inspect && method === 'GET') {
    const payment = ctx.store.get(Number(inspect[1]), decodeURIComponent(inspect[2]!));
    if (!payment) return sendJson(res, 404, { error: 'no such payment' });
    return sendJson(res, 200, inspectPayment(ctx, payment));
  }
  if (path === '/sandbox/faults') {
    if (method === 'DELETE') {
      faults.set({});
      return sendJson(res, 200, {});
    }
    if (method === 'POST') {
      const text = await readBody(req);
      try {
        const set = JSON.parse(text ?? '') as SandboxFaults;
        faults.set(set);
        return sendJson(res, 200, set);
      } catch {
        return sendJson(res, 400, { error: 'faults must be a JSON object' });
      }
    }
    if (method === 'GET') return sendJson(res, 200, faults.current());
  }
  sendText(res, 404, 'not found');
}
