import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator } from 'playwright-core';

/**
 * Reads a slip preview on the screen like a person would: the QR from the picture's pixels
 * (as Chromium drew it), the text from the picture's SVG (the characters it draws).
 */
export async function readSlipPreview(
  preview: Locator,
): Promise<{ qr: string | undefined; text: string }> {
  const image = preview.getByRole('img');
  await image.waitFor();
  await image.evaluate((img) =>
    (img as unknown as { decode(): Promise<void> }).decode().catch(() => undefined),
  );
  const png = PNG.sync.read(await image.screenshot());
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  // Runs in the page: the browser's own DOMParser reads the picture's SVG.
  const text = await image.evaluate((img) => {
    type Parsed = { querySelectorAll(selector: string): Iterable<{ textContent: string | null }> };
    const page = globalThis as unknown as {
      DOMParser: new () => { parseFromString(text: string, type: string): Parsed };
    };
    const src = (img as unknown as { src: string }).src;
    const source = decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    const svg = new page.DOMParser().parseFromString(source, 'image/svg+xml');
    return [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '').join('\n');
  });
  return { qr, text };
}
