import { parseMessage, shapeOf, type ArgumentKind } from './message-shape';

/**
 * The files `npm run i18n` writes from the catalogue: the values each message takes (typed, from
 * English, the source language; one file per area) and the index main imports every catalogue
 * through. A test checks that they match the catalogue as it is.
 */
const HEADER = '// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.\n';

/** A value a message words as text: a string, a number, or another message. */
const TEXT = 'T';

const TYPE_OF: Record<ArgumentKind, string> = {
  text: TEXT,
  number: 'number',
  date: 'number',
  choice: 'string',
};

/** The interface name of an area's messages: `cashier` → `CashierArgs`. */
const argsOf = (area: string): string =>
  `${area.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase())}Args`;

/** `message-args/<area>.ts`: for each English message id of one area, the values it takes. */
export function areaArgsSource(area: string, english: Readonly<Record<string, string>>): string {
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
  const usesText = lines.some((line) => line.includes(`: ${TEXT}`));
  return (
    HEADER +
    (usesText
      ? `import type { Said } from '../said';\n\ntype ${TEXT} = string | number | Said;\n\n`
      : '\n') +
    `/** The messages of the ${area} area and the values each takes (dates as ms since the epoch). */\n` +
    `export interface ${argsOf(area)} {\n${lines.join('\n')}\n}\n`
  );
}

/** `message-args.ts`: every area's messages in one interface, and the ids. */
export function messageArgsSource(areas: readonly string[]): string {
  const sorted = [...areas].sort();
  return (
    HEADER +
    sorted
      .map((area) => `import type { ${argsOf(area)} } from './message-args/${area}';`)
      .join('\n') +
    '\n\n/** Every message id and the values it takes (dates as ms since the epoch). */\n' +
    `export interface MessageArgs extends ${sorted.map(argsOf).join(', ')} {}\n\n` +
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

/** Every file `npm run i18n` writes, by its path under src/shared/i18n. */
export function generatedFiles(
  englishByArea: Readonly<Record<string, Readonly<Record<string, string>>>>,
  files: ReadonlyArray<{ locale: string; area: string }>,
): Array<{ path: string; source: string }> {
  const areas = Object.keys(englishByArea);
  return [
    { path: 'message-args.ts', source: messageArgsSource(areas) },
    ...areas.map((area) => ({
      path: `message-args/${area}.ts`,
      source: areaArgsSource(area, englishByArea[area]!),
    })),
    { path: 'catalogue-index.ts', source: catalogueIndexSource(files) },
  ];
}
