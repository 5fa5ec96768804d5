/** What to do when a window's renderer process is gone. */
export type RendererGoneAction = 'nothing' | 'reload' | 'relaunch';

export interface RendererCrashPolicyOptions {
  readonly now?: () => number;
  /** This many crashes within `windowMs` stop the reloading: the whole app relaunches. */
  readonly maxCrashes?: number;
  readonly windowMs?: number;
}

/**
 * A window whose renderer crashed (Chromium's `render-process-gone`) is reloaded: main and the
 * journal were not affected, and the page asks main for the sale on screen again. A renderer
 * that keeps crashing, or whose code failed its integrity check, is handed to the crash policy,
 * which relaunches the app (and stops after a loop).
 */
export class RendererCrashPolicy {
  private crashes: number[] = [];

  constructor(private readonly options: RendererCrashPolicyOptions = {}) {}

  /** The action for a renderer gone for `reason` (Electron's RenderProcessGoneDetails.reason). */
  onGone(reason: string): RendererGoneAction {
    if (reason === 'clean-exit') return 'nothing';
    if (reason === 'integrity-failure') return 'relaunch';
    const now = (this.options.now ?? Date.now)();
    const windowMs = this.options.windowMs ?? 10 * 60_000;
    this.crashes = [...this.crashes.filter((at) => at > now - windowMs), now];
    return this.crashes.length >= (this.options.maxCrashes ?? 3) ? 'relaunch' : 'reload';
  }
}

/**
 * How loud a helper process's end is in the log (Electron's `child-process-gone`). Chromium
 * starts the GPU process and its utility processes (network service, audio) again by itself,
 * and after repeated GPU crashes draws without the GPU: the app keeps running, so nothing more
 * is done than to write it down.
 */
export function childGoneLevel(reason: string): 'info' | 'error' {
  return reason === 'clean-exit' ? 'info' : 'error';
}
