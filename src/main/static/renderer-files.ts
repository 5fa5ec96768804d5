import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A file of the built renderer, ready to serve. */
export interface RendererFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * Reads a file of the built renderer for a URL path, for both the app:// protocol and the
 * browser shell. Paths that leave the renderer folder, and missing files, give undefined.
 */
export async function readRendererFile(
  rendererDir: string,
  urlPath: string,
): Promise<RendererFile | undefined> {
  const root = normalize(rendererDir);
  const file = normalize(join(root, urlPath === '/' ? '/index.html' : urlPath));
  if (!file.startsWith(root + sep)) return undefined;
  try {
    return {
      body: await readFile(file),
      contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    };
  } catch {
    return undefined;
  }
}
