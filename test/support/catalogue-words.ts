import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CATALOGUE = join(__dirname, '../../src/shared/i18n/catalogue');

/**
 * The catalogue's text of every message in `locale` (all areas), so that a test in German or
 * Chinese finds what the screen says there. Messages with values stay as written ("{count}").
 */
export function catalogueWords(locale: string): Record<string, string> {
  const words: Record<string, string> = {};
  for (const file of readdirSync(join(CATALOGUE, locale)))
    Object.assign(words, JSON.parse(readFileSync(join(CATALOGUE, locale, file), 'utf8')));
  return words;
}

/**
 * The languages the E2E tests drive a counter in, as a browser asks for them: the browser's
 * locale, the catalogue it gets, and the `<html lang>` tag the window then carries.
 */
export const BROWSER_LANGUAGES = [
  { browser: 'en-US', catalogue: 'en', tag: 'en' },
  { browser: 'zh-CN', catalogue: 'zh-Hans', tag: 'zh-Hans' },
  { browser: 'de-DE', catalogue: 'de', tag: 'de' },
] as const;

/** A message with its simple values filled in, as the screen shows it ("{name}" → "Ana"). */
export function fillMessage(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
