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
