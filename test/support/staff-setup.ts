import { EventEmitter } from 'node:events';
import { Journal } from '../../src/main/journal/journal';
import type { PaymentRecord } from '../../src/main/journal/payment-record';
import { ok, type ErrorCode, type Result } from '../../src/shared/result';
import { ShiftService } from '../../src/main/shifts/shift-service';
import { StaffActions } from '../../src/main/shifts/staff-actions';
import { StaffAuthority } from '../../src/main/shifts/staff-authority';
import type { Role } from '../../src/main/staff/roles';
import { StaffDirectory, type StaffView } from '../../src/main/staff/staff-directory';
import { StaffPinMarks } from '../../src/main/staff/staff-pin-marks';
import { StaffPins } from '../../src/main/staff/staff-pins';
import type { RefundService } from '../../src/main/payments/refund-service';
import { CounterKeys } from '../../src/main/secrets/counter-keys';
import { createMemorySecretStore } from '../../src/main/secrets/secret-store';

/** scrypt cheap enough for unit tests (the bench measures the real cost). */
export const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

/** A sale screen the tests put a sale on and take it off. */
export class FakeSaleScreen {
  readonly changes = new EventEmitter<{ change: [] }>();
  active: string | undefined;
  /** The amounts the desk was asked to charge. */
  readonly charged: string[] = [];
  show(id: string | undefined): void {
    this.active = id;
    this.changes.emit('change');
  }
  /** Charging puts the sale on screen (its record is all the tests need of it). */
  async charge(amount: string, currency: string): Promise<Result<PaymentRecord, ErrorCode>> {
    this.charged.push(`${amount} ${currency}`);
    const id = `p${this.charged.length}`;
    this.show(id);
    return ok({ id } as PaymentRecord);
  }
  async retryAsLink(paymentId: string): Promise<Result<PaymentRecord, ErrorCode>> {
    return ok({ id: paymentId } as PaymentRecord);
  }
}

/** A counter's staff on a journal of its own, with a clock and a sale screen the test moves. */
export async function staffCounter(
  options: {
    mode?: 'demo' | 'live';
    path?: string;
    refunds?: (journal: Journal) => RefundService;
  } = {},
) {
  const journal = new Journal(options.path ?? ':memory:');
  const store = createMemorySecretStore();
  const keys = new CounterKeys(store, journal.auditTrail);
  await keys.load();
  const clock = { now: Date.parse('2026-12-01T09:00:00Z') };
  const now = () => clock.now;
  const screen = new FakeSaleScreen();
  const pins = new StaffPins(journal, keys, now, new StaffPinMarks(store), FAST_SCRYPT);
  const directory = new StaffDirectory(journal, pins, options.mode ?? 'live', now);
  const shifts = new ShiftService({
    journal,
    pins,
    now,
    saleIdle: () => screen.active === undefined,
    onSaleChange: (listener) => {
      screen.changes.on('change', listener);
      return () => screen.changes.off('change', listener);
    },
  });
  const authority = new StaffAuthority({ journal, pins, shifts });
  const actions = new StaffActions({
    journal,
    authority,
    refunds: options.refunds?.(journal) ?? ({} as RefundService),
    desk: screen,
    now,
  });
  const first = await directory.addFirstManager('Mia', '918273');
  if (!first.ok) throw new Error(first.error.message);
  const mia = first.value;
  const by = { allowed: true, by: mia.id, authorisedBy: null } as const;
  /** Adds a member with a PIN, as the manager Mia. */
  const add = async (name: string, role: Role, pin: string): Promise<StaffView> => {
    const added = await directory.add(by, name, role, pin);
    if (!added.ok) throw new Error(added.error.message);
    return added.value;
  };
  return {
    journal,
    store,
    keys,
    clock,
    screen,
    pins,
    directory,
    shifts,
    authority,
    actions,
    mia,
    by,
    add,
  };
}
