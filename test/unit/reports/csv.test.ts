import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/main/reports/csv';

describe('CSV as a spreadsheet reads it', () => {
  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    expect(csvField('tea, cake')).toBe('"tea, cake"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(1880)).toBe('1880');
  });

  it('keeps Chinese text as it is, behind a UTF-8 byte order mark, with CRLF line ends', () => {
    const csv = toCsv(['商户', 'note'], [['茶馆', '退款，部分']]);
    expect(csv).toBe('\ufeff商户,note\r\n茶馆,退款，部分\r\n'); // a full-width comma is text
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('defuses cells a spreadsheet would run as a formula (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-1+cmd|x')).toBe("'-1+cmd|x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('leaves a negative amount a number, so a net after refunds still sums', () => {
    expect(csvField('-12.00')).toBe('-12.00');
    expect(csvField('-5')).toBe('-5');
    expect(csvField(-1200)).toBe('-1200');
  });
});
