import { describe, expect, it } from 'vitest';
import { refundSlip, reportSlip, saleSlip } from '../../../src/main/printing/slip-layouts';
import { slipTime } from '../../../src/main/printing/slip-values';
import {
  renderEscPos,
  renderSvg,
  slipFormat,
  type PaperSetup,
} from '../../../src/main/printing/slip-render';
import type { SaleSlipFacts, SlipCopy } from '../../../src/main/printing/slip-facts';
import { wordsFor } from '../../../src/main/printing/slip-words';
import {
  ALIPAY_GB18030,
  CUT,
  INITIALISE,
  indexOfBytes,
  printedQrCodes,
  printedText,
  rasterImages,
} from '../../support/escpos-reader';

const sale: SaleSlipFacts = {
  merchantName: '上海小笼包 | Tea {1}',
  terminalId: 'T07',
  paymentId: 'T07-261202-174012-9f3a2b',
  amount: 12345,
  currency: 'CNY',
  paidAt: new Date(2026, 11, 2, 17, 40, 12).getTime(),
  operationId: '20891000000045',
};

/** The store speaks English, the customer display Simplified Chinese. */
const LANGUAGES = { store: 'en', customer: 'zh-Hans' } as const;

/** The words of a copy on this paper: the customer's in Chinese, the merchant's in English. */
const wordsOf = (paper: PaperSetup, copy: SlipCopy = 'customer') =>
  wordsFor(slipFormat(paper, LANGUAGES), copy);

const PAPER_DOTS = { 58: 384, 80: 576 } as const;

describe('slips as the printer gets them', () => {
  for (const paperWidth of [58, 80] as const) {
    it(`a ${paperWidth} mm customer slip: initialise, Chinese in GB18030, the facts, a QR of the payment id, cut`, () => {
      const paper = { paperWidth, codePage: 'gb18030' } as const;
      const bytes = renderEscPos(saleSlip(sale, 'customer', wordsOf(paper)), paper);

      expect(indexOfBytes(bytes, INITIALISE)).toBe(0);
      expect(indexOfBytes(bytes, ALIPAY_GB18030)).toBeGreaterThan(0);
      const text = printedText(bytes);
      for (const fact of [
        '上海小笼包 | Tea {1}',
        'CNY 123.45',
        '支付宝 支付成功',
        sale.paymentId,
        '20891000000045',
        '2026年12月2日 17:40:12',
        '顾客联',
      ])
        expect(text).toContain(fact);
      expect(text).not.toContain('重印');
      expect(text).not.toContain('CUSTOMER COPY');

      const images = rasterImages(bytes);
      expect(images).toHaveLength(1);
      expect(images[0]!.width).toBeLessThanOrEqual(PAPER_DOTS[paperWidth]);
      expect(printedQrCodes(bytes)).toEqual([sale.paymentId]);
      // The cut comes after everything printed.
      expect(indexOfBytes(bytes, CUT)).toBeGreaterThan(indexOfBytes(bytes, ALIPAY_GB18030));
      expect(bytes.lastIndexOf(Buffer.from([0x1d, 0x56]))).toBeGreaterThan(bytes.length - 12);
    });
  }

  it('the merchant copy is in the store’s language, and a reprint says so', () => {
    const paper = { paperWidth: 80, codePage: 'gb18030' } as const;
    const text = printedText(
      renderEscPos(saleSlip(sale, 'merchant', wordsOf(paper, 'merchant'), true), paper),
    );
    expect(text).toContain('MERCHANT COPY');
    expect(text).toContain('REPRINT');
    expect(text).toContain('CNY 123.45');
    expect(text).not.toContain('商户联');
  });

  it('a printer without Chinese fonts (cp437) prints the Chinese customer’s slip in English, and the QR still reads', () => {
    const paper = { paperWidth: 58, codePage: 'cp437' } as const;
    const bytes = renderEscPos(
      saleSlip({ ...sale, merchantName: 'Tea House' }, 'customer', wordsOf(paper)),
      paper,
    );
    expect(indexOfBytes(bytes, ALIPAY_GB18030)).toBe(-1);
    const text = printedText(bytes);
    expect(text).toContain('PAYMENT RECEIPT');
    expect(text).toContain('CUSTOMER COPY');
    expect(text).toContain('CNY 123.45');
    expect(text).not.toMatch(/\?{2,}/);
    expect(printedQrCodes(bytes)).toEqual([sale.paymentId]);
  });

  it('a refund slip: the original payment, the amount refunded, what remains, the reason', () => {
    const paper = { paperWidth: 58, codePage: 'gb18030' } as const;
    const bytes = renderEscPos(
      refundSlip(
        {
          merchantName: 'Tea',
          terminalId: 'T07',
          paymentId: sale.paymentId,
          refundId: 'T07-R261202-180000-abcdef',
          currency: 'JPY',
          paymentAmount: 5000,
          refundAmount: 1200,
          remaining: 3800,
          reason: '退一杯 one cup returned',
          refundedAt: sale.paidAt,
        },
        'customer',
        wordsOf(paper),
      ),
      paper,
    );
    const text = printedText(bytes);
    for (const fact of [
      '退款凭证',
      'JPY 1,200',
      'JPY 5,000',
      'JPY 3,800',
      '退一杯 one cup returned',
      sale.paymentId,
      'T07-R261202-180000-abcdef',
    ])
      expect(text).toContain(fact);
    expect(printedQrCodes(bytes)).toEqual([sale.paymentId]);
  });

  it('a Z report slip carries the audit chain head hash in full', () => {
    const paper = { paperWidth: 58, codePage: 'gb18030' } as const;
    const hash = 'f'.repeat(20) + '0123456789abcdef'.repeat(2) + 'e'.repeat(12);
    const text = printedText(
      renderEscPos(
        reportSlip(
          {
            merchantName: 'Tea',
            terminalId: 'T07',
            kind: 'Z',
            number: 4,
            periodStart: sale.paidAt - 3_600_000,
            periodEnd: sale.paidAt,
            currencies: [
              {
                currency: 'CNY',
                payments: { count: 3, sum: 9900 },
                refunds: { count: 1, sum: 1000 },
                net: 8900,
                declined: 2,
              },
            ],
            open: { payments: 1, refunds: 0 },
            auditHeadHash: hash,
            periodDigest: 'd'.repeat(64),
            printedAt: sale.paidAt,
          },
          wordsOf(paper, 'merchant'),
        ),
        paper,
      ),
    );
    expect(text).toContain('Z REPORT 4');
    expect(text).toContain('CNY 99.00');
    expect(text).toContain('CNY 89.00');
    expect(text).toContain(hash.slice(0, 32));
    expect(text).toContain(hash.slice(32));
    expect(text).toContain('Period digest');
    expect(text).toContain('d'.repeat(32));
    expect(text).toContain(slipTime(sale.paidAt - 3_600_000, 'en'));
  });

  it('the preview is a picture as wide as the paper, with the amount in it', () => {
    for (const paperWidth of [58, 80] as const) {
      const paper = { paperWidth, codePage: 'gb18030' } as const;
      const svg = renderSvg(saleSlip(sale, 'customer', wordsOf(paper)), paper);
      expect(svg).toMatch(new RegExp(`^<svg width="${PAPER_DOTS[paperWidth]}px"`));
      expect(svg).toContain('支');
    }
  });
});
