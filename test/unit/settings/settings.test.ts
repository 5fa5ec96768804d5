import { describe, expect, it } from 'vitest';
import { applyUpdate, DEFAULT_SETTINGS } from '../../../src/main/settings/settings';

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
