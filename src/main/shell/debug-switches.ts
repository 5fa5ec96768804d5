/**
 * Command-line switches that open a debugger or DevTools protocol into the app. The fuses turn
 * off --inspect and NODE_OPTIONS; Chromium's remote debugging has no fuse, so a packaged app
 * refuses to start with any of these (someone at the till could otherwise drive the windows).
 */
const DEBUG_SWITCHES = [
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--debug',
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-debugging-address',
  '--remote-allow-origins',
  '--js-flags',
];

/** The debugging switches present in argv (`--x` or `--x=value`). */
export function debugSwitchesIn(argv: readonly string[]): string[] {
  return argv.filter((arg) =>
    DEBUG_SWITCHES.some((name) => arg === name || arg.startsWith(`${name}=`)),
  );
}
