import type { Page } from 'playwright-core';

/** The demo counter's manager PIN. */
export const DEMO_PIN = '2468';

/**
 * Types the manager PIN into the PIN dialog that is open (whatever the window's language) and
 * waits for it to close: the PIN was right.
 */
export async function typeManagerPin(page: Page, pin = DEMO_PIN): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="password"]').fill(pin);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Opens Reports or Settings as the manager: presses its button in the header (named in the
 * window's language) and, while the manager session is locked, types the demo PIN.
 */
export async function openAsManager(page: Page, button: string, pin = DEMO_PIN): Promise<void> {
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: button, exact: true }).click();
  // Either the PIN is asked, or the session was open and the section is open already.
  const dialog = page.getByRole('dialog');
  await dialog.or(nav.getByRole('button', { name: button, exact: true, pressed: true })).waitFor();
  if (await dialog.isVisible()) await typeManagerPin(page, pin);
}
