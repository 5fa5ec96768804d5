import { said } from '../../../shared/i18n/said';
import { powershellProgram } from './helper-programs';
import type { PrintPayload, PrintTransport, SendOutcome } from './print-transport';
import { sendThroughProgram } from './program-transport';
import { lastLine } from './run-with-stdin';

const SPOOLER_TIMEOUT_MS = 30_000;

/**
 * PowerShell that hands bytes to the Windows spooler with the RAW datatype, through winspool's
 * OpenPrinterW / StartDocPrinterW / WritePrinter (compiled by Add-Type at run time, so the app
 * needs no native module). The printer and document names come from environment variables and
 * the bytes (base64) from standard input: nothing from the user is ever part of the script.
 */
export const SPOOLER_SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
try {
Add-Type -TypeDefinition @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
public static class AlipayCounterRawPrint {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DocInfo { public string pDocName; public string pOutputFile; public string pDatatype; }
  [DllImport("winspool.drv", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern bool OpenPrinterW(string name, out IntPtr printer, IntPtr defaults);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool ClosePrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true, CharSet = CharSet.Unicode)]
  static extern int StartDocPrinterW(IntPtr printer, int level, [In] DocInfo info);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndDocPrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool StartPagePrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool EndPagePrinter(IntPtr printer);
  [DllImport("winspool.drv", SetLastError = true)]
  static extern bool WritePrinter(IntPtr printer, byte[] bytes, int count, out int written);
  static Exception Fail(string step) {
    int code = Marshal.GetLastWin32Error();
    return new Win32Exception(code, step + ": " + new Win32Exception(code).Message);
  }
  public static void Send(string name, string document, byte[] bytes) {
    IntPtr printer;
    if (!OpenPrinterW(name, out printer, IntPtr.Zero)) throw Fail("OpenPrinter");
    try {
      if (StartDocPrinterW(printer, 1, new DocInfo { pDocName = document, pDatatype = "RAW" }) == 0) throw Fail("StartDocPrinter");
      try {
        if (!StartPagePrinter(printer)) throw Fail("StartPagePrinter");
        int written;
        if (!WritePrinter(printer, bytes, bytes.Length, out written)) throw Fail("WritePrinter");
        if (written != bytes.Length) throw new Exception("the spooler took " + written + " of " + bytes.Length + " bytes");
        EndPagePrinter(printer);
      } finally { EndDocPrinter(printer); }
    } finally { ClosePrinter(printer); }
  }
}
'@
  $bytes = [Convert]::FromBase64String([Console]::In.ReadToEnd())
  [AlipayCounterRawPrint]::Send($env:ALIPAY_COUNTER_PRINTER, $env:ALIPAY_COUNTER_DOCUMENT, $bytes)
} catch {
  $e = $_.Exception
  while ($e.InnerException) { $e = $e.InnerException }
  [Console]::Error.WriteLine($e.Message)
  exit 1
}
`;

/** How the PowerShell process is started: the script as -EncodedCommand (UTF-16LE base64). */
export function spoolerInvocation(
  printerName: string,
  title: string,
  env: NodeJS.ProcessEnv = process.env,
): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: [
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
      Buffer.from(SPOOLER_SCRIPT, 'utf16le').toString('base64'),
    ],
    env: { ...env, ALIPAY_COUNTER_PRINTER: printerName, ALIPAY_COUNTER_DOCUMENT: title },
  };
}

/** Which PowerShell to run (the Windows folder's unless told otherwise: tests give a stand-in's path). */
export interface SpoolerOptions {
  /** The absolute path of powershell.exe. */
  readonly program?: string;
  readonly timeoutMs?: number;
}

/** Sends the bytes to a Windows printer (USB or shared) through the spooler, RAW. */
export async function sendToSpooler(
  printerName: string,
  payload: PrintPayload,
  options: SpoolerOptions = {},
): Promise<SendOutcome> {
  const program = options.program ?? powershellProgram();
  const { args, env } = spoolerInvocation(printerName, payload.title);
  const input = Buffer.from(payload.bytes.toString('base64'));
  const timeoutMs = options.timeoutMs ?? SPOOLER_TIMEOUT_MS;
  return sendThroughProgram(
    program,
    args,
    input,
    { timeoutMs, env },
    {
      refused: (exit) =>
        said('printing.failure.windowsRefused', {
          name: printerName,
          detail: lastLine(exit.stderr) || `PowerShell exited with ${exit.code}`,
        }),
      missing: said('printing.failure.powershellMissing', { program }),
      timedOut: said('printing.failure.spoolerTimeout', {
        name: printerName,
        seconds: SPOOLER_TIMEOUT_MS / 1000,
      }),
      startFailed: (detail) => said('printing.failure.powershellStart', { detail }),
    },
  );
}

/** A printer installed in Windows (USB or shared), fed raw ESC/POS through the spooler. */
export function windowsSpoolerTransport(
  printerName: string,
  options: SpoolerOptions = {},
): PrintTransport {
  return {
    description: said('printing.printer.windows', { name: printerName }),
    send: (payload) => sendToSpooler(printerName, payload, options),
  };
}
