import { addressKind, parseIp } from '../network/ip-address';
import { said, type Said } from '../i18n/said';
import { isLoopbackHost, parseUrl } from './parsed-url';

/** The settings that hold an address the counter sends payments to or shows customers. */
export const ADDRESS_FIELDS = [
  'gateUrl',
  'paymentPageUrl',
  'callbackPublicUrl',
  'customerReturnUrl',
  'successUrl',
  'relayCallbackUrl',
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/**
 * Why an address cannot be used, or undefined when it can ("" is none). It must be https: a
 * typo'd or downgraded http address would expose payment data, or send a customer to a page
 * anyone on the way can change. Plain http is fine only to this machine (a local sandbox).
 */
export function addressProblem(text: string): Said | undefined {
  if (text === '') return undefined;
  const url = parseUrl(text);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '')
    return said('settings.problem.address.invalid');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return said('settings.problem.address.notHttps');
  return undefined;
}

/**
 * Why `text` cannot be the store's public IP address (sent with every sale and refund as the
 * customer's: the phone scans the QR in the store), or undefined when it can: an IPv4 or IPv6
 * address on the public internet, what "what is my IP" shows on a computer in the store.
 */
export function storeIpProblem(text: string): Said | undefined {
  const address = parseIp(text);
  if (!address) return said('settings.problem.storeIp.invalid', { address: text });
  const kind = addressKind(address);
  if (kind === 'public') return undefined;
  // Message choices are plain names: link-local is spelt linkLocal there.
  return said('settings.problem.storeIp.notPublic', {
    address: text.trim(),
    kind: kind === 'link-local' ? 'linkLocal' : kind,
  });
}
