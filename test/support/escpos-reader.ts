import iconv from 'iconv-lite';
import jsQR from 'jsqr';

/**
 * Reads back what a thermal printer would make of ESC/POS bytes, for tests without a printer:
 * the raster images it would print (GS v 0, and GS 8 L / GS ( L function 112 with its print
 * command) and the QR codes in them, and the text in the printer's code page. Independent of
 * the library that wrote the bytes: it follows Epson's command reference.
 */

/** A 1-bit image: `rows[y][x]` is true where the printer burns a dot. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly rows: boolean[][];
}

function unpack(data: Buffer, width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  const rows: boolean[][] = [];
  for (let y = 0; y < height; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < width; x++) {
      const byte = data[y * bytesPerRow + (x >> 3)] ?? 0;
      row.push((byte & (0x80 >> (x & 7))) !== 0);
    }
    rows.push(row);
  }
  return { width, height, rows };
}

/** Every raster image in the byte stream, in print order. Throws on a truncated command. */
export function rasterImages(bytes: Buffer): Bitmap[] {
  const images: Bitmap[] = [];
  let pending: Bitmap | undefined; // GS 8 L stores the image; GS ( L fn 50 prints it
  for (let i = 0; i < bytes.length - 2; i++) {
    if (bytes[i] !== 0x1d) continue;
    const a = bytes[i + 1];
    const b = bytes[i + 2];
    if (a === 0x76 && b === 0x30) {
      // GS v 0 m xL xH yL yH d1...dk: width in bytes, height in dots.
      const widthBytes = bytes.readUInt16LE(i + 4);
      const height = bytes.readUInt16LE(i + 6);
      const start = i + 8;
      const end = start + widthBytes * height;
      if (end > bytes.length) throw new Error(`GS v 0 at ${i} is cut short`);
      images.push(unpack(bytes.subarray(start, end), widthBytes * 8, height));
      i = end - 1;
    } else if (a === 0x38 && b === 0x4c) {
      // GS 8 L p1 p2 p3 p4 m fn a bx by c xL xH yL yH d1...dk (fn 112: store raster graphics)
      const length = bytes.readUInt32LE(i + 3);
      const fn = bytes[i + 8];
      if (fn === 112) {
        const width = bytes.readUInt16LE(i + 13);
        const height = bytes.readUInt16LE(i + 15);
        const start = i + 17;
        const data = bytes.subarray(start, start + Math.ceil(width / 8) * height);
        if (data.length < Math.ceil(width / 8) * height)
          throw new Error(`GS 8 L at ${i} is cut short`);
        pending = unpack(data, width, height);
      }
      i += 7 + length - 1;
    } else if (a === 0x28 && b === 0x4c) {
      // GS ( L pL pH m fn ...: fn 50 prints the stored graphics.
      const length = bytes.readUInt16LE(i + 3);
      const fn = bytes[i + 6];
      if (fn === 50 && pending) {
        images.push(pending);
        pending = undefined;
      }
      i += 5 + length - 1;
    }
  }
  return images;
}

/** Reads a QR code in a printed bitmap the way a scanner would (with a white quiet zone). */
export function readQr(image: Bitmap): string | undefined {
  const margin = 32;
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++)
      if (image.rows[y]![x]) {
        const at = ((y + margin) * width + x + margin) * 4;
        rgba[at] = rgba[at + 1] = rgba[at + 2] = 0;
      }
  return jsQR(rgba, width, height)?.data;
}

/** The QR codes printed by a slip, decoded. */
export function printedQrCodes(bytes: Buffer): string[] {
  return rasterImages(bytes)
    .map(readQr)
    .filter((text): text is string => text !== undefined);
}

