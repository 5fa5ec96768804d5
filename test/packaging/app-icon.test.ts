import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { configFor } from '../../electron-builder.config.mjs';
import { ICNS_TYPES, ICO_SIZES, renderIcon } from '../../scripts/app-icon.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`);

/** The images of an .ico file: size, and RGBA pixels (from PNG or 32-bit DIB entries). */
function icoImages(file: Buffer): Array<{ size: number; rgba: Buffer }> {
  expect([file.readUInt16LE(0), file.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = file.readUInt8(entry) || 256;
    const data = file.subarray(
      file.readUInt32LE(entry + 12),
      file.readUInt32LE(entry + 12) + file.readUInt32LE(entry + 8),
    );
    if (data.subarray(1, 4).toString('ascii') === 'PNG')
      return { size, rgba: PNG.sync.read(data).data };
    expect([data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([
      size,
      size * 2,
      32,
    ]);
    const rgba = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const from = 40 + ((size - 1 - y) * size + x) * 4;
        const to = (y * size + x) * 4;
        rgba[to] = data[from + 2]!;
        rgba[to + 1] = data[from + 1]!;
        rgba[to + 2] = data[from]!;
        rgba[to + 3] = data[from + 3]!;
      }
    return { size, rgba };
  });
}

/** The entries of an .icns file: type and PNG data. */
function icnsEntries(file: Buffer): Array<{ type: string; png: Buffer }> {
  expect(file.subarray(0, 4).toString('ascii')).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const entries: Array<{ type: string; png: Buffer }> = [];
  for (let at = 8; at < file.length; at += file.readUInt32BE(at + 4))
    entries.push({
      type: file.subarray(at, at + 4).toString('ascii'),
      png: file.subarray(at + 8, at + file.readUInt32BE(at + 4)),
    });
  return entries;
}

describe('the app icon (resources/, drawn by scripts/app-icon.mjs)', () => {
  it('is what electron-builder packages for Windows, macOS and Linux', () => {
    const config = configFor({});
    expect([config.win.icon, config.mac.icon, config.linux.icon]).toEqual([
      'resources/icon.ico',
      'resources/icon.icns',
      'resources/icon.png',
    ]);
  });

  it('Windows: every size from 16 to 256 px, each as the script draws it', () => {
    const images = icoImages(read('resources/icon.ico'));
    expect(images.map((i) => i.size)).toEqual(ICO_SIZES);
    for (const { size, rgba } of images.filter((i) => [16, 48, 256].includes(i.size)))
      expect(rgba.equals(renderIcon(size)), `${size} px`).toBe(true);
  });

  it('macOS: 16 to 1024 px with the Retina variants, each a PNG of its size', () => {
    const entries = icnsEntries(read('resources/icon.icns'));
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    entries.forEach(({ png }, i) => {
      const image = PNG.sync.read(png);
      expect([image.width, image.height]).toEqual([ICNS_TYPES[i]![1], ICNS_TYPES[i]![1]]);
    });
    expect(
      PNG.sync.read(entries.find((e) => e.type === 'ic07')!.png).data.equals(renderIcon(128)),
    ).toBe(true);
  });

  it('the 1024 px PNG is the drawing, with transparent corners and an opaque middle', () => {
    const image = PNG.sync.read(read('resources/icon.png'));
    expect([image.width, image.height]).toEqual([1024, 1024]);
    expect(image.data.equals(renderIcon(1024))).toBe(true);
    expect(image.data[3]).toBe(0);
    expect(image.data[(512 * 1024 + 512) * 4 + 3]).toBe(255);
  }, 30_000);
});
