import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Sizes of the built renderer (out/renderer/assets): raw and gzipped, JS and CSS. */
export function rendererBundleSize(dir = 'out/renderer/assets'): {
  files: number;
  rawBytes: number;
  gzipBytes: number;
} {
  if (!existsSync(dir)) throw new Error(`no ${dir}: run \`npm run build\` first`);
  let rawBytes = 0;
  let gzipBytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const content = readFileSync(join(dir, name));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
    files++;
  }
  return { files, rawBytes, gzipBytes };
}
