import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { ensureRendererBuilt } from './browser-harness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Which preload: the cashier window's or the customer display's. */
export type PreloadName = 'index' | 'customer';

/** Where a preload's code comes from. */
export type PreloadSource = 'source' | 'build';

/** What the fake Electron saw a preload do. */
export interface FakeElectron {
  /** What the preload exposed on `window`, by name. */
  readonly exposed: Map<string, unknown>;
  /** Every `ipcRenderer.invoke` as `[channel, argument]`. */
  readonly invoked: Array<[string, unknown]>;
  /** Decides main's answer to each invoke (default: `{ok: true, value: null}`). */
  answer: (channel: string, argument: unknown) => unknown;
  /** Sends an event from main, with an event object the page must never see. */
  emit(event: string, data: unknown): void;
  /** How many listeners the preload has on an event. */
  listenerCount(event: string): number;
}

/** A fake `contextBridge` and `ipcRenderer`, recording what a preload does with them. */
function fakeElectron(): { fake: FakeElectron; electron: object } {
  const listeners = new Map<string, Set<(event: unknown, data: unknown) => void>>();
  const fake: FakeElectron = {
    exposed: new Map(),
    invoked: [],
    answer: () => ({ ok: true, value: null }),
    emit(event, data) {
      for (const listener of listeners.get(event) ?? [])
        listener({ sender: { id: 1, send() {} }, senderId: 0 }, data);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => void fake.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (channel: string, argument: unknown) => {
        fake.invoked.push([channel, argument]);
        return fake.answer(channel, argument);
      },
      on: (event: string, listener: (event: unknown, data: unknown) => void) => {
        const set = listeners.get(event) ?? new Set();
        listeners.set(event, set);
        set.add(listener);
      },
      removeListener: (event: string, listener: (event: unknown, data: unknown) => void) => {
        listeners.get(event)?.delete(listener);
      },
    },
  };
  return { fake, electron };
}

const codeCache = new Map<string, Promise<string>>();

/**
 * A preload's CommonJS code: the source bundled now with esbuild (as it stands), or the file
 * electron-vite built into out/preload (what ships; `npm test` builds it first).
 */
function preloadCode(name: PreloadName, source: PreloadSource): Promise<string> {
  const key = `${source}:${name}`;
  const cached = codeCache.get(key);
  if (cached) return cached;
  const code =
    source === 'source'
      ? build({
          entryPoints: [`${ROOT}src/preload/${name}.ts`],
          bundle: true,
          format: 'cjs',
          platform: 'node',
          external: ['electron'],
          write: false,
          logLevel: 'silent',
        }).then((result) => result.outputFiles[0]!.text)
      : Promise.resolve().then(() => {
          const file = `${ROOT}out/preload/${name}.cjs`;
          if (!existsSync(file)) ensureRendererBuilt();
          return readFileSync(file, 'utf8');
        });
  codeCache.set(key, code);
  return code;
}

/**
 * Runs a preload as Electron runs a sandboxed one: CommonJS in a fresh context whose `require`
 * knows `electron` only (Electron's knows a few built-ins too, but no file of ours), with a fake
 * `contextBridge` and `ipcRenderer`. Returns what the preload did with them.
 */
export async function loadPreload(name: PreloadName, source: PreloadSource): Promise<FakeElectron> {
  const code = await preloadCode(name, source);
  const { fake, electron } = fakeElectron();
  const require = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${JSON.stringify(id)}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(code, { require, module, exports: module.exports }, { filename: name });
  return fake;
}
