// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * Import boundaries, checked on resolved file paths so that a relative import cannot slip past
 * them. No zone has exceptions:
 * - src/shared is pure: it imports nothing from the other folders, no node:, no electron.
 * - main, preload and renderer never import each other.
 * - src/protocol (what Gate's counterparts share on the wire: the signer, lossless JSON, the
 *   relay's wire names) imports shared only; main, the relay, the sandbox and the CLI use it.
 * - the sandbox imports shared and protocol only: it signs as Gate does with the same signer.
 * - main imports the sandbox only in src/main/app/demo-mode.ts, which composes demo mode.
 * - the relay imports shared and protocol only; main never imports the relay.
 * - the CLI may use shared, protocol, main, the sandbox and the relay; nobody imports the CLI.
 */
const boundaryZones = [
  {
    // The command line reaches main through one public module.
    target: './src/cli',
    from: './src/main',
    except: ['./command-line.ts'],
    message: 'the command line imports main only through src/main/command-line.ts.',
  },
  {
    target: './src/shared',
    from: [
      './src/main',
      './src/preload',
      './src/renderer',
      './src/sandbox',
      './src/protocol',
      './src/relay',
      './src/cli',
    ],
    message: 'src/shared is pure: it may import only from src/shared.',
  },
  {
    target: './src/main',
    from: ['./src/preload', './src/renderer', './src/relay', './src/cli'],
    message:
      'main never imports preload, renderer, the relay or the CLI (what main and the relay share is in src/protocol).',
  },
  {
    // Every file of main but demo-mode.ts: src/main itself, its folders, and app/ without it.
    target: [
      './src/main/*',
      './src/main/!(app)/**',
      './src/main/app/!(demo-mode.ts)',
      './src/main/app/*/**',
    ],
    from: './src/sandbox',
    message: 'main reaches the sandbox only through src/main/app/demo-mode.ts.',
  },
  {
    target: './src/preload',
    from: [
      './src/main',
      './src/renderer',
      './src/sandbox',
      './src/protocol',
      './src/relay',
      './src/cli',
    ],
    message: 'preload may import only src/shared.',
  },
  {
    target: './src/renderer',
    from: [
      './src/main',
      './src/preload',
      './src/sandbox',
      './src/protocol',
      './src/relay',
      './src/cli',
    ],
    message: 'the renderer may import only src/shared.',
  },
  {
    target: './src/sandbox',
    from: ['./src/main', './src/preload', './src/renderer', './src/relay', './src/cli'],
    message: 'the sandbox may import src/shared and src/protocol only.',
  },
  {
    target: './src/protocol',
    from: [
      './src/main',
      './src/preload',
      './src/renderer',
      './src/sandbox',
      './src/relay',
      './src/cli',
    ],
    message: 'src/protocol may import only src/shared.',
  },
  {
    // The relay never holds the merchant's secret: none of main (secrets, journal).
    target: './src/relay',
    from: ['./src/main', './src/preload', './src/renderer', './src/sandbox', './src/cli'],
    message:
      'the relay may import src/shared and src/protocol only (it never holds the merchant secret).',
  },
];

const keytarOnlyInItsStore = {
  name: 'keytar',
  message: 'Only src/main/secrets/keytar-secret-store.ts imports keytar.',
};

const nodeBuiltinsPattern = {
  group: [
    'node:*',
    'fs',
    'path',
    'crypto',
    'http',
    'https',
    'os',
    'child_process',
    'net',
    'url',
    'util',
    'stream',
    'events',
    'buffer',
  ],
  message: 'src/shared is pure TypeScript: no Node built-ins.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: './tsconfig.node.json' }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-cycle': ['error', { maxDepth: 8 }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // In main a rejection nobody handles is fatal: the crash policy relaunches the app, in the
    // middle of a sale perhaps. `void promise` does not handle one; `.catch`, `.then(ok, fail)`,
    // `await` or inBackground() (src/main/logging/in-background.ts) do. Type-aware, main only.
    files: ['src/main/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.node.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // keytar is imported in one place only: the keytar SecretStore.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/secrets/keytar-secret-store.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [keytarOnlyInItsStore] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [keytarOnlyInItsStore],
          patterns: [
            nodeBuiltinsPattern,
            {
              group: ['electron', 'react', 'react-dom'],
              message: 'src/shared is pure TypeScript.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [keytarOnlyInItsStore],
          patterns: [
            {
              group: ['node:*', 'electron'],
              message: 'the renderer talks to main only through window.counter.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every word a window shows comes from the message catalogue (src/shared/i18n/catalogue),
    // through useSay or <Say>: no text in JSX, nor in the attributes people read.
    files: ['src/renderer/**/*.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', '{label,placeholder,title,alt,aria-valuetext}']] } },
      ],
    },
  },
  {
    // Only the typed IPC adapters touch Electron IPC.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/ipc/**', 'src/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
          message:
            'Use the typed IPC adapter (src/main/ipc, src/preload), not raw ipcMain/ipcRenderer.',
        },
      ],
    },
  },
);
