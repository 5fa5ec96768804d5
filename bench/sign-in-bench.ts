import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../src/main/journal/journal';
import { PIN_SCRYPT } from '../src/main/manager/pin-hash';
import { CounterKeys } from '../src/main/secrets/counter-keys';
import { createMemorySecretStore } from '../src/main/secrets/secret-store';
import { ShiftService } from '../src/main/shifts/shift-service';
import { StaffAuthority } from '../src/main/shifts/staff-authority';
import { StaffDirectory } from '../src/main/staff/staff-directory';
import { StaffPinMarks } from '../src/main/staff/staff-pin-marks';
import { StaffPins } from '../src/main/staff/staff-pins';
import { median, percentile } from './stats';

/** How long signing in takes, from the PIN typed to a shift open and the role known. */
export interface SignInFigures {
  readonly N: number;
  readonly signIns: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Times `signIns` sign-ins of a cashier at the production scrypt cost (keys in memory, journal
 * on disk with synchronous=FULL): the PIN check, the shift opened in the journal with its audit
 * entry, and the role rule the sale screen asks first. Each is followed by a sign-out (not
 * timed), so every sign-in opens a new shift. One warm-up first.
 */
export async function benchSignIn(signIns = 20): Promise<SignInFigures> {
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'sign-in-')), 'journal.sqlite'));
  const store = createMemorySecretStore();
  const keys = new CounterKeys(store);
  await keys.load();
  const pins = new StaffPins(journal, keys, Date.now, new StaffPinMarks(store), PIN_SCRYPT);
  const directory = new StaffDirectory(journal, pins, 'live', Date.now);
  const shifts = new ShiftService({
    journal,
    pins,
    now: Date.now,
    saleIdle: () => true,
    onSaleChange: () => () => {},
  });
  const authority = new StaffAuthority({ journal, pins, shifts });
  const manager = await directory.addFirstManager('Mia', '918273');
  if (!manager.ok) throw new Error(manager.error.message);
  const by = { allowed: true, by: manager.value.id, authorisedBy: null } as const;
  const ana = await directory.add(by, 'Ana', 'cashier', '1357');
  if (!ana.ok) throw new Error(ana.error.message);
  const signIn = async () => {
    const signed = await shifts.signIn(ana.value.id, '1357');
    const ready = await authority.authorise('sell');
    if (!signed.ok || !ready.ok) throw new Error('the right PIN was refused');
  };
  await signIn();
  await shifts.signOut();
  const times: number[] = [];
  for (let i = 0; i < signIns; i++) {
    const start = performance.now();
    await signIn();
    times.push(performance.now() - start);
    await shifts.signOut();
  }
  journal.close();
  return {
    N: PIN_SCRYPT.N,
    signIns,
    p50Ms: median(times),
    p99Ms: percentile(times, 99),
    maxMs: percentile(times, 100),
  };
}
