import type { Logger } from '../logging/logger';
import { placeCustomerDisplay, type DisplayInfo, type Placement } from './display-placement';

type Bounds = DisplayInfo['bounds'];

/** The screen module's part the keeper needs (Electron's `screen`, or a fake in tests). */
export interface ScreenSource {
  getAllDisplays(): DisplayInfo[];
  getPrimaryDisplay(): DisplayInfo;
  on(event: ScreenEvent, listener: () => void): unknown;
  off(event: ScreenEvent, listener: () => void): unknown;
}

type ScreenEvent = 'display-added' | 'display-removed' | 'display-metrics-changed';
const SCREEN_EVENTS: readonly ScreenEvent[] = [
  'display-added',
  'display-removed',
  'display-metrics-changed',
];

/**
 * How the customer window looks: `cover` is borderless and exactly the size of its display
 * (never the operating system's own full screen); `window` is an ordinary window the cashier
 * can move, for a counter with one display.
 */
export type CustomerWindowStyle = 'cover' | 'window';

/** The customer window's part the keeper needs. */
export interface CustomerWindow {
  isDestroyed(): boolean;
  getBounds(): Bounds;
  setBounds(bounds: Bounds): void;
  close(): void;
  once(event: 'closed', listener: () => void): unknown;
}

export interface CustomerDisplayDeps<W extends CustomerWindow> {
  readonly screen: ScreenSource;
  /** The display chosen in Settings → About, or null for the first second display. */
  readonly chosenId: () => number | null;
  /** Opens the customer window in a style, at bounds (its page loading on its own). */
  readonly open: (style: CustomerWindowStyle, bounds: Bounds) => W;
  readonly log: Logger;
  readonly now?: () => number;
}

/** A window closed this often within a minute is not opened again (something closes it). */
const MAX_REOPENS_PER_MINUTE = 5;

const sameBounds = (a: Bounds, b: Bounds) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

const centreInside = (window: Bounds, area: Bounds) => {
  const x = window.x + window.width / 2;
  const y = window.y + window.height / 2;
  return x >= area.x && x < area.x + area.width && y >= area.y && y < area.y + area.height;
};

/**
 * Keeps the customer display where the customer sees it, without fighting the window manager:
 * it covers its display as a borderless window, moves only when it is on the wrong display or
 * that display changed size, leaves a window the cashier placed alone, changes style only when
 * a display is plugged in or out, and opens again if it is closed while the counter runs.
 */
export class CustomerDisplayKeeper<W extends CustomerWindow = CustomerWindow> {
  private window: W | undefined;
  private style: CustomerWindowStyle | undefined;
  private stopped = false;
  private reopens: number[] = [];
  private readonly listener = () => this.place();

  constructor(private readonly deps: CustomerDisplayDeps<W>) {}

  /** Opens the customer window where it belongs and follows displays from now on. */
  start(): Placement {
    for (const event of SCREEN_EVENTS) this.deps.screen.on(event, this.listener);
    return this.place();
  }

  /** The customer window now (a closed one is replaced), if the counter runs. */
  current(): W | undefined {
    return this.window && !this.window.isDestroyed() ? this.window : undefined;
  }

  /**
   * Puts the window where it belongs now: after a display change or a change of the chosen
   * display. Does nothing when it is already there.
   */
  place(): Placement {
    const { screen } = this.deps;
    const primary = screen.getPrimaryDisplay();
    const placement = placeCustomerDisplay(
      screen.getAllDisplays(),
      primary.id,
      this.deps.chosenId(),
    );
    if (this.stopped) return placement;
    const style: CustomerWindowStyle = placement.kind === 'cover' ? 'cover' : 'window';
    const window = this.current();
    if (!window || this.style !== style) {
      this.replace(style, placement.bounds);
      return placement;
    }
    const bounds = window.getBounds();
    const misplaced =
      style === 'cover'
        ? !sameBounds(bounds, placement.bounds)
        : !centreInside(bounds, primary.bounds);
    if (misplaced) window.setBounds(placement.bounds);
    return placement;
  }

  /** Stops following displays and never opens the window again (the counter is closing). */
  stop(): void {
    this.stopped = true;
    for (const event of SCREEN_EVENTS) this.deps.screen.off(event, this.listener);
  }

  /** Stops, then closes the customer window. */
  close(): void {
    this.stop();
    this.current()?.close();
  }

  private replace(style: CustomerWindowStyle, bounds: Bounds): void {
    const old = this.current();
    const window = this.deps.open(style, bounds);
    this.window = window;
    this.style = style;
    window.once('closed', () => this.closed(window));
    // Opened before the old one closes: the counter never has no customer window.
    old?.close();
  }

  private closed(window: W): void {
    if (this.stopped || window !== this.window) return;
    const now = (this.deps.now ?? Date.now)();
    this.reopens = [...this.reopens.filter((at) => at > now - 60_000), now];
    if (this.reopens.length > MAX_REOPENS_PER_MINUTE) {
      this.deps.log.error('customer display keeps closing: not opening it again', {
        closes: this.reopens.length,
      });
      this.window = undefined;
      return;
    }
    this.deps.log.warn('customer display was closed: opening it again');
    this.window = undefined;
    this.place();
  }
}
