import { randomBytes } from 'node:crypto';
import { isLoopbackUrl, PRODUCTION_GATE_URL } from '../main/command-line';
import { createSandbox, QR_MODES, qrModeOf, type Sandbox } from '../sandbox';
import { CliError } from './cli-error';
import { gateFromEnvironment, secretFromEnvironment } from './environment';
import { optional, projectId, type Options } from './options';

/** Project used with the embedded sandbox when --project is not given. */
export const DEMO_PROJECT_ID = 1001;

/** The Gate a command talks to, with the project's secret, and what to clean up afterwards. */
export interface GateTarget {
  readonly gateUrl: string;
  readonly projectId: number;
  /** From GATE_SECRET (or random for an embedded sandbox): never from an argument. */
  readonly secret: string;
  readonly timeoutMs: number;
  /** Set when the command started its own sandbox. */
  readonly sandbox?: Sandbox;
  close(): Promise<void>;
}

/** Options every Gate-talking command takes. */
export const TARGET_OPTIONS = {
  gate: { type: 'string' },
  project: { type: 'string' },
  timeout: { type: 'string' },
} as const;

/**
 * Finds the Gate to talk to. With `embedded` allowed and no --gate/GATE_URL, starts a sandbox on
 * loopback (secret from GATE_SECRET or random, project from --project or the demo project);
 * otherwise the given Gate, which needs --project and GATE_SECRET and must be https unless it
 * runs on this machine.
 */
export async function resolveGate(
  command: string,
  options: Options,
  embedded: { allowed: boolean; qrMode?: string; timeScale?: number; host?: string },
): Promise<GateTarget> {
  const timeoutSeconds = Number(optional(options, 'timeout') ?? 20);
  if (!(timeoutSeconds > 0))
    throw new CliError(`${command}: --timeout must be a positive number of seconds`);
  const timeoutMs = timeoutSeconds * 1000;
  const gate = gateFromEnvironment(optional(options, 'gate'));
  const projectText = optional(options, 'project');
  if (gate === undefined && embedded.allowed) {
    const qrText = embedded.qrMode ?? 'qr_data';
    const qrMode = qrModeOf(qrText);
    if (!qrMode)
      throw new CliError(`${command}: --qr must be one of ${QR_MODES.join(', ')}, not "${qrText}"`);
    const secret = process.env['GATE_SECRET'] || randomBytes(24).toString('base64');
    const project = projectText ? projectId(projectText, command) : DEMO_PROJECT_ID;
    const sandbox = await createSandbox({
      projects: [{ id: project, secret, qrMode }],
      ...(embedded.timeScale !== undefined ? { timeScale: embedded.timeScale } : {}),
      ...(embedded.host !== undefined ? { host: embedded.host } : {}),
    });
    return {
      gateUrl: sandbox.url,
      projectId: project,
      secret,
      timeoutMs,
      sandbox,
      close: () => sandbox.close(),
    };
  }
  if (!projectText) throw new CliError(`${command}: --project is required`);
  const project = projectId(projectText, command);
  const secret = secretFromEnvironment(command, "requests are signed with the project's secret");
  const gateUrl = gate ?? PRODUCTION_GATE_URL;
  // Plain http only to this machine: anywhere else it would carry signed payments in clear.
  if (new URL(gateUrl).protocol !== 'https:' && !isLoopbackUrl(gateUrl))
    throw new CliError(
      `${command}: --gate must be https:// (plain http only to a sandbox on this machine), not "${gateUrl}"`,
    );
  return { gateUrl, projectId: project, secret, timeoutMs, close: async () => {} };
}
