import { createSandbox, QR_MODES, qrModeOf } from '../../sandbox';
import { CliError, EXIT } from '../cli-error';
import { untilStopped } from '../until-stopped';
import { secretFromEnvironment } from '../environment';
import { defineCommand, optionSpec } from '../command-frame';

const HELP = `sandbox --port P --project ID [--qr ${QR_MODES.join('|').replace(/_/g, '-')}] [--clarification] [--time-scale X]
        [--host ADDRESS] [--public-url URL] [--qr-timeout S] [--threshold S] [--callback-url URL] [--quiet]
  Runs the Gate sandbox for project ID with the secret in GATE_SECRET until stopped.
  --clarification: every Gate sale asks for customer details instead of showing a QR.`;

const SANDBOX_OPTIONS = optionSpec(
  [
    'port',
    'project',
    'qr',
    'time-scale',
    'host',
    'public-url',
    'qr-timeout',
    'threshold',
    'callback-url',
  ],
  ['quiet', 'clarification'],
);

/** `sandbox`: runs a standalone Gate sandbox until SIGINT/SIGTERM. */
export const sandboxCommand = defineCommand('sandbox', HELP, SANDBOX_OPTIONS, async (options) => {
  const project = options.project();
  const port = options.port('port', 0);
  const qrText = options.optional('qr') ?? 'qr_data';
  const qrMode = qrModeOf(qrText);
  if (!qrMode)
    throw new CliError(`sandbox: --qr must be one of ${QR_MODES.join(', ')}, not "${qrText}"`);
  const secret = secretFromEnvironment('sandbox', "the sandbox signs with the project's secret");
  const callbackUrl = options.optional('callback-url');
  const publicUrl = options.optional('public-url');
  const sandbox = await createSandbox({
    projects: [
      {
        id: project,
        secret,
        qrMode,
        ...(options.switch('clarification') ? { clarification: true } : {}),
        ...(callbackUrl ? { callbackUrl } : {}),
      },
    ],
    host: options.optional('host') ?? '127.0.0.1',
    port,
    timeScale: options.positive('time-scale', 1),
    qrTimeoutSeconds: options.positive('qr-timeout', 600),
    thresholdSeconds: options.positive('threshold', 3600),
    ...(publicUrl ? { publicUrl } : {}),
    log: options.switch('quiet')
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
  return EXIT.ok;
});
