import { printerAddressProblem, type PrinterSettings } from '../../shared/printing/printer-options';
import { english } from '../i18n/wording';

/** The printer URLs the command line takes, by scheme. */
const SCHEMES = {
  'tcp:': 'tcp',
  'cups:': 'cups',
  'lp:': 'cups',
  'windows:': 'windows',
} as const;

/**
 * A printer as a URL, for the command line: `tcp://HOST[:PORT]` (9100 by default),
 * `cups://QUEUE` (or `lp://QUEUE`), `windows://PRINTER NAME`. Returns the kind and address the
 * printer settings use, or a one-line reason.
 */
export function parsePrinterUrl(
  text: string,
):
  { ok: true; printer: Pick<PrinterSettings, 'kind' | 'address'> } | { ok: false; reason: string } {
  const match = /^([a-z]+:)\/\/(.*)$/i.exec(text.trim());
  const kind = match ? SCHEMES[match[1]!.toLowerCase() as keyof typeof SCHEMES] : undefined;
  if (!match || !kind)
    return {
      ok: false,
      reason: `"${text}" is not a printer: use tcp://HOST:PORT, cups://QUEUE or windows://NAME`,
    };
  let address = match[2]!;
  try {
    address = decodeURIComponent(address);
  } catch {
    // Not %-encoded: taken as typed.
  }
  const problem = printerAddressProblem(kind, address);
  return problem
    ? { ok: false, reason: `"${text}": ${english({ id: problem })}` }
    : { ok: true, printer: { kind, address } };
}
