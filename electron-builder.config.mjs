// electron-builder's configuration: the one place that says how Alipay Counter is packaged,
// hardened (fuses), signed and updated. `npm run dist:win`, `dist:mac` and `dist:dir` use it
// through scripts/dist.mjs; test/packaging/ validates it against electron-builder's schema and
// packages it for real with a stand-in Electron.
//
// Signing material only ever comes from the environment (README: Installing at a store). When
// it is missing the build still succeeds, unsigned, and scripts/dist.mjs says so.

/** Electron's fuses, flipped in the packaged binary right before it is signed. */
export const FUSES = Object.freeze({
  // The signed binary must never run as plain Node: it would read the keychain item that
  // trusts it (the project's secret key).
  runAsNode: false,
  enableCookieEncryption: true,
  // No NODE_OPTIONS and no --inspect: nobody at the till can inject code into main.
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  // The app's code only from its asar, and only if the asar's hash matches the one embedded
  // at packaging (macOS Info.plist, Windows resources).
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The UI is served from app://counter, so file:// needs no extra powers.
  grantFileProtocolExtraPrivileges: false,
});

/**
 * Packages that are in node_modules only to install the native modules (prebuilt binary
 * download) or to build them: never loaded by the app, so never shipped.
 */
const BUILD_ONLY_PACKAGES = [
  'prebuild-install',
  'node-addon-api',
  'node-abi',
  'napi-build-utils',
  'detect-libc',
  'expand-template',
  'github-from-package',
  'mkdirp-classic',
  'pump',
  'rc',
  'simple-get',
  'simple-concat',
  'decompress-response',
  'mimic-response',
  'tar-fs',
  'tar-stream',
  'tunnel-agent',
  'deep-extend',
  'ini',
  'minimist',
  'strip-json-comments',
  'end-of-stream',
  'once',
  'wrappy',
  'bl',
  'buffer',
  'base64-js',
  'ieee754',
  'inherits',
  'readable-stream',
  'string_decoder',
  'safe-buffer',
  'util-deprecate',
  'chownr',
  'fs-constants',
  // qrcode's own command line (the app only calls its library).
  'yargs',
  'yargs-parser',
  'cliui',
  'y18n',
  'camelcase',
  'decamelize',
  'find-up',
  'locate-path',
  'p-locate',
  'p-limit',
  'p-try',
  'path-exists',
  'get-caller-file',
  'require-directory',
  'require-main-filename',
  'set-blocking',
  'which-module',
  'string-width',
  'strip-ansi',
  'ansi-regex',
  'wrap-ansi',
  'ansi-styles',
  'color-convert',
  'color-name',
  'emoji-regex',
  'is-fullwidth-code-point',
];

/** Azure Trusted Signing (Windows Authenticode), when its settings are all in the environment. */
function azureSigning(env) {
  const names = [
    'AZURE_TENANT_ID',
    'AZURE_CLIENT_ID',
    'AZURE_CLIENT_SECRET',
    'AZURE_SIGNING_ENDPOINT',
    'AZURE_SIGNING_ACCOUNT',
    'AZURE_CERTIFICATE_PROFILE',
    'AZURE_PUBLISHER_NAME',
  ];
  if (!names.every((name) => env[name])) return undefined;
  return {
    publisherName: env.AZURE_PUBLISHER_NAME,
    endpoint: env.AZURE_SIGNING_ENDPOINT,
    codeSigningAccountName: env.AZURE_SIGNING_ACCOUNT,
    certificateProfileName: env.AZURE_CERTIFICATE_PROFILE,
  };
}

/** What will be signed with what, in words, for the build log (and the release gate). */
export function signingReport(env = process.env) {
  const macIdentity = Boolean(env.CSC_LINK);
  const notarize = Boolean(env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER);
  const windows = azureSigning(env) !== undefined;
  return {
    mac: macIdentity
      ? 'macOS: signed with the Developer ID in CSC_LINK, hardened runtime'
      : 'macOS: UNSIGNED (no CSC_LINK): Gatekeeper will refuse it outside this machine',
    notarize: notarize
      ? 'macOS: notarized with the App Store Connect API key (APPLE_API_KEY*)'
      : 'macOS: NOT notarized (APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER missing)',
    windows: windows
      ? 'Windows: signed with Azure Trusted Signing'
      : 'Windows: UNSIGNED (AZURE_* signing variables missing): SmartScreen will warn, updates cannot check the publisher',
    complete: macIdentity && notarize && windows,
  };
}

