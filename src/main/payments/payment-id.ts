import { randomBytes } from 'node:crypto';

/**
 * A new payment id: terminal id, local date and time, and random hex, e.g.
 * `T01-261125-184712-9f3a`. Unique within the project and readable on a
 * receipt. It is the sale's idempotency key: minted once, never for a retry.
 */
export function newPaymentId(terminalId: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${pad(now.getFullYear() % 100)}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${terminalId}-${date}-${time}-${randomBytes(3).toString('hex')}`;
}
