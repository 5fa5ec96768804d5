import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { LogSink } from './logger';

/** How big the log file may grow, and how many older files are kept beside it. */
export interface RotationOptions {
  readonly maxBytes?: number;
  readonly keep?: number;
}

/** A log sink writing to a file that rotates by size: main.log, main.1.log ... main.N.log. */
export interface FileSink extends LogSink {
  readonly path: string;
  close(): void;
}

/** `main.log` → `main.3.log` */
export function rotatedPath(path: string, index: number): string {
  return path.replace(/(\.log)?$/, `.${index}$1`);
}

/**
 * Log lines to a file in the app's data folder. Each line is written synchronously, so the
 * line that explains a crash is on disk before the app relaunches. At `maxBytes` the file moves
 * to `.1` (older ones shift up, the oldest beyond `keep` is deleted): logs stay bounded on a
 * counter that runs for years. Lines arrive already redacted by the logger.
 */
export function createRotatingFileSink(path: string, options: RotationOptions = {}): FileSink {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 5;
  mkdirSync(dirname(path), { recursive: true });
  let fd = openSync(path, 'a', 0o600);
  let size = statSync(path).size;

  const rotate = () => {
    closeSync(fd);
    rmSync(rotatedPath(path, keep), { force: true });
    for (let index = keep - 1; index >= 1; index--)
      if (existsSync(rotatedPath(path, index)))
        renameSync(rotatedPath(path, index), rotatedPath(path, index + 1));
    renameSync(path, rotatedPath(path, 1));
    fd = openSync(path, 'a', 0o600);
    size = 0;
  };

  const sink = ((line: string) => {
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    if (size > 0 && size + bytes.length > maxBytes) rotate();
    writeSync(fd, bytes);
    size += bytes.length;
  }) as FileSink;
  Object.defineProperty(sink, 'path', { value: path });
  sink.close = () => closeSync(fd);
  return sink;
}
