import { createSandbox, QR_MODES, qrModeOf } from '../../sandbox';
import { CliError } from '../cli-error';
import { untilStopped } from '../until-stopped';
import { secretFromEnvironment } from '../environment';
import {
  optional,
  parseOptions,
  portOption,
  positiveNumber,
  projectId,
  required,
} from '../options';

const HELP = `sandbox --port P --project ID [--qr ${QR_MODES.join('|').replace(/_/g, '-')}] [--clarification] [--time-scale X]
        [--host ADDRESS] [--public-url URL] [--qr-timeout S] [--threshold S] [--callback-url URL] [--quiet]
  Runs the Gate sandbox for project ID with the secret in GATE_SECRET until stopped.
  --clarification: every Gate sale asks for customer details instead of showing a QR.`;

/** `sandbox`: runs a standalone Gate sandbox until SIGINT/SIGTERM. */
export async function sandboxCommand(argv: string[]): Promise<number> {
  const options = parseOptions('sandbox', argv, {
    port: { type: 'string' },
    project: { type: 'string' },
    qr: { type: 'string' },
    'time-scale': { type: 'string' },
    host: { type: 'string' },
    'public-url': { type: 'string' },
    'qr-timeout': { type: 'string' },
    threshold: { type: 'string' },
    'callback-url': { type: 'string' },
    quiet: { type: 'boolean' },
    clarification: { type: 'boolean' },
  });
  const project = projectId(required(options, 'project', 'sandbox'), 'sandbox');
  const port = portOption(options, 'port', 'sandbox', 0);
  const qrText = optional(options, 'qr') ?? 'qr_data';
  const qrMode = qrModeOf(qrText);
  if (!qrMode)
    throw new CliError(`sandbox: --qr must be one of ${QR_MODES.join(', ')}, not "${qrText}"`);
  const secret = secretFromEnvironment('sandbox', "the sandbox signs with the project's secret");
  const callbackUrl = optional(options, 'callback-url');
  const publicUrl = optional(options, 'public-url');
  const sandbox = await createSandbox({
    projects: [
      {
        id: project,
        secret,
        qrMode,
        ...(options['clarification'] ? { clarification: true } : {}),
        ...(callbackUrl ? { callbackUrl } : {}),
      },
    ],
    host: optional(options, 'host') ?? '127.0.0.1',
    port,
    timeScale: positiveNumber(options, 'time-scale', 'sandbox', 1),
    qrTimeoutSeconds: positiveNumber(options, 'qr-timeout', 'sandbox', 600),
    thresholdSeconds: positiveNumber(options, 'threshold', 'sandbox', 3600),
    ...(publicUrl ? { publicUrl } : {}),
    log: options['quiet']
      ? () => {}
      : (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`sandbox: cannot listen on port ${port}: ${error.code ?? error.message}`);
  });
  process.stdout.write(`sandbox listening on ${sandbox.url}\n`);
  if (sandbox.publicUrl !== sandbox.url)
    process.stderr.write(`customer pages at ${sandbox.publicUrl}\n`);
  await untilStopped();
  await sandbox.close();
  return 0;
}

sandboxCommand.help = HELP;
