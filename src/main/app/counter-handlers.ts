import { err, ok } from '../../shared/result';
import type { ChannelHandlers } from '../../shared/ipc/contract';
import type { AppInfo, DisplayView, SessionView, SettingsView } from '../../shared/ipc/views';
import { toView, type PaymentRecord } from '../journal/payment-record';
import type { PaymentService } from '../payments/payment-service';
import type { CounterSession } from './counter-session';
import type { ManagerChannels } from './manager-handlers';
import type { PrintingChannels } from './printing-handlers';
import type { ShellChannels } from './shell-handlers';

/** What the handlers need from the counter. */
export interface HandlerDeps {
  readonly service: PaymentService;
  readonly session: CounterSession;
  readonly sessionView: () => SessionView;
  readonly displayView: () => DisplayView;
  readonly settingsView: () => SettingsView;
  readonly updateSettings: ChannelHandlers['settings:update'];
  readonly testConnection: ChannelHandlers['settings:test-connection'];
  /** Tries the relayed callbacks held back for a failed signature again. */
  readonly retryHeldBack: () => Promise<{ applied: number; left: number }>;
  readonly appInfo: () => AppInfo;
  readonly sessionChanged: () => void;
}

/**
 * One handler per IPC channel (arguments already parsed by the adapter). They return Results:
 * errors are data, with a message for the cashier.
 */
export function createHandlers(
  deps: HandlerDeps,
): Omit<ChannelHandlers, ManagerChannels | ShellChannels | PrintingChannels> {
  const { service, session } = deps;
  const view = (record: PaymentRecord) => toView(record);
  const find = (paymentId: string) => {
    const payment = service.get(paymentId);
    return payment ? ok(payment) : err('NOT_FOUND', `No payment ${paymentId}.`);
  };

  return {
    'payments:charge': async ({ amount, currency }) => {
      const activeId = session.activeId();
      const active = activeId ? service.get(activeId) : undefined;
      if (active && !session.canLeave(active)) {
        return err(
          'BUSY',
          `Sale ${active.id} is still waiting for the customer: cancel it before starting another.`,
        );
      }
      const result = await service.charge(amount, currency, {
        onCreated: (created) => {
          session.setActive(created.id);
          deps.sessionChanged();
        },
      });
      return result.ok ? ok(view(service.get(result.value.id)!)) : result;
    },
    'payments:retry-as-link': async ({ paymentId }) => {
      if (session.activeId() !== paymentId)
        return err('INVALID_STATE', `Payment ${paymentId} is not the sale on the counter.`);
      const result = await service.retryAsLink(paymentId, (created) => {
        session.setActive(created.id);
        deps.sessionChanged();
      });
      return result.ok ? ok(view(service.get(result.value.id)!)) : result;
    },
    'payments:cancel': async ({ paymentId }) => {
      const result = service.cancel(paymentId);
      if (result.ok) deps.sessionChanged();
      return result.ok ? ok(view(result.value)) : result;
    },
    'payments:keep-late': async ({ paymentId }) => {
      const result = service.keepLate(paymentId);
      if (result.ok) deps.sessionChanged();
      return result.ok ? ok(view(result.value)) : result;
    },
    'payments:get': async ({ paymentId }) => {
      const found = find(paymentId);
      return found.ok ? ok(view(found.value)) : found;
    },
    'session:get': async () => ok(deps.sessionView()),
    'display:get': async () => ok(deps.displayView()),
    'session:new-sale': async () => {
      const activeId = session.activeId();
      const active = activeId ? service.get(activeId) : undefined;
      if (active && !session.canLeave(active)) {
        return err('BUSY', `Sale ${active.id} is still waiting for the customer: cancel it first.`);
      }
      session.setActive(undefined);
      deps.sessionChanged();
      return ok(deps.sessionView());
    },
    'settings:get': async () => ok(deps.settingsView()),
    'settings:update': (update) => deps.updateSettings(update),
    'settings:test-connection': () => deps.testConnection({}),
    'relay:retry-held-back': async () => ok(await deps.retryHeldBack()),
    'app:info': async () => ok(deps.appInfo()),
  };
}
