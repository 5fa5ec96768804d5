#!/usr/bin/env node
// The app icon, drawn here rather than downloaded: a rounded square in Alipay's blue with a
// white QR code (what the customer scans). `node scripts/app-icon.mjs` writes
// resources/icon.png (1024 px, Linux and electron-builder), resources/icon.ico (Windows:
// 16 to 256 px) and resources/icon.icns (macOS: 16 to 1024 px). test/packaging checks that the
// committed files are what this script draws.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/** The picture on a 1024-unit canvas: shapes as rounded rectangles, in paint order. */
const BLUE_TOP = [0x22, 0x8b, 0xff];
const BLUE_BOTTOM = [0x0b, 0x5c, 0xd6];
const WHITE = [0xff, 0xff, 0xff];

/** macOS's icon grid: the square is 824 of 1024 units, centred, corners of 185 units. */
const TILE = { x: 100, y: 100, w: 824, h: 824, r: 185 };

/** A QR code's look: three finder squares and a few modules, 21 modules across. */
const MODULE = 24;
const QR_ORIGIN = 512 - (21 * MODULE) / 2;
const DATA_MODULES = [
  [9, 1],
  [11, 1],
  [10, 3],
  [12, 4],
  [9, 5],
  [11, 6],
  [1, 9],
  [3, 9],
  [5, 10],
  [7, 9],
  [2, 11],
  [6, 12],
  [9, 9],
  [10, 10],
  [12, 9],
  [11, 12],
  [9, 12],
  [10, 14],
  [14, 9],
  [16, 10],
  [18, 9],
  [19, 11],
  [15, 12],
  [17, 13],
  [9, 15],
  [12, 16],
  [10, 18],
  [13, 19],
  [11, 20],
  [9, 19],
  [14, 14],
  [15, 16],
  [17, 15],
  [19, 14],
  [16, 18],
  [18, 17],
  [14, 19],
  [19, 19],
  [17, 20],
];

function rect(x, y, w, h, r, colour) {
  return { x, y, w, h, r, colour };
}

function finder(column, row) {
  const x = QR_ORIGIN + column * MODULE;
  const y = QR_ORIGIN + row * MODULE;
  return [
    rect(x, y, 7 * MODULE, 7 * MODULE, 1.2 * MODULE, WHITE),
    rect(x + MODULE, y + MODULE, 5 * MODULE, 5 * MODULE, 0.6 * MODULE, null), // the tile shows through
    rect(x + 2 * MODULE, y + 2 * MODULE, 3 * MODULE, 3 * MODULE, 0.5 * MODULE, WHITE),
  ];
}

const SHAPES = [
  { ...TILE, colour: 'gradient' },
  ...finder(0, 0),
  ...finder(14, 0),
  ...finder(0, 14),
  ...DATA_MODULES.map(([c, r]) =>
    rect(QR_ORIGIN + c * MODULE + 2, QR_ORIGIN + r * MODULE + 2, MODULE - 4, MODULE - 4, 5, WHITE),
  ),
];

/** Whether a point is inside a rounded rectangle. */
function inside(shape, px, py) {
  if (px < shape.x || px > shape.x + shape.w || py < shape.y || py > shape.y + shape.h)
    return false;
  const cx = Math.min(Math.max(px, shape.x + shape.r), shape.x + shape.w - shape.r);
  const cy = Math.min(Math.max(py, shape.y + shape.r), shape.y + shape.h - shape.r);
  const dx = px - cx;
  const dy = py - cy;
  return dx * dx + dy * dy <= shape.r * shape.r;
}

function tileColour(py) {
  const t = Math.min(1, Math.max(0, (py - TILE.y) / TILE.h));
  return BLUE_TOP.map((top, i) => top + (BLUE_BOTTOM[i] - top) * t);
}

/** The colour at a point of the 1024-unit canvas, or null where it is transparent. */
function colourAt(px, py) {
  let colour = null;
  for (const shape of SHAPES) {
    if (!inside(shape, px, py)) continue;
    colour = shape.colour === 'gradient' || shape.colour === null ? tileColour(py) : shape.colour;
  }
  return colour;
}

/** The icon at `size` pixels: RGBA, 4×4 samples a pixel for smooth edges. */
export function renderIcon(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  const scale = 1024 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(
            (x + (sx + 0.5) / samples) * scale,
            (y + (sy + 0.5) / samples) * scale,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const at = (y * size + x) * 4;
      if (covered > 0) {
        rgba[at] = Math.round(r / covered);
        rgba[at + 1] = Math.round(g / covered);
        rgba[at + 2] = Math.round(b / covered);
      }
      rgba[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return rgba;
}

/** A PNG file of the icon at `size` pixels. */
export function pngOf(size) {
  const png = new PNG({ width: size, height: size });
  renderIcon(size).copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

/** The sizes Windows picks from (taskbar, Explorer, shortcuts, the installer). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** A 32-bit DIB entry (what every Windows tool reads), bottom-up BGRA plus an empty AND mask. */
function dibOf(size) {
  const rgba = renderIcon(size);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows and mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** The Windows icon: DIB entries up to 48 px, PNG entries above (as Windows' own icons do). */
export function icoFile() {
  const images = ICO_SIZES.map((size) => (size <= 48 ? dibOf(size) : pngOf(size)));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  ICO_SIZES.forEach((size, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 0 means 256
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(images[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

/** macOS's icon types with PNG data, and their pixel sizes. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

/** The macOS icon: an `icns` container of PNG images. */
export function icnsFile() {
  const cache = new Map();
  const entries = ICNS_TYPES.map(([type, size]) => {
    if (!cache.has(size)) cache.set(size, pngOf(size));
    const data = cache.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const resources = new URL('../resources/', import.meta.url);
  writeFileSync(new URL('icon.png', resources), pngOf(1024));
  writeFileSync(new URL('icon.ico', resources), icoFile());
  writeFileSync(new URL('icon.icns', resources), icnsFile());
  console.log('wrote resources/icon.png, icon.ico and icon.icns');
}
