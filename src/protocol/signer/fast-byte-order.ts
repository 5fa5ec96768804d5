import { scalarText, UNSIGNED_KEY } from './flatten';
import { JsonNumber } from './json-number';

/**
 * The byte-order string to sign, written in one pass by sorting the keys of each object instead
 * of sorting all full paths. Both orders are the same unless a key is a prefix of a sibling
 * followed by a character below ":" (`a` and `a0`), an array has more than 10 elements (`1`
 * and `10`), a key is empty or holds ":" (escaped as "::"), or a key holds a code unit ≥ U+D800.
 * In those cases this returns undefined and the caller sorts full paths. Gate bodies almost
 * never hit them, and this path is about twice as fast.
 *
 * The counter signs bodies of a handful of shapes over and over (a sale, a refund, a status
 * request, Gate's callbacks), so what depends only on an object's keys (their byte order, the
 * checks above, each line's full path) is worked out once per shape and remembered: see Shape.
 */
export function byteOrderStringFast(value: unknown): string | undefined {
  if (!isContainer(value)) return undefined;
  const out: Lines = { text: '', separator: '' };
  if (Array.isArray(value)) return writeArray(value, '', [], out) ? out.text : undefined;
  const keys = Object.keys(value);
  const first = keys.length === 0 ? '' : keys[0]!;
  let shape = roots.get(first);
  if (shape === undefined || !sameKeys(shape.keys, keys)) {
    shape = shapeOf(keys, '');
    if (shape === undefined) return undefined;
    if ((roots.size < MAX_ROOT_SHAPES || roots.has(first)) && keep(shape)) roots.set(first, shape);
  }
  return writeObject(value as Record<string, unknown>, keys, shape, out) ? out.text : undefined;
}

/**
 * The lines written so far. Each line is appended after the separator (";" after the first
 * line): cutting a leading ";" off at the end instead would copy the whole string once more.
 */
interface Lines {
  text: string;
  separator: '' | ';';
}

/**
 * What the string to sign needs of one object's keys, found once for each list of keys. Only
 * key names and paths are kept (never a value, never a key of the signature), and a shape is
 * used only for an object whose Object.keys are exactly `keys`, in the same order.
 */
interface Shape {
  /** The object's keys in Object.keys order. */
  readonly keys: readonly string[];
  /** Indices into `keys`, in byte order of the keys. */
  readonly order: readonly number[];
  /** For each key in byte order: its full path and ":", the start of its line. */
  readonly heads: readonly string[];
  /** For each key in byte order: whether no sibling sorts between its children in full-path order. */
  readonly nestable: readonly boolean[];
  /** For each key in byte order: what was last seen below it (an object's shape, an array's). */
  readonly below: Slot[];
}

/** What is remembered below a key or an array element: an object's shape or an array's slots. */
type Slot = Shape | Slot[] | undefined;

/**
 * Shapes of whole bodies by their first key. Callbacks are turned into strings to sign before
 * their signature is checked, so anyone who can reach the listener chooses what is seen here;
 * memory stays bounded whatever arrives:
 * - below each key or array element only what the last body there held is kept (a plain value
 *   or a shorter array forgets what was below it);
 * - only small shapes are kept (REMEMBERED_KEYS keys at most, each REMEMBERED_KEY_LENGTH long);
 * - after MAX_SHAPES shapes were made, everything is forgotten and learned again.
 */
const roots = new Map<string, Shape>();
const MAX_ROOT_SHAPES = 64;
const MAX_SHAPES = 1024;
const REMEMBERED_KEYS = 32;
const REMEMBERED_KEY_LENGTH = 64;
let shapesMade = 0;

/** Whether a shape may be kept for the next body; counts it, and forgets all every MAX_SHAPES. */
function keep(shape: Shape): boolean {
  if (shape.keys.length > REMEMBERED_KEYS) return false;
  for (const key of shape.keys) if (key.length > REMEMBERED_KEY_LENGTH) return false;
  if (++shapesMade > MAX_SHAPES) {
    roots.clear();
    shapesMade = 0;
  }
  return true;
}

