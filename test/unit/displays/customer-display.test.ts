import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  CustomerDisplayKeeper,
  type CustomerWindow,
  type CustomerWindowStyle,
  type ScreenSource,
} from '../../../src/main/displays/customer-display-keeper';
import {
  placeCustomerDisplay,
  type DisplayInfo,
} from '../../../src/main/displays/display-placement';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';

setLogSink(null);

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
  it('covers the second display', () => {
    expect(placeCustomerDisplay([LAPTOP, POLE], 1, null)).toEqual({
      kind: 'cover',
      displayId: 7,
      bounds: POLE.bounds,
    });
  });

  it('on the display chosen in Settings when it is connected, else on another second one', () => {
    expect(placeCustomerDisplay([LAPTOP, POLE, TV], 1, 9)).toMatchObject({ displayId: 9 });
    expect(placeCustomerDisplay([LAPTOP, POLE], 1, 9)).toMatchObject({ displayId: 7 });
    // Choosing the cashier's own display cannot put the customer's window over the cashier.
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
  private events = new EventEmitter();
  getAllDisplays = () => [...this.displays];
  getPrimaryDisplay = () => LAPTOP;
  on(event: string, listener: () => void) {
    this.events.on(event, listener);
  }
  off(event: string, listener: () => void) {
    this.events.off(event, listener);
  }
  plug(display: DisplayInfo) {
    this.displays.push(display);
    this.events.emit('display-added');
  }
  unplug(id: number) {
    this.displays = this.displays.filter((d) => d.id !== id);
    this.events.emit('display-removed');
  }
  /** A resolution change, or a display reporting the same metrics again. */
  change(display: DisplayInfo) {
    this.displays = this.displays.map((d) => (d.id === display.id ? display : d));
    this.events.emit('display-metrics-changed');
  }
}

/** A customer window that records what was done to it; the cashier may drag it. */
class FakeWindow extends EventEmitter implements CustomerWindow {
  destroyed = false;
  moves = 0;
  constructor(
    readonly style: CustomerWindowStyle,
    public bounds: DisplayInfo['bounds'],
  ) {
    super();
  }
  isDestroyed = () => this.destroyed;
  getBounds = () => ({ ...this.bounds });
  setBounds(bounds: DisplayInfo['bounds']) {
    this.bounds = { ...bounds };
    this.moves++;
  }
  close() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

function keeper(screen: FakeScreen, chosen: { id: number | null } = { id: null }) {
  const opened: FakeWindow[] = [];
  let now = 0;
  const display = new CustomerDisplayKeeper({
    screen,
    chosenId: () => chosen.id,
    open: (style, bounds) => {
      const window = new FakeWindow(style, bounds);
      opened.push(window);
      return window;
    },
    log: createLogger('displays'),
    now: () => now,
  });
  const live = () => opened.filter((w) => !w.destroyed);
  return { display, opened, live, tick: (ms: number) => (now += ms) };
}

describe('the customer display stays put', () => {
  it('covers a display plugged in, with a borderless window the size of that display', () => {
    const screen = new FakeScreen();
    const { display, live } = keeper(screen);
    display.start();
    expect(live().map((w) => w.style)).toEqual(['window']);

    screen.plug(POLE);
    expect(live()).toHaveLength(1);
    expect(live()[0]).toMatchObject({ style: 'cover', bounds: POLE.bounds });

    screen.unplug(7);
    expect(live()).toHaveLength(1);
    expect(live()[0]!.style).toBe('window');
    const { x, width } = live()[0]!.bounds;
    expect(x + width).toBeLessThanOrEqual(1920);
  });

  it('a settings change or a display event that changes nothing leaves the window alone', () => {
    const screen = new FakeScreen();
    screen.displays.push(POLE);
    const chosen = { id: 7 as number | null };
    const { display, live, opened } = keeper(screen, chosen);
    display.start();
    const window = live()[0]!;
    display.place(); // any settings change calls this
    chosen.id = null; // "Automatic" still means the pole
    display.place();
    screen.change(POLE); // the same metrics reported again
    expect(opened).toHaveLength(1);
    expect(window.moves).toBe(0);
  });

  it('moves only when it is on the wrong display: another display chosen, or its display resized', () => {
    const screen = new FakeScreen();
    screen.displays.push(POLE, TV);
    const chosen = { id: null as number | null };
    const { display, live, opened } = keeper(screen, chosen);
    display.start();
    const window = live()[0]!;
    expect(window.bounds).toEqual(POLE.bounds);

    chosen.id = 9;
    display.place();
    expect(window.bounds).toEqual(TV.bounds);
    expect(window.moves).toBe(1);

    const bigger = { ...TV, bounds: { ...TV.bounds, width: 1920, height: 1080, x: -1920 } };
    screen.change(bigger);
    expect(window.bounds).toEqual(bigger.bounds);
    expect(window.moves).toBe(2);
    expect(opened).toHaveLength(1); // moved, never closed and opened again
  });

  it('a window the cashier placed on the only display stays where it is; off that display, it comes back', () => {
    const screen = new FakeScreen();
    const { display, live } = keeper(screen);
    display.start();
    const window = live()[0]!;
    window.bounds = { x: 100, y: 300, width: 960, height: 640 }; // dragged by the cashier
    screen.change(LAPTOP);
    display.place();
    expect(window.bounds).toEqual({ x: 100, y: 300, width: 960, height: 640 });

    window.bounds = { x: 2500, y: 0, width: 960, height: 640 }; // left on a display since unplugged
    screen.change(LAPTOP);
    expect(window.bounds).toEqual(placeCustomerDisplay([LAPTOP], 1, null).bounds);
  });

  it('closed while the counter runs, it opens again where it belongs; after the counter stops, it stays closed', () => {
    const screen = new FakeScreen();
    screen.displays.push(POLE);
    const { display, live, opened } = keeper(screen);
    display.start();
    opened[0]!.close(); // Alt+F4 on the customer's screen
    expect(live()).toHaveLength(1);
    expect(live()[0]).toMatchObject({ style: 'cover', bounds: POLE.bounds });
    expect(display.current()).toBe(live()[0]);

    display.close(); // the counter quits
    expect(live()).toHaveLength(0);
    screen.unplug(7);
    expect(opened).toHaveLength(2);
  });

  it('a window that keeps closing is not opened again for ever', () => {
    const screen = new FakeScreen();
    const { display, opened, live, tick } = keeper(screen);
    display.start();
    for (let i = 0; i < 10; i++) {
      live()[0]?.close();
      tick(1000);
    }
    expect(opened.length).toBeLessThanOrEqual(7);
    expect(live()).toHaveLength(0);
  });
});
