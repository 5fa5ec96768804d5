import { createLogger } from '../logging/logger';
import { ShiftService } from '../shifts/shift-service';
import { StaffActions } from '../shifts/staff-actions';
import { StaffAuthority } from '../shifts/staff-authority';
import { DEMO_FIRST_CASHIER, seedDemoStaff } from '../staff/demo-staff';
import { adoptManagerPin } from '../staff/manager-pin-adoption';
import { StaffDirectory } from '../staff/staff-directory';
import type { StaffPins } from '../staff/staff-pins';
import type { CounterConfig } from './counter-config';
import type { CounterServices } from './counter-services';
import type { CounterStores } from './counter-stores';

const log = createLogger('staff');

/** The counter's staff and shifts: who is signed in, what they may do, and their reports. */
export interface CounterStaff {
  readonly pins: StaffPins;
  readonly directory: StaffDirectory;
  readonly shifts: ShiftService;
  readonly authority: StaffAuthority;
  readonly actions: StaffActions;
}

/** Builds the staff services on the counter's journal, keys and sale screen. */
export function buildStaff(
  config: CounterConfig,
  stores: CounterStores,
  services: CounterServices,
): CounterStaff {
  const { journal, staffPins: pins } = stores;
  const now = Date.now;
  const directory = new StaffDirectory(journal, pins, config.mode, now);
  const shifts = new ShiftService({
    journal,
    pins,
    now,
    saleIdle: () => saleIdle(services),
    onSaleChange: (listener) => {
      services.signals.on('session', listener);
      services.payments.events.on('updated', listener);
      return () => {
        services.signals.off('session', listener);
        services.payments.events.off('updated', listener);
      };
    },
    changed: () => services.signals.emit('session'),
  });
  const authority = new StaffAuthority({ journal, pins, shifts });
  const actions = new StaffActions({
    journal,
    authority,
    refunds: services.refunds,
    desk: services.desk,
    now,
  });
  return { pins, directory, shifts, authority, actions };
}

/**
 * Readies the staff at start: authorisations a crash left behind are forgotten, demo mode gets
 * its staff (and Ana signed in), and a counter from before staff has its manager PIN become a
 * manager named "Manager".
 */
export async function startStaff(
  config: CounterConfig,
  stores: CounterStores,
  staff: CounterStaff,
): Promise<void> {
  const { journal } = stores;
  if (journal.people.shifts.clearAuthorising() > 0)
    log.info('an authorisation a crash left was forgotten');
  if (config.mode === 'demo') {
    await seedDemoStaff(staff.directory);
    const ana = staff.directory.byName(DEMO_FIRST_CASHIER.name);
    if (ana && !staff.shifts.current()) await staff.shifts.signIn(ana.id, DEMO_FIRST_CASHIER.pin);
  } else if (adoptManagerPin(journal, stores.keys, staff.directory, staff.pins, Date.now)) {
    log.info('the manager PIN became the staff member "Manager"');
  }
}

/** Idle: no sale on the screen, or only one the cashier may leave (it ended). */
function saleIdle(services: CounterServices): boolean {
  const id = services.session.activeId();
  const active = id === undefined ? undefined : services.payments.get(id);
  return active === undefined || services.session.canLeave(active);
}
