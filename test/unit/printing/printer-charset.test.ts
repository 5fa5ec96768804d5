import { describe, expect, it } from 'vitest';
import { charsetFor } from '../../../src/main/printing/printer-charset';
import { printedText } from '../../support/escpos-reader';

/** What a printer would print of a text, as it reads the bytes back. */
const printed = (codePage: Parameters<typeof charsetFor>[0], text: string, chinese = 'gb18030') => {
  const charset = charsetFor(codePage);
  return printedText(Buffer.from(charset.escpos(charset.printable(text)), 'latin1'), chinese);
};

describe('what a receipt printer can print with its code page', () => {
  it('CP858 prints German, French, Spanish and Italian letters and €, exactly', () => {
    for (const text of [
      'Händlerbeleg: Straße Größe',
      'Exemplaire commerçant, reçu payé à Noël',
      'Año, señal: ¿cuánto? ¡Gracias!',
      'Perché è già così',
      'Café 12,50 €',
    ]) {
      expect(charsetFor('cp858').prints(text)).toBe(true);
      expect(printed('cp858', text)).toBe(text);
    }
  });

  it('Windows-1252 prints the same letters and € from its own table', () => {
    const text = 'Kundenbeleg für Müller, 12,50 € — œuvre';
    expect(printed('cp1252', text)).toBe('Kundenbeleg für Müller, 12,50 € - œuvre');
  });

  it('CP437 lacks some letters: they print without their accents, € as EUR, never as a wrong letter', () => {
    const charset = charsetFor('cp437');
    expect(charset.prints('Größe')).toBe(true);
    expect(charset.prints('Perché così, È già: 5 €')).toBe(false);
    expect(printed('cp437', 'Perché così, È già: 5 €')).toBe('Perché così, E già: 5 EUR');
    expect(printed('cp437', 'Œuvre à Noël')).toBe('OEuvre à Noël');
  });

  it('a code page without Chinese leaves Chinese out instead of printing mojibake, and closes the gap', () => {
    expect(charsetFor('cp858').prints('茶馆')).toBe(false);
    expect(printed('cp858', '茶馆 Tea House')).toBe('Tea House');
    expect(printed('cp858', 'Tea 茶馆 House')).toBe('Tea House');
  });

  it('GB18030 prints Simplified and Traditional Chinese, with Western letters from CP858 between them', () => {
    const text = '收款凭证 顧客聯 Müller 12,50 € Café';
    expect(charsetFor('gb18030').prints(text)).toBe(true);
    expect(printed('gb18030', text)).toBe(text);
    expect(printed('cp936', text)).toBe(text);
  });

  it('Big5 prints Traditional Chinese; a Simplified character it lacks is left out', () => {
    const big5 = charsetFor('big5');
    expect(big5.prints('收款憑證 顧客聯 謝謝惠顧')).toBe(true);
    expect(printed('big5', '收款憑證 顧客聯 Café', 'big5')).toBe('收款憑證 顧客聯 Café');
    expect(big5.prints('顾客联')).toBe(false);
  });

  it('measures text as the printer prints it: a Chinese character two columns, a letter one', () => {
    const gb = charsetFor('gb18030');
    expect(gb.width('金额 Betrag')).toBe(4 + 1 + 6);
    expect(gb.width('Größe')).toBe(5);
    expect(charsetFor('cp858').width('茶')).toBe(0);
  });

  it('spaces and punctuation Intl writes become ones every printer has', () => {
    // Intl puts narrow no-break spaces in French amounts and German dates.
    expect(printed('cp437', '1\u202f234,56\u00a0CNY – “ok”')).toBe('1 234,56 CNY - "ok"');
  });
});
