import {
  english,
  parsePrinterUrl,
  samplePaymentId,
  saleSlip,
  sampleSaleFacts,
  renderEscPos,
  renderSvg,
  slipFormat,
  slipTitle,
  transportFor,
  wordIn,
} from '../../main/command-line';
import { writeFileSync } from 'node:fs';
import { CUSTOMER_LOCALES, LOCALES, type Locale } from '../../shared/i18n/locales';
import { CODE_PAGES, type CodePage } from '../../shared/printing/printer-options';
import { CliError, EXIT } from '../cli-error';
import { defineCommand, optionSpec, type CommandOptions } from '../command-frame';

const HELP = `print-test --printer tcp://HOST:PORT|cups://QUEUE|windows://NAME [--width 58|80]
           [--payment-id ID] [--code-page ${CODE_PAGES.join('|')}] [--merchant NAME]
           [--language ${LOCALES.join('|')}] [--svg FILE]
  Prints the sample customer slip (the app's own layout, the payment id in its text and QR) in
  --language (zh-Hans by default) and exits 0 once the printer took it, or prints one line
  saying why not and exits 1. Where the code page cannot print the language as written, a note
  on stderr says what prints instead. --svg also writes the slip's picture.`;

const PRINT_TEST_OPTIONS = optionSpec([
  'printer',
  'width',
  'payment-id',
  'code-page',
  'merchant',
  'language',
  'svg',
]);

/** `print-test`: the installer's check that the counter's printer prints its slips. */
async function printTest(options: CommandOptions): Promise<number> {
  const target = parsePrinterUrl(options.required('printer'));
  if (!target.ok) throw new CliError(`print-test: ${target.reason}`);
  const widthText = options.optional('width') ?? '80';
  if (widthText !== '58' && widthText !== '80')
    throw new CliError(`print-test: --width must be 58 or 80 (mm), not "${widthText}"`);
  const codePage = options.optional('code-page') ?? 'gb18030';
  if (!(CODE_PAGES as readonly string[]).includes(codePage))
    throw new CliError(`print-test: --code-page must be one of ${CODE_PAGES.join(', ')}`);
  const paymentId = options.optional('payment-id') ?? samplePaymentId('T01');
  if (!/^[\x21-\x7e]{1,64}$/.test(paymentId))
    throw new CliError(
      'print-test: --payment-id must be 1 to 64 printable characters without spaces',
    );

  const language = options.optional('language') ?? 'zh-Hans';
  if (!(LOCALES as readonly string[]).includes(language))
    throw new CliError(`print-test: --language must be one of ${LOCALES.join(', ')}`);

  const paper = { paperWidth: Number(widthText) as 58 | 80, codePage: codePage as CodePage };
  // The sample is a customer's slip in one language: asked for as both the store's and the
  // customer display's, so that what the code page changes is said once.
  const customer = (CUSTOMER_LOCALES as readonly string[]).includes(language)
    ? (language as (typeof CUSTOMER_LOCALES)[number])
    : 'en';
  const wording = slipFormat(paper, { store: language as Locale, customer });
  for (const note of wording.languages.notes.slice(1))
    process.stderr.write(`print-test: note: ${english(note)}\n`);
  const markup = saleSlip(
    sampleSaleFacts(paymentId, options.optional('merchant') ?? 'Alipay Counter', 'T01', Date.now()),
    'customer',
    wording.store,
  );
  const svgFile = options.optional('svg');
  if (svgFile) writeFileSync(svgFile, renderSvg(markup, paper));
  const transport = transportFor(target.printer)!;
  const bytes = renderEscPos(markup, paper);
  const outcome = await transport.send({
    bytes,
    svg: () => renderSvg(markup, paper),
    title: wordIn(wording.languages.store, slipTitle({ kind: 'test' })),
    paperWidthMm: paper.paperWidth,
  });
  if (!outcome.ok) throw new CliError(`print-test: ${english(outcome.reason)}`);
  process.stdout.write(
    `printed the sample slip for ${paymentId} on ${english(transport.description)} (${bytes.length} bytes, ${paper.paperWidth} mm)\n`,
  );
  return EXIT.ok;
}

/** `print-test`, parsed and run by the command frame. */
export const printTestCommand = defineCommand('print-test', HELP, PRINT_TEST_OPTIONS, printTest);
