/** A display as Electron's screen module describes it (only what placement needs). */
export interface DisplayInfo {
  readonly id: number;
  readonly label: string;
  readonly bounds: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/**
 * Where the customer display goes: covering a display of its own (a borderless window the size
 * of that display), or a window on the cashier's only display.
 */
export type Placement =
  | {
      readonly kind: 'cover';
      readonly displayId: number;
      readonly bounds: DisplayInfo['bounds'];
    }
  | { readonly kind: 'window'; readonly bounds: DisplayInfo['bounds'] };

/** The size of the customer display when it is a window on the cashier's screen. */
const WINDOW_SIZE = { width: 960, height: 640 };

/**
 * The customer display covers the display chosen in Settings when it is connected, else the
 * first display that is not the cashier's (primary) one, else it is a window on the primary
 * display, offset so it does not cover the cashier's window exactly.
 */
export function placeCustomerDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
  chosenId: number | null,
): Placement {
  const chosen = chosenId === null ? undefined : displays.find((d) => d.id === chosenId);
  const target =
    chosen && chosen.id !== primaryId ? chosen : displays.find((d) => d.id !== primaryId);
  if (target) return { kind: 'cover', displayId: target.id, bounds: target.bounds };
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  const area = primary?.bounds ?? { x: 0, y: 0, ...WINDOW_SIZE };
  return {
    kind: 'window',
    bounds: {
      x: area.x + Math.max(0, area.width - WINDOW_SIZE.width - 40),
      y: area.y + 40,
      width: Math.min(WINDOW_SIZE.width, area.width),
      height: Math.min(WINDOW_SIZE.height, area.height),
    },
  };
}
