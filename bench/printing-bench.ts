import { performance } from 'node:perf_hooks';
import { english } from '../src/main/i18n/wording';
import { saleSlip } from '../src/main/printing/slip-layouts';
import { renderEscPos, renderSvg, slipFormat } from '../src/main/printing/slip-render';
import { sendOverTcp } from '../src/main/printing/transports/tcp-transport';
import { startFakePrinter } from '../test/support/fake-receipt-printer';
import { percentile } from './stats';

/** One paper width's figures. */
export interface SlipFigures {
  readonly paperWidth: 58 | 80;
  /** Layout + ESC/POS bytes of one customer slip. */
  readonly escPosP50Ms: number;
  readonly escPosP99Ms: number;
  /** Layout + the SVG preview. */
  readonly svgP50Ms: number;
  readonly escPosBytes: number;
  readonly svgBytes: number;
  /** Sending the slip to a printer on loopback until it confirms (status answer). */
  readonly sendP50Ms: number;
  readonly sendP99Ms: number;
}

const facts = (i: number) => ({
  merchantName: '上海小笼包 Shanghai Dumplings',
  terminalId: 'T01',
  paymentId: `T01-261202-174012-${(0x100000 + i).toString(16)}`,
  amount: 8800 + i,
  currency: 'CNY' as const,
  paidAt: Date.now(),
  operationId: String(20891000000000 + i),
});

/** The slip benched: the customer's copy, in Chinese. */
const LANGUAGES = { store: 'en', customer: 'zh-Hans' } as const;

/** Slip render time, bytes per slip, and a send to a fake printer, at 58 and 80 mm. */
export async function benchPrinting(rounds = 300): Promise<SlipFigures[]> {
  const printer = await startFakePrinter('print');
  const [host, port] = printer.address.split(':') as [string, string];
  const figures: SlipFigures[] = [];
  try {
    for (const paperWidth of [58, 80] as const) {
      const paper = { paperWidth, codePage: 'gb18030' } as const;
      const escPos: number[] = [];
      const svg: number[] = [];
      const send: number[] = [];
      let escPosBytes = 0;
      let svgBytes = 0;
      for (let i = 0; i < rounds; i++) {
        let started = performance.now();
        const bytes = renderEscPos(
          saleSlip(facts(i), 'customer', slipFormat(paper, LANGUAGES).customer),
          paper,
        );
        escPos.push(performance.now() - started);
        started = performance.now();
        const picture = renderSvg(
          saleSlip(facts(i), 'customer', slipFormat(paper, LANGUAGES).customer),
          paper,
        );
        svg.push(performance.now() - started);
        escPosBytes = bytes.length;
        svgBytes = Buffer.byteLength(picture);
        if (i < 50) {
          started = performance.now();
          const outcome = await sendOverTcp(host, Number(port), bytes);
          if (!outcome.ok) throw new Error(english(outcome.reason));
          send.push(performance.now() - started);
        }
      }
      figures.push({
        paperWidth,
        escPosP50Ms: percentile(escPos, 50),
        escPosP99Ms: percentile(escPos, 99),
        svgP50Ms: percentile(svg, 50),
        escPosBytes,
        svgBytes,
        sendP50Ms: percentile(send, 50),
        sendP99Ms: percentile(send, 99),
      });
    }
  } finally {
    await printer.close();
  }
  return figures;
}
