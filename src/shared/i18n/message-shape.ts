import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * What an ICU message needs from its caller, read from its parsed form. Used at build time and
 * by the tests (the parser never ships to the windows): to compile catalogues ahead, to type
 * every message's values, and to check that every language asks for the same values.
 */
export type ArgumentKind = 'text' | 'number' | 'date' | 'choice';

/** Tags a message may use; each window draws them the same way (bold words, a key cap). */
export const MESSAGE_TAGS = ['b', 'kbd'] as const;

/** A message's parsed form; throws with the message id when it is not valid ICU. */
export function parseMessage(id: string, text: string): MessageFormatElement[] {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`message ${id} is not valid ICU: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The arguments a message reads and of what kind, and the tags it uses. */
export interface MessageShape {
  readonly args: ReadonlyMap<string, ArgumentKind>;
  readonly tags: ReadonlySet<string>;
  /** Every `plural` and `select` has an `other` case (ICU needs one to fall back on). */
  readonly missingOther: readonly string[];
}

export function shapeOf(elements: readonly MessageFormatElement[]): MessageShape {
  const args = new Map<string, ArgumentKind>();
  const tags = new Set<string>();
  const missingOther: string[] = [];
  const note = (name: string, kind: ArgumentKind): void => {
    // A name read both as text and as a number is a number: the stricter type wins.
    if (args.get(name) === undefined || args.get(name) === 'text') args.set(name, kind);
  };
  const walk = (nodes: readonly MessageFormatElement[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case TYPE.argument:
          note(node.value, 'text');
          break;
        case TYPE.number:
          note(node.value, 'number');
          break;
        case TYPE.date:
        case TYPE.time:
          note(node.value, 'date');
          break;
        case TYPE.plural:
        case TYPE.select:
          note(node.value, node.type === TYPE.plural ? 'number' : 'choice');
          if (!('other' in node.options)) missingOther.push(node.value);
          for (const option of Object.values(node.options)) walk(option.value);
          break;
        case TYPE.tag:
          tags.add(node.value);
          walk(node.children);
          break;
        default:
          break;
      }
    }
  };
  walk(elements);
  return { args, tags, missingOther };
}

/** A catalogue file (`{ id: ICU text }`) parsed ahead: what the windows load, no parser needed. */
export function compileCatalogue(
  file: string,
  source: string,
): Record<string, MessageFormatElement[]> {
  const messages = JSON.parse(source) as Record<string, unknown>;
  const compiled: Record<string, MessageFormatElement[]> = {};
  for (const [id, text] of Object.entries(messages)) {
    if (typeof text !== 'string') throw new Error(`${file}: message ${id} is not a string`);
    compiled[id] = parseMessage(id, text);
  }
  return compiled;
}
