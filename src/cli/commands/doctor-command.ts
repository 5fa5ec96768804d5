import {
  startCallbackListener,
  probeCallbackPath,
  createGateClient,
  PRODUCTION_GATE_URL,
  gateFinding,
  findingContext,
  findingText,
  isLoopbackUrl,
  type Finding,
} from '../../main/command-line';
import { randomBytes } from 'node:crypto';
import { CliError, EXIT } from '../cli-error';
import { defineCommand, optionSpec, type CommandOptions } from '../command-frame';
import { gateFromEnvironment, secretFromEnvironment } from '../environment';

const HELP = `doctor --project ID [--gate URL] [--callback-url URL [--callback-port P] [--callback-host H]] [--timeout S]
  Checks the setup before the first customer: a signed status request for a fresh id (Gate must
  answer "3061 Transaction not found"), and with --callback-url, that a request to it from this
  PC reaches a listener started here on --callback-host:--callback-port (127.0.0.1:8091; stop
  the counter first, it uses that port). One line per finding; exit 0 only when all pass.`;

const DOCTOR_OPTIONS = optionSpec([
  'project',
  'gate',
  'callback-url',
  'callback-port',
  'callback-host',
  'timeout',
]);

/** `doctor`: the Settings screen's Test connection, from a terminal. */
export const doctorCommand = defineCommand('doctor', HELP, DOCTOR_OPTIONS, async (options) => {
  const project = options.project();
  const gateUrl = gateFromEnvironment(options.optional('gate')) ?? PRODUCTION_GATE_URL;
  if (new URL(gateUrl).protocol !== 'https:' && !isLoopbackUrl(gateUrl))
    throw new CliError(`doctor: --gate must be https:// (plain http only to this machine)`);
  const secret = secretFromEnvironment(
    'doctor',
    "the test request is signed with the project's secret",
  );
  const timeoutMs = options.positive('timeout', 10) * 1000;

  const findings: Finding[] = [];
  const client = createGateClient({
    baseUrl: gateUrl,
    projectId: project,
    secret,
    timeoutMs,
    statusRetries: 0,
  });
  try {
    const answer = await client.status(`doctor-${randomBytes(6).toString('hex')}`);
    findings.push(gateFinding(answer, project, findingContext(gateUrl, timeoutMs)));
  } finally {
    client.close();
  }

  const callbackUrl = options.optional('callback-url');
  if (callbackUrl !== undefined)
    findings.push(await checkCallbacks(options, callbackUrl, timeoutMs));

  for (const finding of findings)
    process.stdout.write(`${finding.ok ? 'ok' : 'problem'}: ${findingText(finding)}\n`);
  return findings.every((f) => f.ok) ? EXIT.ok : EXIT.failure;
});

async function checkCallbacks(
  options: CommandOptions,
  callbackUrl: string,
  timeoutMs: number,
): Promise<Finding> {
  try {
    new URL(callbackUrl);
  } catch {
    throw new CliError(`doctor: --callback-url must be a URL, not "${callbackUrl}"`);
  }
  const host = options.optional('callback-host') ?? '127.0.0.1';
  const port = options.port('callback-port', 8091);
  const listener = await startCallbackListener({
    host,
    port,
    secret: () => undefined,
    onCallback: () => {},
  }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(
      `doctor: cannot listen on ${host}:${port} to check callbacks (${error.code ?? error.message})${error.code === 'EADDRINUSE' ? ': is the counter running? Use Settings → Test connection there' : ''}`,
    );
  });
  try {
    return await probeCallbackPath(callbackUrl, listener, timeoutMs);
  } finally {
    await listener.close();
  }
}
