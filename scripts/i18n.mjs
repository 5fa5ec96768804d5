// Writes src/shared/i18n/message-args.ts and catalogue-index.ts from the catalogue's files.
// Run after adding or changing a message: `npm run i18n`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { messageArgsSource, catalogueIndexSource } from '../src/shared/i18n/generated-sources.ts';

const I18N = fileURLToPath(new URL('../src/shared/i18n/', import.meta.url));
const CATALOGUE = join(I18N, 'catalogue');

const files = readdirSync(CATALOGUE).flatMap((locale) =>
  readdirSync(join(CATALOGUE, locale))
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ locale, area: file.slice(0, -'.json'.length) })),
);
const english = Object.assign(
  {},
  ...files
    .filter((file) => file.locale === 'en')
    .map((file) => JSON.parse(readFileSync(join(CATALOGUE, 'en', `${file.area}.json`), 'utf8'))),
);
const write = async (name, source) =>
  writeFileSync(
    join(I18N, name),
    await format(source, {
      ...(await resolveConfig(join(I18N, name))),
      filepath: join(I18N, name),
    }),
  );
await write('message-args.ts', messageArgsSource(english));
await write('catalogue-index.ts', catalogueIndexSource(files));
console.log(`i18n: ${Object.keys(english).length} messages, ${files.length} catalogue files`);
