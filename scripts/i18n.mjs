// Writes src/shared/i18n/message-args.ts (and message-args/<area>.ts) and catalogue-index.ts
// from the catalogue's files.
// Run after adding or changing a message: `npm run i18n`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { generatedFiles } from '../src/shared/i18n/generated-sources.ts';

const I18N = fileURLToPath(new URL('../src/shared/i18n/', import.meta.url));
const CATALOGUE = join(I18N, 'catalogue');

const files = readdirSync(CATALOGUE).flatMap((locale) =>
  readdirSync(join(CATALOGUE, locale))
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ locale, area: file.slice(0, -'.json'.length) })),
);
const englishByArea = Object.fromEntries(
  files
    .filter((file) => file.locale === 'en')
    .map((file) => [
      file.area,
      JSON.parse(readFileSync(join(CATALOGUE, 'en', `${file.area}.json`), 'utf8')),
    ]),
);
const write = async (name, source) =>
  writeFileSync(
    join(I18N, name),
    await format(source, {
      ...(await resolveConfig(join(I18N, name))),
      filepath: join(I18N, name),
    }),
  );
// An area that is gone leaves no file behind.
rmSync(join(I18N, 'message-args'), { recursive: true, force: true });
mkdirSync(join(I18N, 'message-args'));
for (const file of generatedFiles(englishByArea, files)) await write(file.path, file.source);
const count = Object.values(englishByArea).reduce((n, area) => n + Object.keys(area).length, 0);
console.log(`i18n: ${count} messages, ${files.length} catalogue files`);
