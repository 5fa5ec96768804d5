import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * The pseudo-locale's messages from the English ones: every letter accented and every message
 * about 40% longer inside ⟦ ⟧, so that a word outside the catalogue stands out on screen and a
 * label that would clip in German or French clips here first. Works on parsed messages (no parser).
 */
const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Literal node type in the parsed form (TYPE.literal), kept here so no parser code is needed. */
const LITERAL = 0;

function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter);
}

function literalLength(elements: readonly MessageFormatElement[]): number {
  return elements.reduce((sum, node) => sum + (node.type === LITERAL ? node.value.length : 0), 0);
}

function accentAll(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((node) => {
    if (node.type === LITERAL) return { ...node, value: accent(node.value) };
    if ('options' in node) {
      const options = Object.fromEntries(
        Object.entries(node.options).map(([key, option]) => [
          key,
          { ...option, value: accentAll(option.value) },
        ]),
      );
      return { ...node, options } as MessageFormatElement;
    }
    if ('children' in node) return { ...node, children: accentAll(node.children) };
    return node;
  });
}

/** One message in the pseudo-locale. */
export function pseudoMessage(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  const padding = '·'.repeat(Math.ceil(literalLength(elements) * 0.4));
  return [
    { type: LITERAL, value: '⟦' },
    ...accentAll(elements),
    { type: LITERAL, value: `${padding}⟧` },
  ] as MessageFormatElement[];
}

/** Every message of a catalogue in the pseudo-locale. */
export function pseudoCatalogue(
  messages: Readonly<Record<string, MessageFormatElement[]>>,
): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(Object.entries(messages).map(([id, m]) => [id, pseudoMessage(m)]));
}
