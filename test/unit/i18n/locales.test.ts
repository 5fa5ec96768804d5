import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { chosenLocale, matchLocale } from '../../../src/shared/i18n/locales';
import { parseMessage } from '../../../src/shared/i18n/message-shape';
import { pseudoMessage } from '../../../src/shared/i18n/pseudo-locale';
import { said } from '../../../src/shared/i18n/said';
import { english, wordIn } from '../../../src/main/i18n/wording';

describe('the language a window speaks', () => {
  it.each([
    [['zh-CN'], 'zh-Hans'],
    [['zh'], 'zh-Hans'],
    [['zh-SG'], 'zh-Hans'],
    [['zh-TW'], 'zh-Hant'],
    [['zh-HK'], 'zh-Hant'],
    [['zh-MO'], 'zh-Hant'],
    [['zh-Hant-CN'], 'zh-Hant'],
    [['de-AT'], 'de'],
    [['fr-CH'], 'fr'],
    [['es-MX'], 'es'],
    [['it'], 'it'],
    [['pt-BR', 'es-ES', 'en'], 'es'],
    [['ja-JP'], 'en'],
    [['not a tag!', 'de'], 'de'],
    [[], 'en'],
    [['en-XA'], 'en-XA'],
  ])('%j → %s', (preferred, locale) => {
    expect(matchLocale(preferred)).toBe(locale);
  });

  it('follows the system until a manager picks one', () => {
    expect(chosenLocale('system', ['de-DE'])).toBe('de');
    expect(chosenLocale('fr', ['de-DE'])).toBe('fr');
  });
});

describe('the pseudo-locale', () => {
  it('accents every letter, keeps values and plural cases, and makes the message longer', () => {
    const source = 'Paid {count, plural, one {# sale} other {# sales}} to {name}';
    const pseudo = new IntlMessageFormat(pseudoMessage(parseMessage('x', source)), 'en');
    const worded = pseudo.format({ count: 2, name: 'Ana' }) as string;
    expect(worded).toMatch(/^⟦Þáíð 2 šáĺéš ţó Ana·+⟧$/);
    expect(worded.length).toBeGreaterThan('Paid 2 sales to Ana'.length * 1.3);
    expect(pseudo.format({ count: 1, name: 'Ana' })).toMatch(/^⟦Þáíð 1 šáĺé ţó Ana/);
  });
});

describe('main’s own wording (log, command line, slips)', () => {
  it('words a message and its plurals in each language', () => {
    expect(english(said('common.paymentCount', { count: 1 }))).toBe('1 payment');
    expect(english(said('common.paymentCount', { count: 2 }))).toBe('2 payments');
    expect(wordIn('de', said('common.paymentCount', { count: 2 }))).toBe('2 Zahlungen');
    expect(wordIn('zh-Hant', said('common.paymentCount', { count: 2 }))).toBe('2 筆交易');
  });

  it('words nested messages first', () => {
    const message = said('common.language.system', { language: said('common.nav.history') });
    expect(english(message)).toBe('Same as this computer (History)');
    expect(wordIn('fr', message)).toBe('Comme cet ordinateur (Historique)');
  });

  it('shows the id of a message it does not know, rather than nothing', () => {
    expect(english({ id: 'nobody.knows' })).toBe('nobody.knows');
  });
});