/** Argument bytes of the fixed-length ESC, FS and GS commands a slip uses (Epson's reference). */
const FIXED_ARGS: Record<number, Record<number, number>> = {
  0x1b: {
    0x40: 0,
    0x74: 1,
    0x4d: 1,
    0x20: 1,
    0x33: 1,
    0x32: 0,
    0x7b: 1,
    0x61: 1,
    0x24: 2,
    0x5c: 2,
    0x2d: 1,
    0x45: 1,
    0x52: 1,
    0x64: 1,
    0x4a: 1,
  },
  0x1c: { 0x26: 0, 0x2e: 0, 0x43: 1, 0x2d: 1, 0x53: 2 },
  0x1d: { 0x61: 1, 0x21: 1, 0x42: 1, 0x4c: 2, 0x57: 2, 0x72: 1, 0x48: 1, 0x68: 1, 0x77: 1 },
};

/** ESC t n: the single-byte tables a slip selects, by Epson's numbering (1: rules' boxes). */
const TABLES: Record<number, string> = { 0: 'cp437', 16: 'cp1252', 19: 'cp858' };

/**
 * The lines of text a printer would print, as it would read them: bytes in Chinese mode (FS &,
 * until FS .) in the printer's double-byte set (`chinese`: gb18030 or big5), other bytes in the
 * single-byte table ESC t selected. Every command is stepped over by its length (images
 * included); LF ends a line. Throws on a command it does not know, so a slip cannot hide bytes
 * from the tests. Box-drawing bytes of rules read as "-".
 */
export function printedLines(bytes: Buffer, chinese = 'gb18030'): string[] {
  const lines: string[] = [];
  let text: number[] = [];
  let line = '';
  let kanji = false;
  let table = 0;
  const flush = () => {
    const run = Buffer.from(text);
    if (kanji) line += new TextDecoder(chinese).decode(run);
    else if (TABLES[table]) line += iconv.decode(run, TABLES[table]!);
    else line += [...run].map((b) => (b < 0x80 ? String.fromCharCode(b) : '-')).join('');
    text = [];
  };
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i]!;
    if (byte === 0x0a) {
      flush();
      lines.push(line);
      line = '';
      i++;
    } else if (byte === 0x1b || byte === 0x1c || byte === 0x1d) {
      flush();
      const code = bytes[i + 1]!;
      if (byte === 0x1c && code === 0x26) kanji = true;
      if (byte === 0x1c && code === 0x2e) kanji = false;
      if (byte === 0x1b && code === 0x74) table = bytes[i + 2]!;
      if (byte === 0x1b && code === 0x40) [kanji, table] = [false, 0];
      const fixed = FIXED_ARGS[byte]![code];
      if (fixed !== undefined) i += 2 + fixed;
      else if (byte === 0x1d && code === 0x56)
        i += bytes[i + 2] === 0x42 || bytes[i + 2] === 0x41 ? 4 : 3;
      else if (byte === 0x1d && code === 0x76)
        i += 8 + bytes.readUInt16LE(i + 4) * bytes.readUInt16LE(i + 6);
      else if (byte === 0x1d && code === 0x38) i += 7 + bytes.readUInt32LE(i + 3);
      else if (code === 0x28)
        i += 5 + bytes.readUInt16LE(i + 3); // GS ( x / FS ( x pL pH ...
      else
        throw new Error(`unknown command ${byte.toString(16)} ${code.toString(16)} at byte ${i}`);
    } else if (byte === 0x10 && bytes[i + 1] === 0x04) {
      i += 3; // DLE EOT n: a status request, prints nothing
    } else {
      if (byte >= 0x20) text.push(byte);
      i++;
    }
  }
  flush();
  if (line !== '') lines.push(line);
  return lines;
}

/** All the printed text, one line per printed line, trailing spaces dropped. */
export function printedText(bytes: Buffer, chinese = 'gb18030'): string {
  return printedLines(bytes, chinese)
    .map((l) => l.trimEnd())
    .join('\n');
}

/** Where a byte sequence first occurs, or -1. */
export const indexOfBytes = (bytes: Buffer, hex: string): number =>
  bytes.indexOf(Buffer.from(hex.replace(/\s/g, ''), 'hex'));

/** ESC @: initialise the printer. */
export const INITIALISE = '1b 40';
/** GS V: cut the paper. */
export const CUT = '1d 56';
/** 支付宝 in GB18030. */
export const ALIPAY_GB18030 = 'd6 a7 b8 b6 b1 a6';
