import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../../src/shared/i18n/generated-sources';
import { LOCALES } from '../../../src/shared/i18n/locales';
import { parseMessage, shapeOf } from '../../../src/shared/i18n/message-shape';

const I18N = join(import.meta.dirname, '../../../src/shared/i18n');
const CATALOGUE = join(I18N, 'catalogue');

type Messages = Record<string, string>;

function area(locale: string, name: string): Messages {
  return JSON.parse(readFileSync(join(CATALOGUE, locale, `${name}.json`), 'utf8')) as Messages;
}

const AREAS = readdirSync(join(CATALOGUE, 'en'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

function catalogue(locale: string): Messages {
  return Object.assign({}, ...AREAS.map((name) => area(locale, name))) as Messages;
}

const english = catalogue('en');

/** A message's needs as comparable text: argument names and kinds, tags, in order. */
function needs(id: string, text: string): string {
  const shape = shapeOf(parseMessage(id, text));
  return JSON.stringify({
    args: [...shape.args].sort(([a], [b]) => a.localeCompare(b)),
    tags: [...shape.tags].sort(),
  });
}

describe('the message catalogue', () => {
  it('has the same areas in every language, and nothing else', () => {
    expect(readdirSync(CATALOGUE).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES)
      expect(readdirSync(join(CATALOGUE, locale)).sort(), locale).toEqual(
        AREAS.map((name) => `${name}.json`).sort(),
      );
  });

  it('names every message after its area (cashier.*, main.*, …)', () => {
    for (const name of AREAS)
      for (const id of Object.keys(area('en', name)))
        expect(id.startsWith(`${name}.`), `${id} in ${name}.json`).toBe(true);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))(
    '%s has every English message, no other, each with the same values and tags',
    (locale) => {
      for (const name of AREAS) {
        const translated = area(locale, name);
        const source = area('en', name);
        expect(Object.keys(translated).sort(), `${locale}/${name}.json`).toEqual(
          Object.keys(source).sort(),
        );
        for (const [id, text] of Object.entries(translated))
          expect(needs(id, text), `${locale}: ${id}`).toBe(needs(id, source[id]!));
      }
    },
  );

  it.each(LOCALES)('%s: every message is valid ICU, not empty, with an "other" case', (locale) => {
    for (const [id, text] of Object.entries(catalogue(locale))) {
      expect(text.trim(), `${locale}: ${id}`).not.toBe('');
      expect(text, `${locale}: ${id} has space at an end`).toBe(text.trim());
      expect(shapeOf(parseMessage(id, text)).missingOther, `${locale}: ${id}`).toEqual([]);
    }
  });

  it('names each message once in a file (JSON keeps only the last of two, silently)', () => {
    for (const locale of LOCALES)
      for (const name of AREAS) {
        const text = readFileSync(join(CATALOGUE, locale, `${name}.json`), 'utf8');
        const ids = [...text.matchAll(/^\s*"([^"]+)":/gm)].map((match) => match[1]);
        const twice = ids.filter((id, at) => ids.indexOf(id) !== at);
        expect(twice, `${locale}/${name}.json`).toEqual([]);
      }
  });

  it('uses only the tags every window draws (<b>, <kbd>)', () => {
    for (const [id, text] of Object.entries(english))
      for (const tag of shapeOf(parseMessage(id, text)).tags)
        expect(['b', 'kbd'], `${id} uses <${tag}>`).toContain(tag);
  });

  it('matches the files `npm run i18n` writes (run it after changing a message)', async () => {
    const files = LOCALES.flatMap((locale) => AREAS.map((name) => ({ locale, area: name })));
    const englishByArea = Object.fromEntries(AREAS.map((name) => [name, area('en', name)]));
    const generated = generatedFiles(englishByArea, files);
    for (const { path, source } of generated) {
      const filepath = join(I18N, path);
      expect(readFileSync(filepath, 'utf8'), path).toBe(
        await format(source, { ...(await resolveConfig(filepath)), filepath }),
      );
    }
    // No file is left from an area that is gone.
    expect(readdirSync(join(I18N, 'message-args')).sort()).toEqual(
      generated
        .filter(({ path }) => path.startsWith('message-args/'))
        .map(({ path }) => path.slice('message-args/'.length))
        .sort(),
    );
  });
});
