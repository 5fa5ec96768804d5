import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cupsTransport, lpArguments } from '../../../src/main/printing/transports/cups-transport';
import {
  LP_PROGRAM,
  powershellProgram,
} from '../../../src/main/printing/transports/helper-programs';
import { sendOverTcp } from '../../../src/main/printing/transports/tcp-transport';
import type {
  PrintPayload,
  SendOutcome,
} from '../../../src/main/printing/transports/print-transport';
import { english } from '../../../src/main/i18n/wording';
import {
  spoolerInvocation,
  windowsSpoolerTransport,
} from '../../../src/main/printing/transports/windows-spooler-transport';
import {
  refusingAddress,
  startFakePrinter,
  type FakeReceiptPrinter,
} from '../../support/fake-receipt-printer';

/** An outcome with its reason in English, as the log and the command line read it. */
const worded = (outcome: SendOutcome) =>
  outcome.ok ? outcome : { ok: false, reason: english(outcome.reason) };

/** A slip's worth of bytes (ending, like every slip, with the GS r 1 status request). */
const BYTES = Buffer.concat([
  Buffer.from('1b40', 'hex'),
  Buffer.alloc(6000, 0x41),
  Buffer.from('1d56420 01d7231'.replace(/\s/g, ''), 'hex'),
]);
const payload: PrintPayload = {
  bytes: BYTES,
  svg: () => '<svg/>',
  title: 'Receipt T01-1',
  paperWidthMm: 80,
};
const FAST = { connectMs: 1000, statusMs: 300, finishMs: 800 };

let printer: FakeReceiptPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

const split = (address: string) => {
  const [host, port] = address.split(':');
  return [host!, Number(port)] as const;
};

describe('network printer, raw TCP', () => {
  it('a printer that answers status requests gets the slip byte for byte', async () => {
    printer = await startFakePrinter('print');
    expect(await sendOverTcp(...split(printer.address), BYTES, FAST)).toEqual({ ok: true });
    expect((await printer.waitForJobs(1))[0]!.equals(BYTES)).toBe(true);
  });

  it('a printer without status support is printed to after a moment, and closing confirms it', async () => {
    printer = await startFakePrinter('print-silently');
    expect(await sendOverTcp(...split(printer.address), BYTES, FAST)).toEqual({ ok: true });
    expect((await printer.waitForJobs(1))[0]!.equals(BYTES)).toBe(true);
  });

  it('out of paper: nothing is sent, the reason says so', async () => {
    printer = await startFakePrinter('paper-out');
    const outcome = worded(await sendOverTcp(...split(printer.address), BYTES, FAST));
    expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/out of paper/) });
    expect(printer.jobs).toHaveLength(0);
  });

  it('refused, hung, reset mid-slip: each fails with its own reason, within its timeout', async () => {
    const refused = worded(await sendOverTcp(...split(await refusingAddress()), BYTES, FAST));
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/refused the connection/) });

    printer = await startFakePrinter('hang');
    const started = Date.now();
    const hung = worded(await sendOverTcp(...split(printer.address), BYTES, FAST));
    expect(hung).toEqual({ ok: false, reason: expect.stringMatching(/did not confirm the slip/) });
    expect(Date.now() - started).toBeLessThan(FAST.statusMs + FAST.finishMs + 1000);
    await printer.close();

    printer = await startFakePrinter('reset-mid-job');
    const reset = worded(await sendOverTcp(...split(printer.address), BYTES, FAST));
    expect(reset).toEqual({
      ok: false,
      reason: expect.stringMatching(/closed the connection in the middle of the slip/),
    });
  });
});

/** A stand-in program in a fresh folder: its path, and the folder it writes what it saw to. */
function standIn(name: string, script: string): { program: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-bin-'));
  writeFileSync(join(dir, name), script);
  chmodSync(join(dir, name), 0o755);
  return { program: join(dir, name), dir };
}

/** Runs `run` with `dir` first on PATH, as a folder an attacker could write to would be. */
async function withFirstOnPath<T>(dir: string, run: () => Promise<T>): Promise<T> {
  const path = process.env['PATH'];
  process.env['PATH'] = `${dir}${delimiter}${path ?? ''}`;
  try {
    return await run();
  } finally {
    process.env['PATH'] = path;
  }
}

/** A program that only leaves a mark that it ran. */
const MARKER = '#!/bin/sh\ncat > /dev/null\ntouch "$(dirname "$0")/ran"\n';

