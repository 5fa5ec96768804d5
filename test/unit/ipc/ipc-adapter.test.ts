import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel, type ChannelHandlers } from '../../../src/shared/ipc/contract';
import { BRIDGES, requestsOf, type BridgeName } from '../../../src/shared/ipc/bridges';
import { createDispatcher } from '../../../src/main/ipc/dispatcher';
import {
  registerIpcHandlers,
  type InvokeEvent,
  type IpcMainLike,
} from '../../../src/main/ipc/ipc-main-adapter';
import { ok } from '../../../src/shared/result';
import '../../support/counter-harness';

/** Handlers that record what reached them. */
function recordingHandlers() {
  const calls: Array<[Channel, unknown]> = [];
  const handlers = Object.fromEntries(
    (Object.keys(CHANNELS) as Channel[]).map((channel) => [
      channel,
      async (input: unknown) => {
        calls.push([channel, input]);
        return ok(null);
      },
    ]),
  ) as unknown as ChannelHandlers;
  return { handlers, calls };
}

/** For every channel: payloads that must be refused, with the field the message must name. */
const INVALID: Record<Channel, Array<[unknown, RegExp]>> = {
  'payments:charge': [
    [{ amount: 12, currency: 'CNY' }, /payments:charge: amount: /],
    [{ amount: '12.00' }, /payments:charge: currency: /],
    [{ amount: '1'.repeat(40), currency: 'CNY' }, /payments:charge: amount: /],
    [
      { amount: '1', currency: 'CNY', secret: 'x' },
      /payments:charge: \(argument\): unknown field "secret"/,
    ],
    ['12.00', /payments:charge: \(argument\): /],
  ],
  'payments:cancel': [
    [{}, /payments:cancel: paymentId: /],
    [{ paymentId: '' }, /payments:cancel: paymentId: /],
    [{ paymentId: 'x'.repeat(65) }, /payments:cancel: paymentId: /],
  ],
  'payments:keep-late': [
    [{ paymentId: 5 }, /payments:keep-late: paymentId: /],
    [null, /payments:keep-late: paymentId: /],
  ],
  'payments:get': [[{ paymentId: ['a'] }, /payments:get: paymentId: /]],
  'session:get': [[{ anything: 1 }, /session:get: \(argument\): unknown field "anything"/]],
  'display:get': [[{ paymentId: 'x' }, /display:get: \(argument\): unknown field "paymentId"/]],
  'session:new-sale': [
    [{ paymentId: 'x' }, /session:new-sale: \(argument\): unknown field "paymentId"/],
  ],
  'settings:get': [[[1, 2], /settings:get: \(argument\): /]],
  'settings:update': [
    [{ projectId: -1 }, /settings:update: projectId: /],
    [{ gateUrl: 'not a url' }, /settings:update: gateUrl: /],
    [{ terminalId: 'T 1;' }, /settings:update: terminalId: letters, digits and "-" only/],
    [{ secret: 'short' }, /settings:update: secret: /],
    [{ callbackPort: 70000 }, /settings:update: callbackPort: /],
    [{ acceptedQrKinds: [] }, /settings:update: acceptedQrKinds: /],
    [{ language: 'fr-CA' }, /settings:update: language: /],
    [{ mode: 'live' }, /settings:update: \(argument\): unknown field "mode"/],
    [{ customerReturnUrl: 'not a url' }, /settings:update: customerReturnUrl: /],
    [{ storeIpAddress: 8 }, /settings:update: storeIpAddress: /],
  ],
  'settings:test-connection': [
    [{ gateUrl: 'https://x' }, /settings:test-connection: \(argument\): unknown field "gateUrl"/],
  ],
  'relay:retry-held-back': [
    [{ all: true }, /relay:retry-held-back: \(argument\): unknown field "all"/],
  ],
  'payments:retry-as-link': [
    [{}, /payments:retry-as-link: paymentId: /],
    [{ paymentId: 'x'.repeat(65) }, /payments:retry-as-link: paymentId: /],
  ],
  'app:info': [[{ x: 1 }, /app:info: \(argument\): unknown field "x"/]],
  'manager:status': [[{ pin: '1' }, /manager:status: \(argument\): unknown field "pin"/]],
  'manager:set-pin': [
    [{}, /manager:set-pin: newPin: /],
    [{ newPin: 1234 }, /manager:set-pin: newPin: /],
    [{ newPin: '1234', currentPin: 99 }, /manager:set-pin: currentPin: /],
  ],
  'manager:reset-pin': [
    [{ newPin: '123456' }, /manager:reset-pin: secret: /],
    [{ secret: 'x', newPin: 5 }, /manager:reset-pin: newPin: /],
  ],
  'manager:unlock': [
    [{}, /manager:unlock: pin: /],
    [{ pin: 2468 }, /manager:unlock: pin: /],
  ],
  'manager:lock': [[{ pin: '1' }, /manager:lock: \(argument\): unknown field "pin"/]],
  'manager:touch': [[{ x: 1 }, /manager:touch: \(argument\): unknown field "x"/]],
  'refunds:create': [
    [{ paymentId: 'p', amount: '1.00', pin: '2468' }, /refunds:create: reason: /],
    [
      { paymentId: 'p', amount: '1.00', reason: '   ', pin: '2468' },
      /refunds:create: reason: a reason is required/,
    ],
    [{ paymentId: 'p', amount: 100, reason: 'x', pin: '2468' }, /refunds:create: amount: /],
    [{ paymentId: 'p', amount: '1.00', reason: 'x', pin: 2468 }, /refunds:create: pin: /],
    [
      { paymentId: 'p', amount: '1.00', reason: 'x', manager: { staffId: 'Ben', pin: '8642' } },
      /refunds:create: manager\.staffId: /,
    ],
  ],
  'payments:detail': [[{ paymentId: '' }, /payments:detail: paymentId: /]],
  'history:search': [
    [{ from: '25/11/2026' }, /history:search: from: a date as YYYY-MM-DD/],
    [{ state: 'paid' }, /history:search: state: /],
    [{ limit: 1000 }, /history:search: limit: /],
    [{ currency: 'RUB' }, /history:search: currency: /],
  ],
  'reports:current': [[{ number: 1 }, /reports:current: \(argument\): unknown field "number"/]],
  'reports:close-day': [[{ pin: 2468 }, /reports:close-day: pin: /]],
  'reports:list': [[{ limit: 5 }, /reports:list: \(argument\): unknown field "limit"/]],
  'exports:history-csv': [
    [{ cursor: 'x' }, /exports:history-csv: \(argument\): unknown field "cursor"/],
  ],
  'exports:report-csv': [[{ number: 0 }, /exports:report-csv: number: /]],
  'documents:save-pdf': [[{ name: '../etc/passwd' }, /documents:save-pdf: name: /]],
  'app:about': [[{ path: '/' }, /app:about: \(argument\): unknown field "path"/]],
  'app:open-logs': [[{ path: '/etc' }, /app:open-logs: \(argument\): unknown field "path"/]],
  'updates:check': [[{ channel: 'x' }, /updates:check: \(argument\): unknown field "channel"/]],
  'updates:restart': [
    [{}, /updates:restart: pin: /],
    [{ pin: '2468', force: true }, /updates:restart: \(argument\): unknown field "force"/],
  ],
  'displays:list': [[{ all: true }, /displays:list: \(argument\): unknown field "all"/]],
  'printing:status': [[{ jobId: 1 }, /printing:status: \(argument\): unknown field "jobId"/]],
  'printing:retry': [[{ jobId: -1 }, /printing:retry: jobId: /]],
  'printing:dismiss': [[{}, /printing:dismiss: jobId: /]],
  'printing:receipt': [
    [{ paymentId: 'P1', copy: 'both' }, /printing:receipt: copy: /],
    [{ copy: 'customer' }, /printing:receipt: paymentId: /],
  ],
  'printing:report': [[{ number: 0 }, /printing:report: number: /]],
  'printing:test': [
    [
      {
        printer: {
          kind: 'tcp',
          address: 'printer; rm -rf /',
          paperWidth: 80,
          codePage: 'gb18030',
          autoPrintCustomer: true,
          autoPrintMerchant: false,
        },
      },
      /printing:test: printer\.address: Enter the printer’s network address/,
    ],
    [{ printer: { kind: 'serial' } }, /printing:test: printer\.kind: /],
  ],
  'printing:preview': [
    [{ paperWidth: 72, codePage: 'gb18030' }, /printing:preview: paperWidth: /],
    [{ paperWidth: 58, codePage: 'utf8' }, /printing:preview: codePage: /],
  ],
  'staff:list': [[{ all: true }, /staff:list: /]],
  'shift:current': [[{ staffId: 1 }, /shift:current: /]],
  'shift:sign-in': [
    [{ staffId: 0, pin: '1357' }, /shift:sign-in: staffId: /],
    [{ staffId: 1, pin: '' }, /shift:sign-in: pin: /],
  ],
  'shift:lock': [[{ pin: '1357' }, /shift:lock: /]],
  'shift:hand-over': [[{ staffId: '2', pin: '8642' }, /shift:hand-over: staffId: /]],
  'shift:sign-out': [[{ staffId: 1 }, /shift:sign-out: /]],
  'shift:end-by-manager': [
    [{ staffId: 3, pin: '2468', reason: 'x'.repeat(201) }, /shift:end-by-manager: reason: /],
  ],
  'staff:first-manager': [[{ name: ' ', pin: '482916' }, /staff:first-manager: name: /]],
  'reports:people': [[{ number: 1 }, /reports:people: \(argument\): unknown field "number"/]],
  'staff:add': [
    [
      { name: 'Cleo', role: 'owner', pin: '1470', manager: { staffId: 3, pin: '2468' } },
      /staff:add: role: /,
    ],
    [{ name: 'Cleo', role: 'cashier', pin: '1470' }, /staff:add: manager: /],
  ],
  'staff:rename': [
    [{ staffId: 2, name: ' ', manager: { staffId: 3, pin: '2468' } }, /staff:rename: name: /],
  ],
  'staff:set-active': [
    [
      { staffId: 2, active: 'no', manager: { staffId: 3, pin: '2468' } },
      /staff:set-active: active: /,
    ],
  ],
  'staff:set-pin': [
    [{ staffId: 0, pin: '1', manager: { staffId: 3, pin: '2468' } }, /staff:set-pin: staffId: /],
  ],
};

