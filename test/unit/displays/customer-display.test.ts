import { describe, expect, it } from 'vitest';
import {
  followDisplays,
  type PlaceableWindow,
  type ScreenSource,
} from '../../../src/main/displays/customer-display-follower';
import {
  placeCustomerDisplay,
  type DisplayInfo,
} from '../../../src/main/displays/display-placement';

const LAPTOP: DisplayInfo = {
  id: 1,
  label: 'Built-in',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
};
const POLE: DisplayInfo = {
  id: 7,
  label: 'Customer pole',
  bounds: { x: 1920, y: 0, width: 800, height: 480 },
};
const TV: DisplayInfo = {
  id: 9,
  label: 'TV',
  bounds: { x: -1280, y: 0, width: 1280, height: 720 },
};

describe('where the customer display goes', () => {
  it('full screen on the second display', () => {
    expect(placeCustomerDisplay([LAPTOP, POLE], 1, null)).toEqual({
      kind: 'fullscreen',
      displayId: 7,
      bounds: POLE.bounds,
    });
  });

  it('on the display chosen in Settings when it is connected, else on another second one', () => {
    expect(placeCustomerDisplay([LAPTOP, POLE, TV], 1, 9)).toMatchObject({ displayId: 9 });
    expect(placeCustomerDisplay([LAPTOP, POLE], 1, 9)).toMatchObject({ displayId: 7 });
    // Choosing the cashier's own display cannot put a full-screen window over the cashier.
    expect(placeCustomerDisplay([LAPTOP, POLE], 1, 1)).toMatchObject({ displayId: 7 });
  });

  it('in a window on the only display, inside its bounds', () => {
    const placement = placeCustomerDisplay([LAPTOP], 1, null);
    expect(placement.kind).toBe('window');
    const { x, y, width, height } = placement.bounds;
    expect(x + width).toBeLessThanOrEqual(1920);
    expect(y + height).toBeLessThanOrEqual(1080);
    expect([width, height]).toEqual([960, 640]);
  });
});

/** A screen whose displays the test plugs in and out, as Electron's screen module reports it. */
class FakeScreen implements ScreenSource {
  displays: DisplayInfo[] = [LAPTOP];
  private listeners = new Map<string, Set<() => void>>();
  getAllDisplays = () => [...this.displays];
  getPrimaryDisplay = () => LAPTOP;
  on(event: string, listener: () => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: () => void) {
    this.listeners.get(event)?.delete(listener);
  }
  plug(display: DisplayInfo) {
    this.displays.push(display);
    this.listeners.get('display-added')?.forEach((l) => l());
  }
  unplug(id: number) {
    this.displays = this.displays.filter((d) => d.id !== id);
    this.listeners.get('display-removed')?.forEach((l) => l());
  }
}

class FakeWindow implements PlaceableWindow {
  fullScreen = false;
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  history: string[] = [];
  isDestroyed = () => false;
  isFullScreen = () => this.fullScreen;
  setFullScreen(flag: boolean) {
    this.fullScreen = flag;
    this.history.push(`fullscreen ${flag}`);
  }
  setBounds(bounds: DisplayInfo['bounds']) {
    this.bounds = { ...bounds };
    this.history.push(`move ${bounds.x},${bounds.y}`);
  }
}

describe('the customer display follows displays being plugged in and out', () => {
  it('moves to a display plugged in, and back to a window when it is unplugged', () => {
    const screen = new FakeScreen();
    const window = new FakeWindow();
    let chosen: number | null = null;
    const follower = followDisplays(screen, window, () => chosen);
    follower.place();
    expect(window.fullScreen).toBe(false);

    screen.plug(POLE);
    expect(window.fullScreen).toBe(true);
    expect(window.bounds).toEqual(POLE.bounds);

    screen.plug(TV);
    chosen = 9;
    follower.place(); // the manager picked the TV in Settings
    expect(window.bounds).toEqual(TV.bounds);
    // It left full screen before moving: a full-screen window does not change displays.
    expect(window.history.slice(-3)).toEqual([
      'fullscreen false',
      'move -1280,0',
      'fullscreen true',
    ]);

    screen.unplug(9);
    expect(window.bounds).toEqual(POLE.bounds);
    screen.unplug(7);
    expect(window.fullScreen).toBe(false);
    expect(window.bounds.x + window.bounds.width).toBeLessThanOrEqual(1920);

    follower.stop();
    screen.plug(POLE);
    expect(window.fullScreen).toBe(false);
  });
});
