import { describe, expect, it } from 'vitest';
import { refundSlip, reportSlip, saleSlip } from '../../../src/main/printing/slip-layouts';
import { renderEscPos, slipFormat } from '../../../src/main/printing/slip-render';
import { wordsFor } from '../../../src/main/printing/slip-words';
import type { SaleSlipFacts, SlipCopy } from '../../../src/main/printing/slip-facts';
import type { CustomerLocale, Locale } from '../../../src/shared/i18n/locales';
import type { CodePage } from '../../../src/shared/printing/printer-options';
import { printedQrCodes, printedText } from '../../support/escpos-reader';

const sale: SaleSlipFacts = {
  merchantName: 'Café Müller',
  terminalId: 'T07',
  paymentId: 'T07-261202-174012-9f3a2b',
  amount: 123456,
  currency: 'CNY',
  paidAt: new Date(2026, 11, 2, 17, 40, 12).getTime(),
  operationId: '20891000000045',
};

/** A printer with this code page, in a store speaking `store`, its display `customer`. */
function printer(codePage: CodePage, store: Locale, customer: CustomerLocale) {
  const paper = { paperWidth: 58, codePage } as const;
  const wording = slipFormat(paper, { store, customer });
  const chinese = codePage === 'big5' ? 'big5' : 'gb18030';
  return {
    /** What the printer prints of a sale's copy, read back from the bytes it was sent. */
    sale: (copy: SlipCopy, reprint = false) =>
      printedText(
        renderEscPos(saleSlip(sale, copy, wordsFor(wording, copy), reprint), paper),
        chinese,
      ),
    bytes: (copy: SlipCopy) => renderEscPos(saleSlip(sale, copy, wordsFor(wording, copy)), paper),
    wording,
    paper,
    chinese,
  };
}

describe('slips in the store’s and the customer’s languages, as the printer prints them', () => {
  it('German store, CP858: the merchant copy in German with its umlauts, German money and dates', () => {
    const text = printer('cp858', 'de', 'zh-Hans').sale('merchant', true);
    for (const words of [
      'Café Müller',
      'ZAHLUNGSBELEG',
      'HÄNDLERBELEG',
      'DUPLIKAT',
      'Betrag',
      '1.234,56 CNY',
      'Alipay BEZAHLT',
      '2. Dez. 2026, 17:40:12',
      'Für eine Erstattung diesen Code',
      'Vielen Dank',
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/PAYMENT|Amount|[?]{2}/);
  });

  it('the same CP858 printer prints the Chinese customer’s slip in English, never as mojibake', () => {
    const text = printer('cp858', 'de', 'zh-Hans').sale('customer');
    expect(text).toContain('CUSTOMER COPY');
    expect(text).toContain('CNY 1,234.56');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('GB18030: the customer’s slip in Simplified Chinese, the German merchant copy keeps its umlauts', () => {
    const gb = printer('gb18030', 'de', 'zh-Hans');
    const customer = gb.sale('customer');
    for (const words of [
      'Café Müller',
      '收款凭证',
      '顾客联',
      '金额',
      'CNY 1,234.56',
      '支付宝 支付成功',
      '2026年12月2日 17:40:12',
      '退款时请出示此码',
      '谢谢惠顾',
    ])
      expect(customer).toContain(words);
    expect(gb.sale('merchant')).toContain('HÄNDLERBELEG');
    expect(printedQrCodes(gb.bytes('customer'))).toEqual([sale.paymentId]);
  });

  it('Big5: the customer’s slip in Traditional Chinese, with Taiwan’s and Hong Kong’s words', () => {
    const text = printer('big5', 'en', 'zh-Hant').sale('customer', true);
    for (const words of ['收款憑證', '顧客聯', '重印', '金額', '支付寶', '謝謝惠顧'])
      expect(text).toContain(words);
    expect(printer('big5', 'en', 'zh-Hant').sale('merchant')).toContain('MERCHANT COPY');
  });

  it('a Big5 printer asked for Simplified Chinese prints the Traditional slip', () => {
    const big5 = printer('big5', 'en', 'zh-Hans');
    expect(big5.wording.customer.locale).toBe('zh-Hant');
    expect(big5.sale('customer')).toContain('顧客聯');
  });

  it('a refund slip and a Z report in German, counts in words', () => {
    const { wording, paper } = printer('cp858', 'de', 'zh-Hans');
    const refund = printedText(
      renderEscPos(
        refundSlip(
          {
            merchantName: 'Café Müller',
            terminalId: 'T07',
            paymentId: sale.paymentId,
            refundId: 'T07-R261202-180000-abcdef',
            currency: 'EUR',
            paymentAmount: 5000,
            refundAmount: 1250,
            remaining: 3750,
            reason: 'Größe passt nicht',
            refundedAt: sale.paidAt,
          },
          'merchant',
          wording.store,
        ),
        paper,
      ),
    );
    for (const words of ['ERSTATTUNGSBELEG', '12,50 EUR', '37,50 EUR', 'Größe passt nicht'])
      expect(refund).toContain(words);
    const z = printedText(
      renderEscPos(
        reportSlip(
          {
            merchantName: 'Café Müller',
            terminalId: 'T07',
            kind: 'Z',
            number: 4,
            periodStart: sale.paidAt - 3_600_000,
            periodEnd: sale.paidAt,
            currencies: [
              {
                currency: 'EUR',
                payments: { count: 1, sum: 9900 },
                refunds: { count: 2, sum: 1000 },
                net: 8900,
                declined: 0,
              },
            ],
            open: { payments: 0, refunds: 0 },
            auditHeadHash: 'a'.repeat(64),
            periodDigest: null,
            printedAt: sale.paidAt,
          },
          wording.store,
        ),
        paper,
      ),
    );
    for (const words of ['Z-BERICHT 4', '1 Zahlung', '2 Erstattungen', '99,00 EUR', 'Netto'])
      expect(z).toContain(words);
  });
});
