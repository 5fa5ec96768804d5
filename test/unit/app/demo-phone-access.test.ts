import { describe, expect, it } from 'vitest';
import {
  isSandboxPhonePage,
  sandboxHostArgument,
  sandboxHostOptions,
  type Sandbox,
} from '../../../src/main/app/demo-mode';
import { isPhoneRoute } from '../../../src/sandbox/phone-access';

const sandbox = {
  url: 'http://127.0.0.1:4100',
  publicUrl: 'http://192.168.1.20:4100',
} as Sandbox;
const token = 'a'.repeat(32);

describe("the demo's way to a phone", () => {
  it('--sandbox-host takes an address of this computer; loopback is the default', () => {
    expect(sandboxHostOptions(undefined)).toEqual({});
    expect(sandboxHostOptions('127.0.0.1')).toEqual({});
    expect(sandboxHostOptions('0.0.0.0')).toEqual({ phoneHost: '0.0.0.0' });
    expect(sandboxHostOptions('192.168.1.20')).toEqual({ phoneHost: '192.168.1.20' });
    expect(() => sandboxHostOptions('shop-pc')).toThrow(/takes an IP address of this computer/);
  });

  it('reads --sandbox-host from the Electron command line, in both spellings', () => {
    expect(sandboxHostArgument(['electron', '.', '--demo', '--sandbox-host', '0.0.0.0'])).toBe(
      '0.0.0.0',
    );
    expect(sandboxHostArgument(['--sandbox-host=192.168.1.20'])).toBe('192.168.1.20');
    expect(sandboxHostArgument(['--demo'])).toBeUndefined();
  });

  it("opens in the system's browser only the sandbox's customer pages", () => {
    expect(isSandboxPhonePage(sandbox, `http://127.0.0.1:4100/customer/${token}`)).toBe(true);
    expect(isSandboxPhonePage(sandbox, `http://192.168.1.20:4100/customer/${token}`)).toBe(true);
    expect(isSandboxPhonePage(sandbox, 'http://127.0.0.1:4100/sandbox/health')).toBe(false);
    expect(isSandboxPhonePage(sandbox, `https://example.com/customer/${token}`)).toBe(false);
    expect(isSandboxPhonePage(sandbox, 'not a url')).toBe(false);
  });

  it('a phone on the network gets the customer pages, never the Gate API', () => {
    expect(isPhoneRoute('GET', `/customer/${token}`)).toBe(true);
    expect(isPhoneRoute('POST', `/customer/${token}`)).toBe(true);
    expect(isPhoneRoute('GET', `/qr/${token}.png`)).toBe(true);
    expect(isPhoneRoute('POST', '/v2/payment/wallet/alipay/sale')).toBe(false);
    expect(isPhoneRoute('POST', '/v2/payment/status')).toBe(false);
    expect(isPhoneRoute('GET', '/sandbox/health')).toBe(false);
  });
});
