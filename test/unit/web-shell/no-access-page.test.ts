import { describe, expect, it } from 'vitest';
import { acceptedLanguages, noAccessPage } from '../../../src/main/web-shell/no-access-page';

/** The browser shell's page for a link without its access key, in the browser's language. */
describe('the page for a link without its access key', () => {
  it("reads the browser's languages in the order it wants them", () => {
    expect(acceptedLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual([
      'fr-CH',
      'fr',
      'en',
      'de',
    ]);
    expect(acceptedLanguages('en;q=0.2,zh-TW')).toEqual(['zh-TW', 'en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it('speaks the first language the counter has, Traditional Chinese for Taiwan, else English', () => {
    expect(noAccessPage('missing', 'zh-TW,zh;q=0.9')).toContain('<html lang="zh-Hant">');
    expect(noAccessPage('missing', 'zh-TW,zh;q=0.9')).toContain('此連結無法開啟收銀台');
    expect(noAccessPage('wrong', 'ja-JP,de;q=0.5')).toContain('gehört nicht zur laufenden Kasse');
    expect(noAccessPage('missing', 'ja-JP')).toContain('<html lang="en">');
    expect(noAccessPage('missing', 'en-XA')).toMatch(/⟦Ţĥíš ĺíñķ/);
  });

  it('says where the right link is, and has nothing a person could try to charge with', () => {
    const page = noAccessPage('missing', 'en');
    expect(page).toContain('terminal window that started the counter');
    expect(page).not.toMatch(/<(script|input|button|form)\b/);
  });
});
