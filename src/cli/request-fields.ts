import { DEMO_STORE_IP, isLoopbackUrl } from '../main/command-line';
import { publicIpProblem } from '../shared/network/ip-address';
import { CliError } from './cli-error';
import { optional, type Options } from './options';

/** What a sale or refund request carries besides the money: where the customer is. */
export interface RequestFields {
  readonly customerIp: string;
  /** `return_url.return` of a sale (refunds carry none). */
  readonly returnUrl: string;
}

/** Options of commands that send sales or refunds. */
export const REQUEST_FIELD_OPTIONS = {
  'return-url': { type: 'string' },
  'customer-ip': { type: 'string' },
} as const;

/**
 * `--return-url` and `--customer-ip`, with defaults only against a sandbox on this machine (its
 * return page, a documentation address): a request to a real Gate must say where the customer
 * is, so without them the command stops before sending anything.
 */
export function requestFields(
  command: string,
  options: Options,
  gateUrl: string,
  needs: { returnUrl: boolean },
): RequestFields {
  const sandbox = isLoopbackUrl(gateUrl);
  const ip = optional(options, 'customer-ip') ?? (sandbox ? DEMO_STORE_IP : undefined);
  const returnUrl =
    optional(options, 'return-url') ??
    (sandbox ? `${gateUrl.replace(/\/+$/, '')}/return` : undefined);
  const missing = [
    ...(ip === undefined ? ["--customer-ip IP (the store's public address)"] : []),
    ...(needs.returnUrl && returnUrl === undefined
      ? ["--return-url URL (where the customer's phone goes after Alipay)"]
      : []),
  ];
  if (missing.length > 0)
    throw new CliError(`${command}: a request to ${gateUrl} needs ${missing.join(' and ')}`);
  if (!sandbox) {
    const problem = publicIpProblem(ip!);
    if (problem) throw new CliError(`${command}: --customer-ip: ${problem}`);
  }
  if (returnUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(returnUrl);
    } catch {
      throw new CliError(`${command}: --return-url must be a URL, not "${returnUrl}"`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url)))
      throw new CliError(`${command}: --return-url must be https:// (http only to this machine)`);
  }
  return { customerIp: ip!, returnUrl: returnUrl ?? '' };
}
