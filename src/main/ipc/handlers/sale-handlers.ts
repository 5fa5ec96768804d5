import { said } from '../../../shared/i18n/said';
import { err, ok } from '../../../shared/result';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { CounterViews } from '../../app/counter-views';
import type { CounterDesk } from '../../counter/counter-desk';
import { toView } from '../../journal/payment-record';
import type { PaymentService } from '../../payments/payment-service';
import type { StaffActions } from '../../shifts/staff-actions';

/** The channels of the cashier's sale screen. */
export type SaleChannels =
  | 'payments:charge'
  | 'payments:cancel'
  | 'payments:keep-late'
  | 'payments:get'
  | 'payments:retry-as-link'
  | 'session:get'
  | 'session:new-sale'
  | 'display:get'
  | 'app:info';

/** The sale screen's channels: each hands its parsed argument to the counter desk. */
export function saleHandlers(deps: {
  readonly desk: CounterDesk;
  /** Charges under the role rules (nobody sells while nobody is signed in). */
  readonly sell: Pick<StaffActions, 'charge' | 'retryAsLink'>;
  readonly payments: PaymentService;
  readonly views: CounterViews;
}): Pick<ChannelHandlers, SaleChannels> {
  const { desk, views } = deps;
  return {
    'payments:charge': async ({ amount, currency }) => {
      const result = await deps.sell.charge(amount, currency);
      return result.ok ? ok(toView(result.value)) : result;
    },
    'payments:retry-as-link': async ({ paymentId }) => {
      const result = await deps.sell.retryAsLink(paymentId);
      return result.ok ? ok(toView(result.value)) : result;
    },
    'payments:cancel': async ({ paymentId }) => {
      const result = desk.cancel(paymentId);
      return result.ok ? ok(toView(result.value)) : result;
    },
    'payments:keep-late': async ({ paymentId }) => {
      const result = desk.keepLate(paymentId);
      return result.ok ? ok(toView(result.value)) : result;
    },
    'payments:get': async ({ paymentId }) => {
      const payment = deps.payments.get(paymentId);
      return payment
        ? ok(toView(payment))
        : err(
            'NOT_FOUND',
            `No payment ${paymentId}.`,
            said('cashier.error.noPayment', { id: paymentId }),
          );
    },
    'session:get': async () => ok(views.session()),
    'session:new-sale': async () => {
      const result = desk.newSale();
      return result.ok ? ok(views.session()) : result;
    },
    'display:get': async () => ok(views.display()),
    'app:info': async () => ok(views.appInfo()),
  };
}
