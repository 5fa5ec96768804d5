import iconv from 'iconv-lite';
import type { CodePage } from '../../shared/printing/printer-options';

/**
 * What a receipt printer can print with its code page, and the bytes that print it. A thermal
 * printer draws a character from its font or prints something else: a letter its code page
 * lacks comes out as a wrong letter or a blank, never as an error. So every text is first made
 * printable (the letters it lacks without their accents, what cannot print at all left out),
 * and measured in the printer's columns: 12 dots a Western letter, 24 a Chinese character.
 *
 * Printers with Chinese fonts print Chinese in their Chinese mode (FS &) and Western letters
 * from their CP858 table outside it (FS . then ESC t 19), so a German or French label prints
 * with its accents between Chinese ones. Code pages without Chinese use one table (ESC t n).
 */
export interface PrinterCharset {
  readonly codePage: CodePage;
  /** Whether Chinese characters print (GB18030, GBK, Big5). */
  readonly chinese: boolean;
  /** The print columns a character takes: 1, 2 (Chinese), or 0 when it cannot print. */
  columns(char: string): number;
  /** The print columns a text takes. */
  width(text: string): number;
  /** Whether every character of a text prints as it is. */
  prints(text: string): boolean;
  /** The text as this printer can print it: plain spaces, letters it lacks unaccented. */
  printable(text: string): string;
  /** The ESC/POS bytes (a binary string, one char a byte) of printable text. */
  escpos(text: string): string;
}

/** ESC t n: the single-byte tables, by Epson's numbering. */
const TABLES = { cp437: 0, cp1252: 16, cp858: 19 } as const;
type SingleByte = keyof typeof TABLES;

/** The double-byte character sets of the Chinese code pages (GB18030's two-byte part is GBK). */
const DOUBLE_BYTE: Partial<Record<CodePage, string>> = {
  gb18030: 'gbk',
  cp936: 'gbk',
  big5: 'cp950',
};

/** Western letters between Chinese ones come from this table. */
const LATIN_BESIDE_CHINESE: SingleByte = 'cp858';

/** Spaces and punctuation Intl and typing bring that printers lack, as the ones they have. */
const PLAIN: Readonly<Record<string, string>> = {
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

/** Letters that do not lose an accent but change shape, as they are written without them. */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  '€': 'EUR',
  '«': '"',
  '»': '"',
};

/** Every character of a single-byte table above ASCII, with its byte. */
function singleByteTable(table: SingleByte): Map<string, number> {
  const chars = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.from([byte]), table);
    if (char.length === 1 && char !== '\ufffd' && !/[\u0080-\u009f]/.test(char))
      chars.set(char, byte);
  }
  return chars;
}

/** The two bytes of a character in a double-byte set, or undefined when it has none. */
function doubleBytes(char: string, set: string): Buffer | undefined {
  const bytes = iconv.encode(char, set);
  return bytes.length === 2 && bytes[0]! >= 0x81 && iconv.decode(bytes, set) === char
    ? bytes
    : undefined;
}

const isAscii = (char: string) => char >= ' ' && char <= '~';

const FS_KANJI_ON = '\x1c&';
const FS_KANJI_OFF = '\x1c.';
const escT = (table: SingleByte) => `\x1bt${String.fromCharCode(TABLES[table])}`;

function createCharset(codePage: CodePage): PrinterCharset {
  const doubleSet = DOUBLE_BYTE[codePage];
  const latinTable: SingleByte = doubleSet ? LATIN_BESIDE_CHINESE : (codePage as SingleByte);
  const latin = singleByteTable(latinTable);
  const columnsOf = new Map<string, number>();
  const columns = (char: string): number => {
    let known = columnsOf.get(char);
    if (known === undefined) {
      known =
        isAscii(char) || latin.has(char) ? 1 : doubleSet && doubleBytes(char, doubleSet) ? 2 : 0;
      columnsOf.set(char, known);
    }
    return known;
  };
  const printsAll = (text: string) => [...text].every((c) => columns(c) > 0);

  /** A character it lacks, as it can print it: spelled out, unaccented, or nothing. */
  const standIn = (char: string): string => {
    const spelled = SPELLED[char];
    if (spelled !== undefined && printsAll(spelled)) return spelled;
    const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
    return bare !== char && bare !== '' && printsAll(bare) ? bare : '';
  };

  const plain = (text: string) => [...text.normalize('NFC')].map((c) => PLAIN[c] ?? c).join('');

  return {
    codePage,
    chinese: doubleSet !== undefined,
    columns,
    width: (text) => [...text].reduce((sum, c) => sum + columns(c), 0),
    prints: (text) => printsAll(plain(text)),
    printable(text) {
      let dropped = false;
      const out = [...plain(text)]
        .map((c) => {
          if (columns(c) > 0) return c;
          const other = standIn(c);
          if (other === '') dropped = true;
          return other;
        })
        .join('');
      // Characters left out must not leave a gap where a word was.
      return dropped ? out.replace(/ {2,}/g, ' ').trim() : out;
    },
    escpos(text) {
      if (!doubleSet) {
        let out = escT(latinTable);
        for (const c of text) out += isAscii(c) ? c : String.fromCharCode(latin.get(c) ?? 0x3f);
        return out;
      }
      // Chinese code pages: switch modes only where the kind of character changes.
      let mode: 'unknown' | 'chinese' | 'latin' = 'unknown';
      let out = '';
      for (const c of text) {
        if (isAscii(c)) out += c;
        else if (latin.has(c)) {
          if (mode !== 'latin') out += FS_KANJI_OFF + escT(latinTable);
          mode = 'latin';
          out += String.fromCharCode(latin.get(c)!);
        } else {
          const bytes = doubleBytes(c, doubleSet);
          if (!bytes) continue;
          if (mode !== 'chinese') out += FS_KANJI_ON;
          mode = 'chinese';
          out += bytes.toString('latin1');
        }
      }
      return out;
    },
  };
}

const charsets = new Map<CodePage, PrinterCharset>();

/** The character set of a code page (built once). */
export function charsetFor(codePage: CodePage): PrinterCharset {
  let charset = charsets.get(codePage);
  if (!charset) {
    charset = createCharset(codePage);
    charsets.set(codePage, charset);
  }
  return charset;
}
