import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import {
  AUDIT_FIRST_KEYED_ACCOUNT,
  AUDIT_KEY_ACCOUNT,
  createKeytarSecretStore,
  readEntryId,
  verifyAuditChain,
  type ChainCheck,
} from '../../main/command-line';
import { CliError, EXIT } from '../cli-error';
import { optional, parseOptions, required } from '../options';

const HELP = `audit verify --journal PATH [--head HASH]
  Checks a journal's audit log and Z reports: every entry follows the one before and hashes to
  what it says (keyed entries with the audit key: AUDIT_KEY in base64, with AUDIT_FIRST_KEYED_ENTRY
  the id of the first entry written after it was made, else both from this PC's keychain), each
  Z report's anchor entry is there and its payments, refunds and transitions still digest to what
  it printed; with --head (the hash printed on a Z, 12 characters or more), that entry is still
  in the log. With the key, entries and digests written after it was made must be keyed (an
  unkeyed entry followed by a keyed one is covered by it): a log with no keyed entries although
  a key exists is broken. Exit 0: intact and proven; 1: broken (the first broken entry, the last
  good Z and what changed); 3: nothing broken, but part could not be proven (no key). Opens the
  journal read-only.`;

/** `audit verify`: proves the audit log and the Z reports' money rows were not edited or cut. */
export async function auditCommand(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== 'verify')
    throw new CliError(
      `audit: unknown action ${JSON.stringify(verb ?? '')}; use: audit verify --journal PATH`,
    );
  const options = parseOptions('audit verify', rest, {
    journal: { type: 'string' },
    head: { type: 'string' },
  });
  const path = required(options, 'journal', 'audit verify');
  const head = optional(options, 'head');
  if (head !== undefined && !/^[0-9a-fA-F]{12,64}$/.test(head))
    throw new CliError(
      'audit verify: --head is the hash printed on a Z report (12 to 64 hex digits)',
    );
  if (!existsSync(path)) throw new CliError(`audit verify: no journal at ${path}`);
  const { key, firstKeyed } = await auditKey();
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CliError(`audit verify: cannot open ${path}: ${(error as Error).message}`);
  }
  let check: ChainCheck;
  try {
    check = verifyAuditChain(db, {
      ...(key ? { key } : {}),
      ...(key && firstKeyed !== undefined ? { firstKeyed } : {}),
      ...(head ? { head } : {}),
    });
  } catch (error) {
    throw new CliError(
      `audit verify: ${path} is not a journal with an audit log (${(error as Error).message})`,
    );
  } finally {
    db.close();
  }
  for (const line of report(check, head)) process.stdout.write(`${line}\n`);
  if (!check.intact) return EXIT.failure;
  return check.unproven > 0 ? EXIT.unknown : EXIT.ok;
}

auditCommand.help = HELP;

/**
 * The audit key and the id of the first entry written after it: AUDIT_KEY (base64) and
 * AUDIT_FIRST_KEYED_ENTRY, else this PC's keychain; no key when neither has it.
 */
async function auditKey(): Promise<{ key?: Buffer; firstKeyed?: number }> {
  const fromEnv = process.env['AUDIT_KEY'];
  if (fromEnv) {
    const text = process.env['AUDIT_FIRST_KEYED_ENTRY'];
    const firstKeyed = readEntryId(text);
    if (text && firstKeyed === undefined)
      throw new CliError('audit verify: AUDIT_FIRST_KEYED_ENTRY is an entry id (a whole number)');
    return { key: Buffer.from(fromEnv, 'base64'), ...(firstKeyed ? { firstKeyed } : {}) };
  }
  const store = createKeytarSecretStore();
  if (!(await store.probe()).available) return {};
  const text = await store.get(AUDIT_KEY_ACCOUNT).catch(() => undefined);
  if (text === undefined) return {};
  const firstKeyed = readEntryId(await store.get(AUDIT_FIRST_KEYED_ACCOUNT).catch(() => undefined));
  return { key: Buffer.from(text, 'base64'), ...(firstKeyed ? { firstKeyed } : {}) };
}

function report(check: ChainCheck, head: string | undefined): string[] {
  const zs = check.zReports;
  const zText =
    zs.length === 0
      ? 'no Z report yet'
      : `Z reports ${zs[0]!.number}–${zs.at(-1)!.number} match their money rows`;
  if (check.intact) {
    const lines = [
      `audit log intact: ${check.entries} entries (${check.keyed} keyed), ${zText}${head ? `, head ${head.toLowerCase()} found` : ''}`,
    ];
    if (check.unproven > 0)
      lines.push(
        `not proven: ${check.unproven} entries or digests could not be checked (no audit key given)`,
      );
    return lines;
  }
  const last = check.lastGoodZ
    ? `last good Z report: ${check.lastGoodZ.number} (closed ${new Date(check.lastGoodZ.closedAt).toISOString().replace('T', ' ').slice(0, 16)})`
    : 'no good Z report before it';
  return [`audit log broken at entry ${check.brokenAt}: ${check.reason}`, last];
}
