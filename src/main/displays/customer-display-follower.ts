import { placeCustomerDisplay, type DisplayInfo, type Placement } from './display-placement';

/** The screen module's part the follower needs (Electron's `screen`, or a fake in tests). */
export interface ScreenSource {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): DisplayInfo;
  on(
    event: 'display-added' | 'display-removed' | 'display-metrics-changed',
    listener: () => void,
  ): unknown;
  off(
    event: 'display-added' | 'display-removed' | 'display-metrics-changed',
    listener: () => void,
  ): unknown;
}

/** The customer window's part the follower needs. */
export interface PlaceableWindow {
  isDestroyed(): boolean;
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
  setBounds(bounds: DisplayInfo['bounds']): void;
}

const EVENTS = ['display-added', 'display-removed', 'display-metrics-changed'] as const;

/**
 * Keeps the customer display where it belongs as displays are plugged in or out: full screen
 * on the second (or chosen) display, back to a window when that display goes away.
 */
export function followDisplays(
  screen: ScreenSource,
  window: PlaceableWindow,
  chosenId: () => number | null,
): { place(): Placement; stop(): void } {
  const place = (): Placement => {
    const placement = placeCustomerDisplay(
      screen.getAllDisplays(),
      screen.getPrimaryDisplay().id,
      chosenId(),
    );
    if (window.isDestroyed()) return placement;
    // Leave full screen first: a full-screen window does not move between displays.
    if (window.isFullScreen()) window.setFullScreen(false);
    window.setBounds(placement.bounds);
    if (placement.kind === 'fullscreen') window.setFullScreen(true);
    return placement;
  };
  const listener = () => void place();
  for (const event of EVENTS) screen.on(event, listener);
  return {
    place,
    stop: () => {
      for (const event of EVENTS) screen.off(event, listener);
    },
  };
}
