import {
  openPaymentDesk,
  isLoopbackUrl,
  type PaymentDesk,
  type PaymentDeskOptions,
} from '../main/command-line';
import { CliError } from './cli-error';
import type { GateTarget } from './gate-target';
import { optional, portOption, type Options } from './options';

/** Options of commands that receive Gate's callbacks. */
export const CALLBACK_OPTIONS = {
  'callback-host': { type: 'string' },
  'callback-port': { type: 'string' },
  'callback-url': { type: 'string' },
} as const;

/**
 * Opens the app's money path for a command: the target's Gate, a callback listener on
 * --callback-host/--callback-port, and Gate told to post to --callback-url, or to the listener
 * when Gate runs on this machine (a real Gate cannot reach loopback: it uses the project's
 * callback URL, and status polling learns the result).
 */
export async function openCommandDesk(
  command: string,
  target: GateTarget,
  options: Options,
  how: Omit<
    PaymentDeskOptions,
    'gateUrl' | 'projectId' | 'secret' | 'timeoutMs' | 'listen' | 'callbackUrl'
  >,
): Promise<PaymentDesk> {
  const given = optional(options, 'callback-url');
  return openPaymentDesk({
    gateUrl: target.gateUrl,
    projectId: target.projectId,
    secret: target.secret,
    timeoutMs: target.timeoutMs,
    listen: {
      host: optional(options, 'callback-host') ?? '127.0.0.1',
      port: portOption(options, 'callback-port', command, 0),
    },
    callbackUrl: (listener) => given ?? (isLoopbackUrl(target.gateUrl) ? listener : undefined),
    ...how,
  }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${command}: cannot listen for callbacks: ${error.code ?? error.message}`);
  });
}
