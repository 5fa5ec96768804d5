import { randomBytes } from 'node:crypto';
import type { SandboxOperation, SandboxPayment } from './sandbox-types';

/**
 * The sandbox's in-memory state: payments by project and id, customer-page tokens, refund ids
 * and request ids. Every lookup is a Map lookup, so thousands of payments cost nothing.
 */
export class PaymentStore {
  private readonly payments = new Map<string, SandboxPayment>();
  private readonly byToken = new Map<string, SandboxPayment>();
  private readonly refundIds = new Set<string>();
  private nextOperationId = 20_891_000_000_001;

  /** The payment `id` of project `projectId`, if it exists. */
  get(projectId: number, id: string): SandboxPayment | undefined {
    return this.payments.get(key(projectId, id));
  }

  /** The payment whose customer page has this token. */
  byCustomerToken(token: string): SandboxPayment | undefined {
    return this.byToken.get(token);
  }

  /** Stores a new payment. */
  add(payment: SandboxPayment): void {
    this.payments.set(key(payment.projectId, payment.id), payment);
    this.byToken.set(payment.token, payment);
  }

  /** Records a refund id; false when the project already used it. */
  claimRefundId(projectId: number, merchantRefundId: string): boolean {
    const k = key(projectId, merchantRefundId);
    if (this.refundIds.has(k)) return false;
    this.refundIds.add(k);
    return true;
  }

  /** A fresh operation id (integers as Gate uses, below 2^53). */
  operationId(): number {
    return this.nextOperationId++;
  }

  /** Number of payments held. */
  get size(): number {
    return this.payments.size;
  }

  /** Every payment (for inspection). */
  all(): IterableIterator<SandboxPayment> {
    return this.payments.values();
  }
}

function key(projectId: number, id: string): string {
  return `${projectId}\u0000${id}`;
}

/** A random id of `bytes` bytes in hex. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

/** The sale operation of a payment (always the first). */
export function saleOperation(payment: SandboxPayment): SandboxOperation {
  const sale = payment.operations[0];
  if (!sale || sale.type !== 'sale') throw new Error(`payment ${payment.id} has no sale operation`);
  return sale;
}

/** What can still be refunded, counting refunds in flight. */
export function refundable(payment: SandboxPayment): number {
  return payment.amount - payment.refunded - payment.refundsPending;
}
