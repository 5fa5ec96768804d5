import type { DriverPaper } from '../../shared/printing/printer-options';

/** Thermal receipt printers print 8 dots to the millimetre (203 dpi): the slip's own scale. */
const DOTS_PER_MM = 8;

/** Paper fed after the slip's last line, so that the cutter does not cut through it. */
const TAIL_MM = 4;

/** The slip picture's size in printer dots, read from the SVG receiptline draws. */
export function slipSizeInDots(svg: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) =>
    Number(new RegExp(`\\b${name}="(\\d+(?:\\.\\d+)?)(?:px)?"`).exec(tag)?.[1]);
  const width = read('width');
  const height = read('height');
  if (!(width > 0 && height > 0)) throw new Error('the slip picture has no size');
  return { width, height };
}

/** The page a driver printer prints: the slip's picture at its own size, centred. */
export function slipPageHtml(svg: string, title: string): string {
  const { width } = slipSizeInDots(svg);
  const source = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title.replace(/[<&]/g, '')}</title><style>
@page { margin: 0 }
body { margin: 0 }
img { display: block; width: ${width / DOTS_PER_MM}mm; margin: 0 auto }
</style></head><body><img src="${source}"></body></html>`;
}

/** The options of Electron's webContents.print that decide the page (a subset of its type). */
export interface SlipPrintOptions {
  readonly silent: true;
  readonly deviceName: string;
  readonly printBackground: true;
  readonly margins: { readonly marginType: 'none' | 'default' };
  /** Microns. */
  readonly pageSize?: { readonly width: number; readonly height: number };
  readonly usePrinterDefaultPageSize?: boolean;
}

/**
 * How the slip is printed. Without a page size Electron prints on A4: a roll printer would then
 * feed 297 mm of paper for every slip, or shrink the slip. So a roll gets a page of its width
 * and of the slip's length (in microns, as Electron wants it), without margins; office paper
 * gets the printer's own page size, with its usual margins so nothing falls in the edge the
 * printer cannot reach.
 */
export function slipPrintOptions(
  printerName: string,
  paper: DriverPaper,
  paperWidthMm: number,
  svg: string,
): SlipPrintOptions {
  const common = { silent: true, deviceName: printerName, printBackground: true } as const;
  if (paper === 'sheet')
    return { ...common, margins: { marginType: 'default' }, usePrinterDefaultPageSize: true };
  const { height } = slipSizeInDots(svg);
  return {
    ...common,
    margins: { marginType: 'none' },
    pageSize: {
      width: paperWidthMm * 1000,
      height: Math.ceil((height / DOTS_PER_MM + TAIL_MM) * 1000),
    },
  };
}
