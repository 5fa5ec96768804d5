import { parseMessage, shapeOf, type ArgumentKind } from './message-shape';

/**
 * The two files `npm run i18n` writes from the catalogue: the values each message takes (typed,
 * from English, the source language) and the index main imports every catalogue through. A test
 * checks that both match the catalogue as it is.
 */
const HEADER = '// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.\n';

const TYPE_OF: Record<ArgumentKind, string> = {
  text: 'string | number | Said',
  number: 'number',
  date: 'number',
  choice: 'string',
};

/** `message-args.ts`: for each English message id, the values it takes (or undefined). */
export function messageArgsSource(english: Readonly<Record<string, string>>): string {
  const lines = Object.keys(english)
    .sort()
    .map((id) => {
      const { args } = shapeOf(parseMessage(id, english[id]!));
      if (args.size === 0) return `  '${id}': undefined;`;
      const fields = [...args]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, kind]) => `${JSON.stringify(name)}: ${TYPE_OF[kind]}`);
      return `  '${id}': { ${fields.join('; ')} };`;
    });
  return (
    HEADER +
    "import type { Said } from './said';\n\n" +
    '/** Every message id and the values it takes (dates as ms since the epoch). */\n' +
    `export interface MessageArgs {\n${lines.join('\n')}\n}\n\n` +
    'export type MessageId = keyof MessageArgs;\n'
  );
}

/** `catalogue-index.ts`: every catalogue file imported, by language and area. */
export function catalogueIndexSource(
  files: ReadonlyArray<{ locale: string; area: string }>,
): string {
  const name = ({ locale, area }: { locale: string; area: string }): string =>
    `${locale.replace('-', '')}_${area}`;
  const sorted = [...files].sort(
    (a, b) => a.locale.localeCompare(b.locale) || a.area.localeCompare(b.area),
  );
  const imports = sorted.map(
    (file) => `import ${name(file)} from './catalogue/${file.locale}/${file.area}.json';`,
  );
  const locales = [...new Set(sorted.map((file) => file.locale))];
  const entries = locales.map((locale) => {
    const areas = sorted.filter((file) => file.locale === locale).map(name);
    return `  '${locale}': { ${areas.map((area) => `...${area}`).join(', ')} },`;
  });
  return (
    HEADER +
    `${imports.join('\n')}\n\n` +
    "/** Each language's messages (ICU text), every area merged. */\n" +
    `export const CATALOGUE: Readonly<Record<string, Readonly<Record<string, string>>>> = {\n${entries.join('\n')}\n};\n`
  );
}
