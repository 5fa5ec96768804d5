import type { WebContents } from 'electron';

/**
 * In a packaged app DevTools never stay open, however they were asked for: with them, anyone at
 * the till could call window.counter directly or read what the windows hold.
 */
export function lockDevTools(contents: WebContents): void {
  contents.on('devtools-opened', () => contents.closeDevTools());
}
