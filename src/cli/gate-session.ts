import { randomBytes } from 'node:crypto';
import { startCallbackListener, type CallbackListener } from '../main/callbacks/callback-listener';
import {
  buildPaymentPageUrl,
  createGateClient,
  PRODUCTION_GATE_URL,
  type GateClient,
} from '../main/gate';
import type { Result } from '../shared/result';
import { createSandbox, QR_MODES, qrModeOf, type Sandbox } from '../sandbox';
import { CallbackInbox } from './callback-inbox';
import { CliError } from './cli-error';
import { gateFromEnvironment, secretFromEnvironment } from './environment';
import { optional, portOption, projectId, type Options } from './options';
import { isLoopbackUrl } from '../main/settings/settings';

/** Project used with the embedded sandbox when --project is not given. */
export const DEMO_PROJECT_ID = 1001;

/** A Gate to talk to, a callback listener, and what to clean up afterwards. */
export interface GateSession {
  readonly gateUrl: string;
  readonly projectId: number;
  readonly client: GateClient;
  readonly listener: CallbackListener;
  /**
   * The callback URL sent to Gate as merchant_callback_url: `--callback-url`, or the local
   * listener for a sandbox on this machine; none for a real Gate (it uses the project's URL,
   * since it cannot reach a listener on loopback), whose results come by status polling.
   */
  readonly callbackUrl: string | undefined;
  readonly inbox: CallbackInbox;
  /** Set when the session started its own sandbox. */
  readonly sandbox?: Sandbox;
  /** A signed Payment Page link on `baseUrl` (the secret stays in the session). */
  paymentPageLink(
    baseUrl: string,
    params: Record<string, string | number>,
  ): Result<string, 'INVALID_INPUT'>;
  close(): Promise<void>;
}

/** Options every Gate-talking command takes. */
export const SESSION_OPTIONS = {
  gate: { type: 'string' },
  project: { type: 'string' },
  'callback-host': { type: 'string' },
  'callback-port': { type: 'string' },
  'callback-url': { type: 'string' },
  timeout: { type: 'string' },
} as const;

/**
 * Opens a session. With `embedded` allowed and no --gate/GATE_URL, starts a sandbox on loopback
 * (secret from GATE_SECRET or random, project from --project or the demo project); otherwise
 * talks to the given Gate, which needs --project and GATE_SECRET.
 */
export async function openGateSession(
  command: string,
  options: Options,
  embedded: { allowed: boolean; qrMode?: string; timeScale?: number; host?: string },
): Promise<GateSession> {
  const gate = gateFromEnvironment(optional(options, 'gate'));
  const projectText = optional(options, 'project');
  let sandbox: Sandbox | undefined;
  let gateUrl: string;
  let secret: string;
  let project: number;
  if (gate === undefined && embedded.allowed) {
    const qrText = embedded.qrMode ?? 'qr_data';
    const qrMode = qrModeOf(qrText);
    if (!qrMode)
      throw new CliError(`${command}: --qr must be one of ${QR_MODES.join(', ')}, not "${qrText}"`);
    secret = process.env['GATE_SECRET'] || randomBytes(24).toString('base64');
    project = projectText ? projectId(projectText, command) : DEMO_PROJECT_ID;
    sandbox = await createSandbox({
      projects: [{ id: project, secret, qrMode }],
      ...(embedded.timeScale !== undefined ? { timeScale: embedded.timeScale } : {}),
      ...(embedded.host !== undefined ? { host: embedded.host } : {}),
    });
    gateUrl = sandbox.url;
  } else {
    if (!projectText) throw new CliError(`${command}: --project is required`);
    project = projectId(projectText, command);
    secret = secretFromEnvironment(command, "requests are signed with the project's secret");
    gateUrl = gate ?? PRODUCTION_GATE_URL;
    // Plain http only to this machine: anywhere else it would carry signed payments in clear.
    if (new URL(gateUrl).protocol !== 'https:' && !isLoopbackUrl(gateUrl))
      throw new CliError(
        `${command}: --gate must be https:// (plain http only to a sandbox on this machine), not "${gateUrl}"`,
      );
  }
  const timeoutSeconds = Number(optional(options, 'timeout') ?? 20);
  if (!(timeoutSeconds > 0))
    throw new CliError(`${command}: --timeout must be a positive number of seconds`);
  const inbox = new CallbackInbox();
  const listener = await startCallbackListener({
    host: optional(options, 'callback-host') ?? '127.0.0.1',
    port: portOption(options, 'callback-port', command, 0),
    secret: () => secret,
    onCallback: inbox.receive,
  }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${command}: cannot listen for callbacks: ${error.code ?? error.message}`);
  });
  const client = createGateClient({
    baseUrl: gateUrl,
    projectId: project,
    secret,
    timeoutMs: timeoutSeconds * 1000,
  });
  return {
    gateUrl,
    projectId: project,
    client,
    listener,
    callbackUrl:
      optional(options, 'callback-url') ??
      (isLoopbackUrl(gateUrl) ? listener.callbackUrl : undefined),
    inbox,
    ...(sandbox ? { sandbox } : {}),
    paymentPageLink: (baseUrl, params) => buildPaymentPageUrl({ baseUrl, params, secret }),
    async close() {
      client.close();
      await listener.close();
      await sandbox?.close();
    },
  };
}
