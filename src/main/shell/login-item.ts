/**
 * Whether the app starts when the user logs in: a live counter's setting (on by default), never
 * in demo mode, and never from a checkout (that would register the bare Electron binary).
 */
export function opensAtLogin(options: {
  readonly mode: 'demo' | 'live';
  readonly packaged: boolean;
  readonly startAtLogin: boolean;
}): boolean {
  return options.mode === 'live' && options.packaged && options.startAtLogin;
}