/** The update feed baked into the build (app-update.yml), if any. */
function updateFeed(env) {
  const url = env.ALIPAY_COUNTER_UPDATE_URL;
  if (!url) return null;
  if (!url.startsWith('https://'))
    throw new Error(`ALIPAY_COUNTER_UPDATE_URL must be https:// (got ${url})`);
  return [{ provider: 'generic', url }];
}

/** The configuration for an environment (the variables decide signing and the update feed). */
export function configFor(env = process.env) {
  const azure = azureSigning(env);
  return {
    appId: 'com.alipaycounter.desktop',
    productName: 'Alipay Counter',
    copyright: 'Copyright © Alipay Counter',
    directories: { output: 'dist', buildResources: 'resources' },
    // Only what the app runs: the three builds, package.json, and the production dependencies
    // electron-builder adds, minus what only installs or builds the native modules.
    files: [
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
      '!**/*.map',
      '!**/*.{md,markdown,ts,tsx,cc,cpp,c,h,hpp,gyp,gypi,mk,o,obj,a,lib,pdb,tlog,iobj,ipdb}',
      '!**/{test,tests,__tests__,bench,benchmark,coverage,docs,doc,example,examples,.github}/**',
      '!node_modules/better-sqlite3/{deps,src}/**',
      '!node_modules/better-sqlite3/build/{Release/obj,Release/.deps,deps,Release/test_extension.node}/**',
      '!node_modules/better-sqlite3/build/Release/test_extension.node',
      '!node_modules/keytar/{src,build/Release/obj,build/Release/.deps}/**',
      '!node_modules/*/build/{Makefile,config.gypi,*.mk,binding.Makefile}',
      ...BUILD_ONLY_PACKAGES.map((name) => `!node_modules/${name}/**`),
    ],
    asar: true,
    // Native modules cannot be loaded from inside an asar: they are unpacked next to it.
    asarUnpack: ['**/*.node'],
    // better-sqlite3 is built against V8 and must be rebuilt for Electron's ABI (keytar is
    // N-API, rebuilt too for certainty).
    // The packaging smoke test turns this off.
    npmRebuild: true,
    electronFuses: { ...FUSES, resetAdHocDarwinSignature: true },
    mac: {
      target: [
        { target: 'dmg', arch: ['x64', 'arm64'] },
        // Updates on macOS come from the zip (Squirrel.Mac), not the dmg.
        { target: 'zip', arch: ['x64', 'arm64'] },
      ],
      category: 'public.app-category.business',
      // Drawn by scripts/app-icon.mjs, like the Windows and Linux icons.
      icon: 'resources/icon.icns',
      artifactName: 'alipay-counter-${version}-mac-${arch}.${ext}',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'resources/entitlements.mac.plist',
      entitlementsInherit: 'resources/entitlements.mac.plist',
      // Skipped (with a warning) when the APPLE_API_KEY* variables are missing.
      notarize: true,
    },
    dmg: { artifactName: 'alipay-counter-${version}-mac-${arch}.${ext}' },
    win: {
      target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
      icon: 'resources/icon.ico',
      ...(azure ? { azureSignOptions: azure } : {}),
      // Updates check that the new installer is signed by the same publisher.
      verifyUpdateCodeSignature: azure !== undefined,
    },
    nsis: {
      // Per user: no administrator needed to install or to update at a small shop.
      oneClick: true,
      perMachine: false,
      // The journal is the store's record of every payment: uninstalling never deletes it.
      deleteAppDataOnUninstall: false,
      artifactName: 'alipay-counter-${version}-win-setup.${ext}',
    },
    linux: {
      target: ['dir'],
      executableName: 'alipay-counter',
      category: 'Office',
      icon: 'resources/icon.png',
    },
    // A stable release also writes beta.yml, so pilot stores (channel "beta") get it too.
    generateUpdatesFilesForAllChannels: true,
    publish: updateFeed(env),
  };
}

export default configFor();
