import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../../main/journal/audit-chain';
import { CliError, EXIT } from '../cli-error';
import { parseOptions, required } from '../options';

const HELP = `audit verify --journal PATH
  Checks the hash chain of a journal's audit log: prints "audit log intact: N entries", or the
  first broken entry and exits 1. Opens the journal read-only.`;

/** `audit verify`: proves the audit log was not edited, reordered or cut. */
export async function auditCommand(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== 'verify')
    throw new CliError(
      `audit: unknown action ${JSON.stringify(verb ?? '')}; use: audit verify --journal PATH`,
    );
  const options = parseOptions('audit verify', rest, { journal: { type: 'string' } });
  const path = required(options, 'journal', 'audit verify');
  if (!existsSync(path)) throw new CliError(`audit verify: no journal at ${path}`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CliError(`audit verify: cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    const check = verifyAuditChain(db);
    if (check.intact) {
      process.stdout.write(`audit log intact: ${check.entries} entries\n`);
      return EXIT.ok;
    }
    process.stdout.write(`audit log broken at entry ${check.brokenAt}: ${check.reason}\n`);
    return EXIT.failure;
  } catch (error) {
    throw new CliError(
      `audit verify: ${path} is not a journal with an audit log (${(error as Error).message})`,
    );
  } finally {
    db.close();
  }
}

auditCommand.help = HELP;
