import { describe, expect, it } from 'vitest';
import { refundSlip, reportSlip, saleSlip } from '../../../src/main/printing/slip-layouts';
import { slipTime } from '../../../src/main/printing/slip-values';
import { renderEscPos, renderSvg, slipFormat } from '../../../src/main/printing/slip-render';
import type { SaleSlipFacts } from '../../../src/main/printing/slip-facts';
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

const LANGUAGES = { store: 'en', customer: 'zh-Hans' } as const;

const PAPER_DOTS = { 58: 384, 80: 576 } as const;

describe('slips as the printer gets them', () => {
  for (const paperWidth of [58, 80] as const) {
    it(`a ${paperWidth} mm customer slip: initialise, Chinese in GB18030, the facts, a QR of the payment id, cut`, () => {
      const paper = { paperWidth, codePage: 'gb18030' } as const;
      const bytes = renderEscPos(saleSlip(sale, 'customer', slipFormat(paper, LANGUAGES)), paper);

      expect(indexOfBytes(bytes, INITIALISE)).toBe(0);
      expect(indexOfBytes(bytes, ALIPAY_GB18030)).toBeGreaterThan(0);
      const text = printedText(bytes);
      for (const fact of [
        '上海小笼包 | Tea {1}',
        '123.45 CNY',
        '支付宝',
        'Alipay',
        sale.paymentId,
        '20891000000045',
        '2026-12-02 17:40:12',
        '顾客联',
        'CUSTOMER COPY',
      ])
        expect(text).toContain(fact);
      expect(text).not.toContain('REPRINT');

      const images = rasterImages(bytes);
      expect(images).toHaveLength(1);
      expect(images[0]!.width).toBeLessThanOrEqual(PAPER_DOTS[paperWidth]);
      expect(printedQrCodes(bytes)).toEqual([sale.paymentId]);
      // The cut comes after everything printed.
      expect(indexOfBytes(bytes, CUT)).toBeGreaterThan(indexOfBytes(bytes, ALIPAY_GB18030));
      expect(bytes.lastIndexOf(Buffer.from([0x1d, 0x56]))).toBeGreaterThan(bytes.length - 12);
    });
  }

  it('the merchant copy and a reprint say so', () => {
    const paper = { paperWidth: 80, codePage: 'gb18030' } as const;
    const text = printedText(
      renderEscPos(saleSlip(sale, 'merchant', slipFormat(paper, LANGUAGES), true), paper),
    );
    expect(text).toContain('商户联');
    expect(text).toContain('MERCHANT COPY');
    expect(text).toContain('重印');
    expect(text).toContain('REPRINT');
  });

  it('a printer without Chinese fonts (cp437) gets English only, and the QR still reads', () => {
    const paper = { paperWidth: 58, codePage: 'cp437' } as const;
    const bytes = renderEscPos(
      saleSlip({ ...sale, merchantName: 'Tea House' }, 'customer', slipFormat(paper, LANGUAGES)),
      paper,
    );
    expect(indexOfBytes(bytes, ALIPAY_GB18030)).toBe(-1);
    const text = printedText(bytes, 'latin1');
    expect(text).toContain('PAYMENT RECEIPT');
    expect(text).toContain('123.45 CNY');
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
        slipFormat(paper, LANGUAGES),
      ),
      paper,
    );
    const text = printedText(bytes);
    for (const fact of [
      '退款凭证',
      '1,200 JPY',
      '5,000 JPY',
      '3,800 JPY',
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
          slipFormat(paper, LANGUAGES),
        ),
        paper,
      ),
    );
    expect(text).toContain('Z REPORT 4');
    expect(text).toContain('99.00 CNY');
    expect(text).toContain('89.00 CNY');
    expect(text).toContain(hash.slice(0, 32));
    expect(text).toContain(hash.slice(32));
    expect(text).toContain('Period digest');
    expect(text).toContain('d'.repeat(32));
    expect(text).toContain(slipTime(sale.paidAt - 3_600_000, 'en'));
  });

  it('the preview is a picture as wide as the paper, with the amount in it', () => {
    for (const paperWidth of [58, 80] as const) {
      const paper = { paperWidth, codePage: 'gb18030' } as const;
      const svg = renderSvg(saleSlip(sale, 'customer', slipFormat(paper, LANGUAGES)), paper);
      expect(svg).toMatch(new RegExp(`^<svg width="${PAPER_DOTS[paperWidth]}px"`));
      expect(svg).toContain('支');
    }
  });
});
