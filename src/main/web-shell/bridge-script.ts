import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** Source of the browser bridge (renderer-side code, served only by the browser shell). */
export const BRIDGE_SOURCE = fileURLToPath(
  new URL('../../renderer/web-bridge/browser-bridge.ts', import.meta.url),
);

/** Compiles the browser bridge to one ES module (a few KB, in tens of milliseconds). */
export async function buildBridgeScript(): Promise<string> {
  const result = await build({
    entryPoints: [BRIDGE_SOURCE],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