describe('IPC dispatcher: every argument parsed with its schema', () => {
  it('has invalid cases for every channel of the contract', () => {
    expect(Object.keys(INVALID).sort()).toEqual(Object.keys(CHANNELS).sort());
    // Every channel is the method of exactly one bridge: the cashier's or the customer display's.
    const bridgeChannels = (Object.keys(BRIDGES) as BridgeName[]).flatMap((name) =>
      requestsOf(name).map(([, channel]) => channel),
    );
    expect(bridgeChannels.sort()).toEqual(Object.keys(CHANNELS).sort());
  });

  for (const [channel, cases] of Object.entries(INVALID)) {
    it.each(cases)(
      `${channel} refuses %j with INVALID_INPUT naming the field`,
      async (payload, message) => {
        const { handlers, calls } = recordingHandlers();
        const result = await createDispatcher(handlers)(channel, payload);
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) },
        });
        expect(calls).toEqual([]);
      },
    );
  }

  it('passes valid arguments through, parsed', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    expect(await dispatch('payments:charge', { amount: '12.50', currency: 'CNY' })).toEqual(
      ok(null),
    );
    expect(await dispatch('session:get', undefined)).toEqual(ok(null));
    expect(calls).toEqual([
      ['payments:charge', { amount: '12.50', currency: 'CNY' }],
      ['session:get', {}],
    ]);
  });

  it('refuses an unknown channel, and hides a handler crash behind INTERNAL', async () => {
    const { handlers } = recordingHandlers();
    handlers['payments:get'] = async () => {
      throw new Error('secret detail: do not show');
    };
    const dispatch = createDispatcher(handlers);
    expect(await dispatch('payments:steal', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const crashed = await dispatch('payments:get', { paymentId: 'p' });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(crashed)).not.toContain('secret detail');
  });
});

