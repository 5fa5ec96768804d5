import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LOCALES } from '../src/shared/i18n/locales';

/** Bytes of some built files, raw and gzipped. */
export interface Bytes {
  readonly files: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

/**
 * Sizes of the built renderer (out/renderer/assets): what one window loads (the app, its
 * stylesheet and the largest one language's messages: a window loads only its own language),
 * and every file together (all seven languages).
 */
export function rendererBundleSize(dir = 'out/renderer/assets'): Bytes & {
  readonly window: Bytes;
} {
  if (!existsSync(dir)) throw new Error(`no ${dir}: run \`npm run build\` first`);
  const sizes = readdirSync(dir)
    .filter((name) => /\.(js|css)$/.test(name))
    .map((name) => {
      const content = readFileSync(join(dir, name));
      return {
        language: LOCALES.some((locale) => name.startsWith(`${locale}-`)),
        rawBytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
      };
    });
  const sum = (parts: typeof sizes): Bytes => ({
    files: parts.length,
    rawBytes: parts.reduce((total, part) => total + part.rawBytes, 0),
    gzipBytes: parts.reduce((total, part) => total + part.gzipBytes, 0),
  });
  const largestLanguage = sizes
    .filter((part) => part.language)
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .slice(0, 1);
  return {
    ...sum(sizes),
    window: sum([...sizes.filter((part) => !part.language), ...largestLanguage]),
  };
}