describe('CUPS: lp -o raw', () => {
  it('hands the bytes untouched to lp for the queue, raw, named after the slip', async () => {
    const lp = standIn(
      'lp',
      '#!/bin/sh\nprintf "%s\\n" "$@" > "$(dirname "$0")/args"\ncat > "$(dirname "$0")/stdin"\necho "request id is Receipts-7 (1 file(s))"\n',
    );
    const outcome = await cupsTransport('Receipts', { program: lp.program }).send(payload);
    expect(outcome).toEqual({ ok: true });
    expect(readFileSync(join(lp.dir, 'args'), 'utf8').trim().split('\n')).toEqual(
      lpArguments('Receipts', 'Receipt T01-1'),
    );
    expect(readFileSync(join(lp.dir, 'stdin')).equals(BYTES)).toBe(true);
    expect(lpArguments('Receipts', 'x')).toEqual(['-d', 'Receipts', '-o', 'raw', '-t', 'x']);
  });

  it("lp's own error becomes the reason; a missing lp is named with its path", async () => {
    const lp = standIn(
      'lp',
      '#!/bin/sh\ncat > /dev/null\necho "lp: The printer or class does not exist." >&2\nexit 1\n',
    );
    expect(worded(await cupsTransport('Nope', { program: lp.program }).send(payload))).toEqual({
      ok: false,
      reason: 'CUPS refused the slip for “Nope”: lp: The printer or class does not exist.',
    });
    const missing = worded(
      await cupsTransport('Receipts', { program: '/nonexistent/lp' }).send(payload),
    );
    expect(missing).toEqual({
      ok: false,
      reason:
        'The lp program was not found at /nonexistent/lp: install CUPS, or choose another kind of printer.',
    });
  });

  it('runs /usr/bin/lp, never an lp found first on the search path', async () => {
    const planted = standIn('lp', MARKER);
    const outcome = worded(
      await withFirstOnPath(planted.dir, () => cupsTransport('Receipts').send(payload)),
    );
    expect(existsSync(join(planted.dir, 'ran'))).toBe(false);
    expect(LP_PROGRAM).toBe('/usr/bin/lp');
    // Here (no CUPS) /usr/bin/lp is missing and the reason names it; with CUPS, it refuses the queue.
    expect(outcome).toMatchObject({ ok: false });
    if (!existsSync(LP_PROGRAM))
      expect(outcome).toEqual({
        ok: false,
        reason: expect.stringContaining('not found at /usr/bin/lp'),
      });
  });
});

describe('Windows spooler, RAW datatype through PowerShell (run here with a stand-in)', () => {
  it('the script calls winspool with the RAW datatype; the printer name travels outside it', () => {
    const name = 'EPSON TM-T20III" ; Remove-Item C:\\ ; "';
    const { args, env } = spoolerInvocation(name, 'Receipt T01-1', {});
    const script = Buffer.from(args.at(-1)!, 'base64').toString('utf16le');
    expect(args.slice(0, -1)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    for (const call of [
      'OpenPrinterW',
      'StartDocPrinterW',
      'StartPagePrinter',
      'WritePrinter',
      'EndDocPrinter',
      'ClosePrinter',
      'pDatatype = "RAW"',
      'Add-Type',
    ])
      expect(script).toContain(call);
    expect(script).not.toContain('EPSON');
    expect(env['ALIPAY_COUNTER_PRINTER']).toBe(name);
    expect(env['ALIPAY_COUNTER_DOCUMENT']).toBe('Receipt T01-1');
  });

  it('the bytes reach PowerShell as base64 on stdin; its error line becomes the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-ps-'));
    const fake = join(dir, 'powershell');
    writeFileSync(
      fake,
      `#!/bin/sh\nprintf "%s" "$ALIPAY_COUNTER_PRINTER" > "${dir}/printer"\nbase64 -d > "${dir}/bytes"\n[ "$ALIPAY_COUNTER_PRINTER" = "Counter USB" ] && exit 0\necho "OpenPrinter: The printer name is invalid" >&2\nexit 1\n`,
    );
    chmodSync(fake, 0o755);
    expect(await windowsSpoolerTransport('Counter USB', { program: fake }).send(payload)).toEqual({
      ok: true,
    });
    expect(readFileSync(join(dir, 'bytes')).equals(BYTES)).toBe(true);
    expect(readFileSync(join(dir, 'printer'), 'utf8')).toBe('Counter USB');
    expect(worded(await windowsSpoolerTransport('Nope', { program: fake }).send(payload))).toEqual({
      ok: false,
      reason: 'Windows could not print to “Nope”: OpenPrinter: The printer name is invalid',
    });
  });

  it('runs PowerShell from the Windows folder, never a powershell.exe found first on the search path', async () => {
    const planted = standIn('powershell.exe', MARKER);
    const outcome = worded(
      await withFirstOnPath(planted.dir, () =>
        windowsSpoolerTransport('Counter USB').send(payload),
      ),
    );
    expect(existsSync(join(planted.dir, 'ran'))).toBe(false);
    expect(outcome).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^PowerShell was not found at C:\\Windows\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe: /,
      ),
    });
    expect(powershellProgram({ SystemRoot: 'D:\\WINDOWS' })).toBe(
      'D:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    // A SystemRoot that is not a folder on a drive is not trusted.
    expect(powershellProgram({ SystemRoot: '.\\here' })).toBe(
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  });
});
