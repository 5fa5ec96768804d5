import { describe, expect, it } from 'vitest';
import { english } from '../../../src/main/i18n/wording';
import { charsetFor } from '../../../src/main/printing/printer-charset';
import {
  slipLanguages,
  storeLocale,
  wantedLanguages,
} from '../../../src/main/printing/slip-languages';
import type { CodePage } from '../../../src/shared/printing/printer-options';

/** The languages slips print in, and what Settings → Printer says, in English. */
function languagesOn(codePage: CodePage, store: string, customer: string, merchantName = '') {
  const chosen = slipLanguages(
    wantedLanguages({
      language: store as 'de',
      customerLanguage: customer as 'zh-Hans',
    }),
    charsetFor(codePage),
    merchantName,
  );
  return { store: chosen.store, customer: chosen.customer, notes: chosen.notes.map(english) };
}

describe('the languages a slip prints in, by the printer’s code page', () => {
  it('the store’s language is the system’s until a manager picks one; one the counter lacks is English', () => {
    expect(storeLocale('system', 'de-AT')).toBe('de');
    expect(storeLocale('system', 'zh-TW')).toBe('zh-Hant');
    expect(storeLocale('system', 'zh-CN')).toBe('zh-Hans');
    expect(storeLocale('system', 'ja-JP')).toBe('en');
    expect(storeLocale('fr', 'de-DE')).toBe('fr');
    expect(wantedLanguages({ language: 'system', customerLanguage: 'zh-Hant' }, 'de-DE')).toEqual({
      store: 'de',
      customer: 'zh-Hant',
    });
  });

  it('GB18030: a German store’s copies in German, the customer’s in Simplified Chinese, nothing left off', () => {
    expect(languagesOn('gb18030', 'de', 'zh-Hans')).toEqual({
      store: 'de',
      customer: 'zh-Hans',
      notes: ['Merchant copies and reports print in German; customer slips in Simplified Chinese.'],
    });
    expect(languagesOn('cp936', 'it', 'zh-Hant').customer).toBe('zh-Hant');
  });

  it('CP858: German and French print with every accent; a Chinese customer gets an English slip, and Settings says so', () => {
    expect(languagesOn('cp858', 'fr', 'zh-Hans')).toEqual({
      store: 'fr',
      customer: 'en',
      notes: [
        'Merchant copies and reports print in French; customer slips in English.',
        'This code page has no Chinese characters: customer slips print in English instead of Simplified Chinese. Choose GB18030 or Big5 if the printer has Chinese.',
      ],
    });
  });

  it('a Chinese store on a printer without Chinese: every slip in English, said once', () => {
    expect(languagesOn('cp437', 'zh-Hans', 'zh-Hans')).toEqual({
      store: 'en',
      customer: 'en',
      notes: [
        'Slips print in English.',
        'This code page has no Chinese characters: slips print in English instead of Simplified Chinese. Choose GB18030 or Big5 if the printer has Chinese.',
      ],
    });
  });

  it('Big5 has no Simplified characters: Traditional prints instead, and Settings says so', () => {
    const big5 = languagesOn('big5', 'en', 'zh-Hans');
    expect(big5.customer).toBe('zh-Hant');
    expect(big5.notes).toContain(
      'This code page has no Simplified Chinese characters: Traditional Chinese prints instead.',
    );
    expect(languagesOn('big5', 'zh-Hant', 'zh-Hant').notes).toEqual([
      'Slips print in Traditional Chinese.',
    ]);
  });

  it('every Western language’s slips print in full on CP437, CP858 and Windows-1252', () => {
    for (const codePage of ['cp437', 'cp858', 'cp1252'] as const)
      for (const store of ['en', 'de', 'fr', 'es', 'it'])
        expect(languagesOn(codePage, store, 'en').notes).toHaveLength(1);
  });

  it('a store name the code page cannot print is named', () => {
    expect(languagesOn('cp858', 'de', 'en', '茶馆 Tea House').notes).toContain(
      'Some characters of the store’s name cannot print with this code page: they are left off.',
    );
    expect(languagesOn('gb18030', 'de', 'en', '茶馆 Café').notes).toHaveLength(1);
  });
});
