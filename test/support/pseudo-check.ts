import type { Page } from 'playwright-core';

/** What the pseudo-locale shows wrong on a screen. */
export interface PseudoFindings {
  /** Text cut off by its box: the element (tag.class) and its words. */
  readonly clipped: string[];
  /** Words on screen outside every ⟦ ⟧: text that does not come from the catalogue. */
  readonly untranslated: string[];
}

/**
 * Things that are data, not words for translation: payment ids, the demo store's name and
 * terminal, currency codes, addresses, version numbers, the AM and PM of English times.
 */
const DATA = [
  /DEMO-\d{6}-\d{6}-[0-9a-f]+/g,
  /Demo Tea House/g,
  /\bDEMO\b/g,
  /\b[A-Z]{3}\b/g,
  /\b[A-Z]{2}(?=[¥$€£])/g,
  /https?:\/\/\S+/g,
  /\b\d+(\.\d+)+\b/g,
  /\b[AP]M\b/g,
];

/**
 * Runs in the page (a string: this file is compiled without the DOM's types): each visible text's
 * nearest block, its text, and whether the block cuts it off.
 */
const READ_TEXTS = `(() => {
  const blockOf = (node) => {
    let element = node.parentElement;
    while (element) {
      const display = getComputedStyle(element).display;
      if (!display.startsWith('inline') || display === 'inline-block') break;
      element = element.parentElement;
    }
    return element;
  };
  const skip = (element) =>
    element.closest('kbd, script, style, option, select, noscript, [aria-hidden="true"]');
  const blocks = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent || '';
    const parent = node.parentElement;
    if (text.trim() === '' || !parent || skip(parent)) continue;
    if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const block = blockOf(node);
    if (block) blocks.set(block, (blocks.get(block) || '') + text);
  }
  const name = (element) =>
    element.tagName.toLowerCase() +
    (typeof element.className === 'string' && element.className
      ? '.' + element.className.trim().split(/\\s+/).join('.')
      : '');
  const clipped = [];
  const texts = [];
  for (const [block, text] of blocks) {
    // Text for screen readers only (a 1-pixel box, clipped on purpose) is read, not seen.
    const box = block.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const hidesY = getComputedStyle(block).overflowY !== 'visible';
    if (
      block.scrollWidth > block.clientWidth + 1 ||
      (hidesY && block.scrollHeight > block.clientHeight + 1)
    )
      clipped.push(name(block) + ': ' + text.trim().slice(0, 80));
    // A name someone typed (a staff member's) is marked translate="no": data, not a message.
    if (!block.closest('[translate="no"]')) texts.push({ where: name(block), text });
  }
  return { clipped, texts };
})()`;

/**
 * Looks at every visible text of the page as a person would: a block whose text is wider (or,
 * where it hides overflow, taller) than its box is clipped; text left once every ⟦…⟧ is taken
 * out, with a word of two letters or more, did not come through the catalogue.
 */
export async function pseudoFindings(page: Page): Promise<PseudoFindings> {
  const found = await page.evaluate<{
    clipped: string[];
    texts: Array<{ where: string; text: string }>;
  }>(READ_TEXTS);
  const untranslated: string[] = [];
  for (const { where, text } of found.texts) {
    let rest = text;
    // Messages hold other messages: take out the innermost ⟦…⟧ until none is left.
    for (let i = 0; i < 10 && /⟦[^⟦⟧]*⟧/.test(rest); i++) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    for (const data of DATA) rest = rest.replace(data, ' ');
    const words = rest.match(/[A-Za-z]{2,}/g);
    if (words) untranslated.push(`${where}: ${words.join(' ')} (in "${text.trim().slice(0, 80)}")`);
  }
  return { clipped: found.clipped, untranslated };
}
