import { CliError, EXIT } from './cli-error';
import type { Command } from './command-frame';
import { auditCommand } from './commands/audit-command';
import { doctorCommand } from './commands/doctor-command';
import { printTestCommand } from './commands/print-test-command';
import { refundCommand } from './commands/refund-command';
import { relayCommand } from './commands/relay-command';
import { saleCommand } from './commands/sale-command';
import { sandboxCommand } from './commands/sandbox-command';
import { signCommand } from './commands/sign-command';
import { statusCommand } from './commands/status-command';
import { verifyCommand } from './commands/verify-command';
import { webCommand } from './commands/web-command';

const COMMANDS: Record<string, Command> = {
  sandbox: sandboxCommand,
  sign: signCommand,
  verify: verifyCommand,
  sale: saleCommand,
  status: statusCommand,
  refund: refundCommand,
  doctor: doctorCommand,
  web: webCommand,
  audit: auditCommand,
  'print-test': printTestCommand,
  relay: relayCommand,
};

function usage(): string {
  return [
    'Alipay Counter command line. Secrets come from GATE_SECRET, never from arguments.',
    '',
    ...Object.values(COMMANDS).map((c) => c.help),
  ].join('\n');
}

/** Runs one command; returns the exit code. Failures print one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? EXIT.failure : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(
      `unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')}\n`,
    );
    return EXIT.failure;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`${name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}
