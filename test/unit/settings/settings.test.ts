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
import { english } from '../../../src/main/i18n/wording';

/** The first problem a settings change has, as `field: words in English`. */
function problemOf(update: Parameters<typeof applyUpdate>[1]): string | undefined {
  const next = applyUpdate(DEFAULT_SETTINGS, update);
  if (next.ok) return undefined;
  return `${next.problem.field}: ${english(next.problem.said)}`;
}

describe('settings addresses', () => {
  it.each([
    ['gateUrl', 'http://api.ecommpay.com'],
    ['paymentPageUrl', 'http://paymentpage.ecommpay.com'],
    ['callbackPublicUrl', 'http://shop.example/callbacks'],
    ['paymentPageUrl', 'ftp://paymentpage.example'],
  ] as const)('refuses a plain-http or other non-https %s (%s)', (field, url) => {
    expect(problemOf({ [field]: url })).toMatch(
      new RegExp(`^${field}: (Use an address that starts with https://|Enter a whole address)`),
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
    writeFileSync(
      path,
      JSON.stringify({
        gateUrl: 'http://192.168.1.5:8123',
        projectId: 7,
        customerReturnUrl: 'https://tea.example/thanks',
        storeIpAddress: '93.184.216.34',
      }),
    );
    const loaded = new SettingsFile(path).load();
    expect(loaded.gateUrl).toBe('http://192.168.1.5:8123');
    expect(settingsProblems(loaded, true).map(english)).toEqual([
      'The Gate address must start with https:// (Settings).',
    ]);
    // Another section still saves; the address is refused where it is changed.
    expect(applyUpdate(loaded, { merchantName: 'Tea' }).ok).toBe(true);
    const change = applyUpdate(loaded, { gateUrl: 'http://192.168.1.5:8124' });
    expect(change.ok ? undefined : change.problem.field).toBe('gateUrl');
  });
});

describe('what a live sale needs from the settings (return page, store address)', () => {
  const complete = {
    ...DEFAULT_SETTINGS,
    projectId: 7,
    customerReturnUrl: 'https://tea.example/thanks',
    storeIpAddress: '93.184.216.34',
  };

  it('a fresh live counter lists the return page and the store address among its problems', () => {
    expect(settingsProblems({ ...DEFAULT_SETTINGS, projectId: 7 }, true).map(english)).toEqual([
      "Set the customer return page (Settings → Customer page): where the customer's phone goes after Alipay.",
      "Set the store's public IP address (Settings → Store).",
    ]);
    expect(settingsProblems(complete, true)).toEqual([]);
    // Demo mode has its sandbox's page and a documentation address: nothing to ask for.
    expect(settingsProblems({ ...DEFAULT_SETTINGS, projectId: 7 }, true, 'demo')).toEqual([]);
  });

  it.each([
    ['127.0.0.1', "this computer's own address"],
    ['192.168.1.20', 'an address inside a local network'],
    ['10.1.2.3', 'an address inside a local network'],
    ['::1', "this computer's own address"],
    ['fe80::1', 'an address inside a local network'],
    ['192.0.2.10', 'an address reserved for examples'],
    ['100.64.3.4', 'an address your internet provider shares'],
    ['::ffff:192.168.0.1', 'an address inside a local network'],
  ])('refuses %s as the store address: %s', (ip, words) => {
    expect(problemOf({ storeIpAddress: ip })).toBe(
      `storeIpAddress: ${ip} is ${words}, not the store's address on the internet. Open “what is my IP” in a browser on a computer in the store and copy what it shows.`,
    );
  });

  it.each(['93.184.216.34', ' 8.8.8.8 ', '2a00:1450:4001:82a::200e', '[2606:4700::6810:84e5]'])(
    'accepts the public address %s',
    (ip) => {
      const next = applyUpdate(complete, { storeIpAddress: ip });
      expect(next.ok && next.value.storeIpAddress).toBe(ip.trim());
    },
  );

  it.each(['999.1.1.1', '1.2.3', '01.2.3.4', 'shop.example', '1:2:3:4:5:6:7:8:9', '1::2::3'])(
    'refuses the malformed address %s',
    (ip) => {
      expect(problemOf({ storeIpAddress: ip })).toBe(
        `storeIpAddress: “${ip}” is not an IP address. Open “what is my IP” in a browser on a computer in the store and copy what it shows.`,
      );
    },
  );

  it('needs an https return page (http only to this machine) and an optional success page', () => {
    expect(problemOf({ customerReturnUrl: 'http://tea.example/thanks' })).toMatch(
      /^customerReturnUrl: Use an address that starts with https:\/\//,
    );
    expect(problemOf({ successUrl: 'http://tea.example/ok' })).toMatch(
      /^successUrl: Use an address that starts with https/,
    );
    expect(problemOf({ customerReturnUrl: 'https://tea.example/thanks', successUrl: '' })).toBe(
      undefined,
    );
  });
});

describe('the language of a settings file an older version wrote', () => {
  it.each([
    ['en', 'system'],
    ['zh', 'zh-Hans'],
    ['de', 'de'],
  ])(
    "'%s' loads as '%s' (English was the default nobody picked; Chinese was picked)",
    (old, now) => {
      const path = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
      writeFileSync(path, JSON.stringify({ language: old }));
      const loaded = new SettingsFile(path).load();
      expect(loaded.language).toBe(now);
      expect(loaded.customerLanguage).toBe('zh-Hans');
    },
  );
});
