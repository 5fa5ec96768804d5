import {
  DISPLAY_METHOD_CHANNELS,
  DISPLAY_SUBSCRIPTION_EVENTS,
  METHOD_CHANNELS,
  SUBSCRIPTION_EVENTS,
  type CounterApi,
  type CustomerDisplayApi,
} from '../../shared/ipc/api';
import type { EventChannel } from '../../shared/ipc/contract';
import type { ErrorCode, Result } from '../../shared/result';

/**
 * `window.counter` for the browser shell (demo and E2E tests on machines without Electron):
 * the same CounterApi as the preload, carried over a WebSocket to main's dispatcher. Loaded
 * before the app's script; never part of the Electron renderer.
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
const pending = new Map<number, (result: Result<unknown, ErrorCode>) => void>();
const listeners = new Map<EventChannel, Set<(data: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as {
    id?: number;
    result?: Result<unknown, ErrorCode>;
    event?: EventChannel;
    data?: unknown;
  };
  if (data.id !== undefined && data.result) {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else if (data.event) {
    for (const listener of listeners.get(data.event) ?? []) listener(data.data);
  }
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values())
    resolve({
      ok: false,
      error: { code: 'INTERNAL', message: 'The connection to the counter was lost.' },
    });
  pending.clear();
});

async function invoke(channel: string, payload: unknown): Promise<Result<unknown, ErrorCode>> {
  await opened;
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, channel, payload }));
  });
}

function subscribe(event: EventChannel) {
  return (listener: (data: never) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = listener as (data: unknown) => void;
    set.add(wrapped);
    return () => void set.delete(wrapped);
  };
}

/** An API object from its method → channel and subscription → event tables. */
function bridge(methods: Record<string, string>, events: Record<string, EventChannel>): object {
  return Object.fromEntries([
    ...Object.entries(methods).map(([method, channel]) => [
      method,
      (payload?: unknown) => invoke(channel, payload ?? {}),
    ]),
    ...Object.entries(events).map(([method, event]) => [method, subscribe(event)]),
  ]);
}

const api = bridge(METHOD_CHANNELS, SUBSCRIPTION_EVENTS) as CounterApi;
const displayApi = bridge(
  DISPLAY_METHOD_CHANNELS,
  DISPLAY_SUBSCRIPTION_EVENTS,
) as CustomerDisplayApi;

for (const [name, value] of [
  ['counter', api],
  ['counterDisplay', displayApi],
] as const)
  Object.defineProperty(window, name, {
    value: Object.freeze(value),
    writable: false,
    configurable: false,
  });
