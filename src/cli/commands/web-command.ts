import {
  createCounter,
  buildBridgeScript,
  sandboxHostOptions,
  sandboxReachLine,
  startWebShell,
} from '../../main/command-line';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { networkAddresses, QR_MODES, type QrMode } from '../../sandbox';
import { CliError } from '../cli-error';
import { untilStopped } from '../until-stopped';
import { defineCommand, optionSpec, type CommandOptions } from '../command-frame';

const HELP = `web [--port P] [--data-dir DIR] [--qr MODE] [--time-scale X] [--sandbox-host ADDRESS]
    [--sandbox-url URL (its secret in SANDBOX_SECRET)] [--callback-port P]
  The counter in a browser (machines without Electron): demo mode only, against the sandbox.
  Prints "cashier: <URL>" and "customer display: <URL>"; both carry the access token.
  --sandbox-host ADDRESS: the embedded sandbox listens on ADDRESS too (an IP address of this
  computer, or 0.0.0.0 for every network) so that a phone on the same network can open the QR;
  there it answers the customer pages only (the page behind the QR, its image, the Payment Page
  and the return page), never the Gate API. Without it, the sandbox answers this computer only.
  The line starting "Gate sandbox:" says where phones open it.`;

/** `web`: the browser shell, until SIGINT/SIGTERM. */
async function web(options: CommandOptions): Promise<number> {
  const rendererDir = resolve('out/renderer');
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new CliError(
      'web: the renderer is not built; run `npm run build` first (npm run demo:web does both)',
    );
  const qrMode = options.optional('qr');
  if (qrMode !== undefined && !(QR_MODES as readonly string[]).includes(qrMode))
    throw new CliError(`web: --qr must be one of ${QR_MODES.join(', ')}`);
  const sandboxUrl = options.optional('sandbox-url');
  const sandboxSecret = process.env['SANDBOX_SECRET'];
  if (sandboxUrl && !sandboxSecret)
    throw new CliError('web: --sandbox-url needs the sandbox project secret in SANDBOX_SECRET');
  let phoneAccess: ReturnType<typeof sandboxHostOptions>;
  try {
    phoneAccess = sandboxHostOptions(options.optional('sandbox-host'));
  } catch (error) {
    throw new CliError(`web: ${(error as Error).message}`);
  }
  if (sandboxUrl && phoneAccess.phoneHost)
    throw new CliError('web: --sandbox-host is for the embedded sandbox, not with --sandbox-url');
  const timeScale =
    options.optional('time-scale') !== undefined ? options.positive('time-scale', 1) : undefined;

  const counter = await createCounter({
    dataDir: options.optional('data-dir') ?? mkdtempSync(join(tmpdir(), 'alipay-counter-demo-')),
    mode: 'demo',
    shell: 'browser',
    version: process.env['npm_package_version'] ?? '0.0.0',
    settingsOverrides: { callbackPort: options.port('callback-port', 0) },
    demo: {
      ...(sandboxUrl ? { sandboxUrl, sandboxSecret } : {}),
      sandbox: {
        ...(qrMode ? { qrMode: qrMode as QrMode } : {}),
        ...(timeScale !== undefined ? { timeScale } : {}),
        ...phoneAccess,
      },
    },
  }).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    if (phoneAccess.phoneHost && code === 'EADDRNOTAVAIL')
      throw new CliError(
        `web: --sandbox-host ${phoneAccess.phoneHost} is not an address of this computer (its addresses: ${networkAddresses().join(', ') || 'loopback only'})`,
      );
    throw error;
  });
  const shell = await startWebShell({
    counter,
    rendererDir,
    bridgeScript: await buildBridgeScript(),
    port: options.port('port', 0),
  });
  process.stdout.write(`cashier: ${shell.cashierUrl}\ncustomer display: ${shell.customerUrl}\n`);
  if (counter.sandbox) process.stdout.write(`${sandboxReachLine(counter.sandbox)}\n`);
  await untilStopped();
  await shell.close();
  await counter.close();
  return 0;
}

const WEB_OPTIONS = optionSpec([
  'port',
  'data-dir',
  'qr',
  'time-scale',
  'sandbox-url',
  'callback-port',
  'sandbox-host',
]);

/** `web`, parsed and run by the command frame. */
export const webCommand = defineCommand('web', HELP, WEB_OPTIONS, web);
