import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyUpdate,
  DEFAULT_SETTINGS,
  SettingsFile,
  settingsProblems,
} from '../../../src/main/settings/settings';

/** The first problem a settings change has, as the Settings screen would show it. */
function problemOf(update: Parameters<typeof applyUpdate>[1]): string | undefined {
  const next = applyUpdate(DEFAULT_SETTINGS, update);
  if (next.success) return undefined;
  const issue = next.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

describe('settings addresses', () => {
  it.each([
    ['gateUrl', 'http://api.ecommpay.com'],
    ['paymentPageUrl', 'http://paymentpage.ecommpay.com'],
    ['callbackPublicUrl', 'http://shop.example/callbacks'],
    ['paymentPageUrl', 'ftp://paymentpage.example'],
  ] as const)('refuses a plain-http or other non-https %s (%s)', (field, url) => {
    expect(problemOf({ [field]: url })).toBe(
      `${field}: Use an https:// address (plain http only for this machine, such as a local sandbox).`,
    );
  });

  it.each([
    ['gateUrl', 'https://api.ecommpay.com'],
    ['paymentPageUrl', 'https://paymentpage.ecommpay.com'],
    ['gateUrl', 'http://127.0.0.1:8123'],
    ['paymentPageUrl', 'http://localhost:8123'],
    ['callbackPublicUrl', 'https://shop.example/callbacks'],
    ['callbackPublicUrl', ''],
  ] as const)('accepts %s %s (https, or http to this machine)', (field, url) => {
    expect(problemOf({ [field]: url })).toBeUndefined();
  });
});

describe('a stored settings file with a plain-http address', () => {
  it('still loads (the counter starts and recovers), and the address blocks live payments', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
    writeFileSync(path, JSON.stringify({ gateUrl: 'http://192.168.1.5:8123', projectId: 7 }));
    const loaded = new SettingsFile(path).load();
    expect(loaded.gateUrl).toBe('http://192.168.1.5:8123');
    expect(settingsProblems(loaded, true)).toEqual([
      'gateUrl: Use an https:// address (plain http only for this machine, such as a local sandbox).',
    ]);
    // Any later change must fix it first, and says so.
    expect(problemOf({ merchantName: 'Tea' })).toBeUndefined();
    const change = applyUpdate(loaded, { merchantName: 'Tea' });
    expect(change.success).toBe(false);
  });
});