/** How many shapes are remembered now (tests check the bound against hostile bodies). */
export function rememberedShapeCount(): number {
  const count = (slot: Slot): number =>
    slot === undefined
      ? 0
      : Array.isArray(slot)
        ? slot.reduce<number>((sum, s) => sum + count(s), 0)
        : 1 + slot.below.reduce<number>((sum, s) => sum + count(s), 0);
  let total = 0;
  for (const shape of roots.values()) total += count(shape);
  return total;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof JsonNumber);
}

/**
 * Keys are sorted by UTF-16 units, which is byte order only below U+D800 (values do not take
 * part in the order, so only keys are checked); also refuses ":" in a key (escaped as "::")
 * and the empty key, which the general algorithm handles.
 */
function plainKey(key: string): boolean {
  // An empty key: ecommpay's SDKs treat "" under the root as the root's own path.
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x3a || c >= 0xd800) return false;
  }
  return true;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The shape of an object with `keys` at `prefix` ("" or "a:b:"), or undefined if unplain. */
function shapeOf(keys: readonly string[], prefix: string): Shape | undefined {
  if (!keys.every(plainKey)) return undefined;
  const order = keys.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : 1));
  const sorted = order.map((i) => keys[i]!);
  // Siblings starting with a key follow it; one with a character below ":" after that prefix
  // would sort between this key's own children in full-path order.
  const nestable = sorted.map((key, i) => {
    for (let j = i + 1; j < sorted.length && sorted[j]!.startsWith(key); j++)
      if (sorted[j]!.charCodeAt(key.length) < 0x3a) return false;
    return true;
  });
  return {
    keys: [...keys],
    order,
    heads: sorted.map((key) => prefix + key + ':'),
    nestable,
    below: new Array<Slot>(keys.length).fill(undefined),
  };
}

/** Writes the lines of an object whose Object.keys are `keys` and whose shape is `shape`. */
function writeObject(
  record: Record<string, unknown>,
  keys: readonly string[],
  shape: Shape,
  out: Lines,
): boolean {
  const { order, heads, below } = shape;
  for (let i = 0; i < order.length; i++) {
    const key = keys[order[i]!]!;
    if (key === UNSIGNED_KEY) {
      below[i] = undefined;
      continue;
    }
    const child = record[key];
    if (isContainer(child)) {
      if (!shape.nestable[i] || !writeContainer(child, heads[i]!, below, i, out)) return false;
      continue;
    }
    below[i] = undefined;
    if (child !== undefined) {
      out.text +=
        out.separator + heads[i]! + (typeof child === 'string' ? child : scalarText(child));
      out.separator = ';';
    }
  }
  return true;
}

/** Writes an object or array whose lines start with `head`, remembering its shape in slots[index]. */
function writeContainer(
  value: object,
  head: string,
  slots: Slot[],
  index: number,
  out: Lines,
): boolean {
  const slot = slots[index];
  if (Array.isArray(value)) {
    const elements = Array.isArray(slot) ? slot : (slots[index] = []);
    return writeArray(value as unknown[], head, elements, out);
  }
  const keys = Object.keys(value);
  let shape = slot;
  if (shape === undefined || Array.isArray(shape) || !sameKeys(shape.keys, keys)) {
    shape = shapeOf(keys, head);
    slots[index] = shape !== undefined && keep(shape) ? shape : undefined;
    if (shape === undefined) return false;
  }
  return writeObject(value as Record<string, unknown>, keys, shape, out);
}

function writeArray(value: readonly unknown[], head: string, slots: Slot[], out: Lines): boolean {
  if (slots.length > value.length) slots.length = value.length;
  if (value.length > 10) return false;
  for (let i = 0; i < value.length; i++) {
    const element = value[i];
    if (isContainer(element)) {
      if (!writeContainer(element, head + i + ':', slots, i, out)) return false;
      continue;
    }
    slots[i] = undefined;
    if (element !== undefined) {
      out.text += out.separator + head + i + ':' + scalarText(element);
      out.separator = ';';
    }
  }
  return true;
}
