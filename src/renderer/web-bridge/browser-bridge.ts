import type { BridgeTransport } from '../../shared/ipc/api';
import { BRIDGES, type BridgeName } from '../../shared/ipc/bridges';
import { buildBridge } from '../../shared/ipc/build-bridge';
import type { EventChannel } from '../../shared/ipc/contract';
import type { ErrorCode, Result } from '../../shared/result';
import { showConnectionLost } from './connection-lost';

/**
 * `window.counter` and `window.counterDisplay` for the browser shell (demo and E2E tests on
 * machines without Electron): the same bridges as the preloads, built from the same table,
 * carried over a WebSocket to main's dispatcher. Loaded before the app's script; never part of
 * the Electron renderer. Answers go to the page unchecked, as from the preloads.
 */
const token = new URLSearchParams(window.location.search).get('token') ?? '';
const socket = new WebSocket(
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws?token=${encodeURIComponent(token)}`,
);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('the counter is not reachable')), {
    once: true,
  });
});
const pending = new Map<number, (answer: unknown) => void>();
const listeners = new Map<EventChannel, Set<(data: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as {
    id?: number;
    result?: unknown;
    event?: EventChannel;
    data?: unknown;
  };
  if (data.id !== undefined && 'result' in data) {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else if (data.event) {
    for (const listener of listeners.get(data.event) ?? []) listener(data.data);
  }
});
socket.addEventListener('close', () => {
  const lost: Result<never, ErrorCode> = {
    ok: false,
    error: { code: 'INTERNAL', message: 'The connection to the counter was lost.' },
  };
  for (const resolve of pending.values()) resolve(lost);
  pending.clear();
  showConnectionLost();
});

const transport: BridgeTransport = {
  async invoke(channel, payload) {
    await opened;
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, payload }));
    });
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => void set.delete(listener);
  },
};

for (const name of Object.keys(BRIDGES) as BridgeName[])
  Object.defineProperty(window, name, {
    value: buildBridge(name, transport),
    writable: false,
    configurable: false,
  });
