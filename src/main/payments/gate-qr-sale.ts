import { describeGateError, outcomeUnknown, type GateClient } from '../gate';
import type { PaymentRecord } from '../journal/payment-record';
import type { Settings } from '../settings/settings';
import type { PaymentTransitions } from './payment-transitions';

/** Points of the Gate QR sale where crash tests may stop the process. */
export type GateSaleStep = 'response-received' | 'ack-recorded';

/**
 * The customer id of a walk-in sale. Each sale gets its own: one id for every customer of a
 * terminal would look to Gate's risk checks like one person paying all day.
 */
export function walkInCustomerId(paymentId: string): string {
  return `walk-in-${paymentId}`;
}

/**
 * Sends a journaled Gate QR sale once and journals what Gate's answer proves:
 * acknowledged, rejected (Gate did nothing, or the request never left), or an unknown outcome
 * that only a status answer settles. Never sends it again.
 */
export async function sendGateSale(
  client: GateClient,
  created: PaymentRecord,
  settings: Settings,
  request: { readonly callbackUrl: string | undefined; readonly description?: string },
  transitions: PaymentTransitions,
  step: (step: GateSaleStep) => void,
): Promise<void> {
  const id = created.id;
  const { callbackUrl } = request;
  const answer = await client.sale({
    paymentId: id,
    amount: created.amount,
    currency: created.currency,
    description:
      request.description ??
      `${settings.merchantName || 'Alipay Counter'} ${settings.terminalId} sale`,
    customerId: walkInCustomerId(id),
    customerIp: settings.storeIpAddress,
    returnUrls: {
      return: settings.customerReturnUrl,
      ...(settings.successUrl !== '' ? { success: settings.successUrl } : {}),
    },
    ...(callbackUrl ? { callbackUrl } : {}),
  });
  step('response-received');
  if (answer.ok) {
    transitions.apply(
      id,
      { type: 'acknowledged', requestId: answer.value.request_id },
      'Gate acknowledged the sale',
      { requestId: answer.value.request_id },
    );
    step('ack-recorded');
  } else if (answer.error.kind === 'rejected' && answer.error.code !== '3041') {
    const { code, message, field } = answer.error;
    // Name the field Gate found missing or wrong, unless its message already does.
    const shown = field && !message.includes(field) ? `${message} (${field})` : message;
    transitions.apply(id, { type: 'rejected', code, message: shown }, 'Gate rejected the sale', {
      gateCode: code,
      gateMessage: shown,
    });
  } else if (answer.error.kind === 'network') {
    // The connection was never made: nothing reached Gate, so nothing can have been charged.
    const message = describeGateError(answer.error);
    transitions.apply(
      id,
      { type: 'rejected', code: 'NETWORK', message },
      'sale request could not be sent',
      { gateCode: 'NETWORK', gateMessage: message },
    );
  } else {
    // Timeout, cut connection, 5xx, garbage, or "3041 already exists" for our own fresh id:
    // Gate may hold the payment. Never send again; the status answer settles it.
    const reason = outcomeUnknown(answer.error)
      ? describeGateError(answer.error)
      : `${answer.error.kind}: ${describeGateError(answer.error)}`;
    transitions.apply(id, { type: 'outcome_unknown', reason }, 'sale outcome unknown', {
      gateMessage: reason,
    });
  }
}
