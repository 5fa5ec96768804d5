import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { compileCatalogue } from './src/shared/i18n/message-shape';

const CATALOGUE = resolve('src/shared/i18n/catalogue');

/**
 * `virtual:messages/<locale>`: every catalogue file of one language, its ICU messages parsed at
 * build time, in one chunk per language: a window loads only its own language, and the ICU
 * parser stays out of the windows' bundle.
 */
function compiledMessages(): Plugin {
  const PREFIX = 'virtual:messages/';
  return {
    name: 'compiled-messages',
    enforce: 'pre',
    resolveId(source) {
      return source.startsWith(PREFIX) ? `\0${source}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const folder = join(CATALOGUE, id.slice(`\0${PREFIX}`.length));
      const messages = {};
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
        this.addWatchFile(join(folder, file));
        Object.assign(messages, compileCatalogue(file, readFileSync(join(folder, file), 'utf8')));
      }
      return `export default ${JSON.stringify(messages)};`;
    },
  };
}

/**
 * Three builds, one per process. The preloads are CommonJS files that stand alone: Electron
 * loads sandboxed preloads (sandbox: true) only as CommonJS, and their `require` knows
 * `electron` and a few built-ins but no file of ours, so no chunk may be shared between them.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: {
          index: resolve('src/preload/index.ts'),
          customer: resolve('src/preload/customer.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), compiledMessages()],
    resolve: {
      // react-intl parses only messages given as text; ours arrive parsed, so no parser ships.
      alias: [
        {
          find: /^@formatjs\/icu-messageformat-parser$/,
          replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
        },
      ],
    },
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
