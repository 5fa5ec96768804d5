import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { configFor, signingReport } from '../../electron-builder.config.mjs';

type Config = ReturnType<typeof configFor>;

/** electron-builder's own check of a configuration against its JSON schema (scheme.json). */
function validate(config: object): Promise<void> {
  const quiet = { isEnabled: false, add() {} };
  return validateConfiguration(config as never, quiet as never);
}

const SIGNING_ENV = {
  CSC_LINK: 'base64-p12',
  APPLE_API_KEY: '/tmp/AuthKey.p8',
  APPLE_API_KEY_ID: 'KEYID',
  APPLE_API_ISSUER: 'issuer',
  AZURE_TENANT_ID: 'tenant',
  AZURE_CLIENT_ID: 'client',
  AZURE_CLIENT_SECRET: 'secret',
  AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  AZURE_SIGNING_ACCOUNT: 'account',
  AZURE_CERTIFICATE_PROFILE: 'profile',
  AZURE_PUBLISHER_NAME: 'Alipay Counter Ltd',
  ALIPAY_COUNTER_UPDATE_URL: 'https://updates.example.test/counter',
};

describe('electron-builder.config.mjs against electron-builder 26 schema', () => {
  it('is valid unsigned (no environment) and fully signed', async () => {
    await expect(validate(configFor({}))).resolves.toBeUndefined();
    await expect(validate(configFor(SIGNING_ENV))).resolves.toBeUndefined();
  });

  it.each<[string, (c: Config) => object]>([
    ['a top-level key', (c) => ({ ...c, asarUnpak: c.asarUnpack })],
    ['a fuse', (c) => ({ ...c, electronFuses: { ...c.electronFuses, runAsnode: false } })],
    ['an NSIS option', (c) => ({ ...c, nsis: { ...c.nsis, perMachin: false } })],
    ['a macOS option', (c) => ({ ...c, mac: { ...c.mac, hardenedRuntim: true } })],
  ])('fails on a misspelt key: %s', async (_what, misspell) => {
    await expect(validate(misspell(configFor({})))).rejects.toThrow(/Invalid configuration object/);
  });
});

describe('signing and the update feed come only from the environment', () => {
  it('without signing variables: no Azure signing, and the report says UNSIGNED', () => {
    const config = configFor({});
    expect(config.win).not.toHaveProperty('azureSignOptions');
    expect(config.win.verifyUpdateCodeSignature).toBe(false);
    expect(config.publish).toBeNull();
    const report = signingReport({});
    expect([report.mac, report.notarize, report.windows].join('\n')).toMatch(
      /macOS: UNSIGNED[\s\S]*NOT notarized[\s\S]*Windows: UNSIGNED/,
    );
    expect(report.complete).toBe(false);
  });

  it('with them: Azure Trusted Signing, publisher check on updates, https feed', () => {
    const config = configFor(SIGNING_ENV);
    expect(config.win).toMatchObject({
      azureSignOptions: {
        publisherName: 'Alipay Counter Ltd',
        endpoint: 'https://weu.codesigning.azure.net',
        codeSigningAccountName: 'account',
        certificateProfileName: 'profile',
      },
      verifyUpdateCodeSignature: true,
    });
    expect(config.publish).toEqual([
      { provider: 'generic', url: SIGNING_ENV.ALIPAY_COUNTER_UPDATE_URL },
    ]);
    expect(signingReport(SIGNING_ENV).complete).toBe(true);
    // No secret value is ever written into the configuration.
    expect(JSON.stringify(config)).not.toMatch(/secret|base64-p12|AuthKey/);
  });

  it('refuses a plain-http update feed', () => {
    expect(() => configFor({ ALIPAY_COUNTER_UPDATE_URL: 'http://updates.example.test' })).toThrow(
      /https/,
    );
  });

  it('macOS: hardened runtime with only the allow-jit entitlement', async () => {
    const { readFileSync } = await import('node:fs');
    const config = configFor({});
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    const plist = readFileSync(
      new URL(`../../${config.mac.entitlements}`, import.meta.url),
      'utf8',
    );
    const keys = [...plist.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<key>([^<]+)<\/key>/g)].map(
      (m) => m[1],
    );
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });
});