describe('ipcMain adapter: the sender frame is checked before anything else', () => {
  function fakeIpcMain() {
    const registered = new Map<string, (event: InvokeEvent, payload: unknown) => unknown>();
    const ipc: IpcMainLike = {
      handle: (channel, listener) => void registered.set(channel, listener),
      removeHandler: (channel) => void registered.delete(channel),
    };
    return { ipc, registered };
  }
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

  it('registers every channel once and removes them all', () => {
    const { ipc, registered } = fakeIpcMain();
    const unregister = registerIpcHandlers(ipc, createDispatcher(recordingHandlers().handlers), [
      'app://counter',
    ]);
    expect([...registered.keys()].sort()).toEqual(Object.keys(CHANNELS).sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it.each([
    ['a foreign page', frame('https://evil.example/index.html')],
    ['a sub-frame of our page', frame('app://counter/index.html', {})],
    ['another app: host', frame('app://other/index.html')],
    ['a file: URL', frame('file:///tmp/index.html')],
    ['no frame', { senderFrame: null }],
  ])('refuses a message from %s with FORBIDDEN_SENDER', async (_name, event) => {
    const { ipc, registered } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(ipc, createDispatcher(handlers), ['app://counter']);
    const result = await registered.get('payments:charge')!(event as InvokeEvent, {
      amount: '10.00',
      currency: 'CNY',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(calls).toEqual([]);
  });

  it('the customer display may read its view and nothing else: no charge, refund or settings', async () => {
    const { ipc, registered } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(ipc, createDispatcher(handlers), ['app://counter'], () => new Set([7]));
    const fromDisplay = {
      ...frame('app://counter/index.html'),
      sender: { id: 7, printToPDF: async () => new Uint8Array() },
    } as InvokeEvent;
    for (const channel of Object.keys(CHANNELS).filter((c) => c !== 'display:get')) {
      expect(await registered.get(channel)!(fromDisplay, {})).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', message: expect.stringContaining('customer display') },
      });
    }
    expect(await registered.get('display:get')!(fromDisplay, {})).toEqual(ok(null));
    // The cashier's window (another sender) is not restricted.
    const fromCashier = { ...fromDisplay, sender: { ...fromDisplay.sender!, id: 3 } };
    expect(await registered.get('settings:get')!(fromCashier, {})).toEqual(ok(null));
    expect(calls.map(([channel]) => channel)).toEqual(['display:get', 'settings:get']);
  });

  it("accepts the app's own top frame, and still parses the argument", async () => {
    const { ipc, registered } = fakeIpcMain();
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(ipc, createDispatcher(handlers), ['app://counter']);
    expect(
      await registered.get('payments:cancel')!(frame('app://counter/index.html#customer'), {
        paymentId: 'p1',
      }),
    ).toEqual(ok(null));
    expect(
      await registered.get('payments:cancel')!(frame('app://counter/index.html'), { paymentId: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([['payments:cancel', { paymentId: 'p1' }]]);
  });
});
