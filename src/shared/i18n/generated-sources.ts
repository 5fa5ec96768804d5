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

/** An area's type name: `cashier` → `CashierArgs`, `CashierPlain`. */
const typeOf = (area: string, kind: 'Args' | 'Plain'): string =>
  `${area.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase())}${kind}`;

/** The values one message takes as a type (`{ amount: T; maximum: T }`), or '' for none. */
function valuesOf(id: string, text: string): string {
  const { args } = shapeOf(parseMessage(id, text));
  const fields = [...args]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, kind]) => `${JSON.stringify(name)}: ${TYPE_OF[kind]}`);
  return fields.length === 0 ? '' : `{ ${fields.join('; ')} }`;
}

/** Prettier's width; it leaves template types whole, so the ids are wrapped here. */
const WIDTH = 100;
/** What stands around a line of ids in a `Record<…>`: `      | \`` and `${` … `}\``. */
const AROUND = '      | `${}`'.length;

/**
 * Message ids as a union a person can scan: the ids of one section (all but the last part) share
 * a line, `staff.pin.${'delete' | 'digits'}`, wrapped where it would grow wider than prettier's.
 */
export function idUnion(ids: readonly string[]): string {
  // Keyed by the section with its dot (`staff.pin.`); an id that cannot be cut so is its own key.
  const bySection = new Map<string, string[]>();
  for (const id of ids) {
    const cut = id.lastIndexOf('.');
    const key = /^[\w.-]+$/.test(id) && cut > 0 ? id.slice(0, cut + 1) : id;
    bySection.set(key, [...(bySection.get(key) ?? []), id]);
  }
  const lines: string[] = [];
  for (const [section, sectionIds] of bySection) {
    let line: string[] = [];
    const close = (): void => {
      const leaves = line.map((id) => `'${id.slice(section.length)}'`).join(' | ');
      if (line.length === 1) lines.push(`'${line[0]}'`);
      if (line.length > 1) lines.push(`\`${section}\${${leaves}}\``);
      line = [];
    };
    for (const id of sectionIds) {
      const leaves = [...line, id].map((each) => `'${each.slice(section.length)}'`);
      if (AROUND + section.length + leaves.join(' | ').length > WIDTH) close();
      line.push(id);
    }
    close();
  }
  return lines.join(' | ');
}

/**
 * `message-args/<area>.ts`: the area's messages that take no values as one union, and the others
 * grouped by the values they take, each group one `Record` of its ids.
 */
export function areaArgsSource(area: string, english: Readonly<Record<string, string>>): string {
  const idsByValues = new Map<string, string[]>();
  for (const id of Object.keys(english).sort()) {
    const values = valuesOf(id, english[id]!);
    idsByValues.set(values, [...(idsByValues.get(values) ?? []), id]);
  }
  const plain = idsByValues.get('') ?? [];
  const groups = [...idsByValues].filter(([values]) => values !== '');
  const bases = [
    ...(plain.length > 0 ? [`Record<${typeOf(area, 'Plain')}, undefined>`] : []),
    ...groups.map(([values, ids]) => `Record<${idUnion(ids)}, ${values}>`),
  ];
  const usesText = groups.some(([values]) => values.includes(`: ${TEXT}`));
  return (
    HEADER +
    (usesText
      ? `import type { Said } from '../said';\n\ntype ${TEXT} = string | number | Said;\n\n`
      : '\n') +
    `/** The messages of the ${area} area that take no values. */\n` +
    `export type ${typeOf(area, 'Plain')} = ${plain.length > 0 ? idUnion(plain) : 'never'};\n\n` +
    `/**\n * The messages of the ${area} area and the values each takes (dates as ms since the epoch),\n` +
    ' * the messages that take the same values in one group.\n */\n' +
    (bases.length < 2
      ? `export type ${typeOf(area, 'Args')} = ${bases[0] ?? 'Record<never, never>'};\n`
      : `export interface ${typeOf(area, 'Args')} extends ${bases.join(', ')} {}\n`)
  );
}

/** `message-args.ts`: every area's messages in one interface, and the ids. */
export function messageArgsSource(areas: readonly string[]): string {
  const sorted = [...areas].sort();
  return (
    HEADER +
    sorted
      .map((area) => `import type { ${typeOf(area, 'Args')} } from './message-args/${area}';`)
      .join('\n') +
    '\n\n/** Every message id and the values it takes (dates as ms since the epoch). */\n' +
    `export interface MessageArgs extends ${sorted.map((area) => typeOf(area, 'Args')).join(', ')} {}\n\n` +
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
