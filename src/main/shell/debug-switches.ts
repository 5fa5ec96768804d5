/**
 * Command-line switches that open a debugger or DevTools protocol into the app. The fuses turn
 * off --inspect and NODE_OPTIONS; Chromium's remote debugging has no fuse, so a packaged app
 * refuses to start with any of these (someone at the till could otherwise drive the windows).
 */
const DEBUG_SWITCHES = [
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
  'debug',
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-io-pipes',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'js-flags',
] as const;

/**
 * The switch an argument names, the way Chromium reads it: after `--`, `-` or (on Windows) `/`,
 * up to `=`, and in any letter case (Windows folds it; folding everywhere only refuses more).
 */
function switchName(arg: string): string | undefined {
  const prefix = /^(--|-|\/)/.exec(arg)?.[0];
  if (!prefix) return undefined;
  const name = arg.slice(prefix.length).split('=', 1)[0]!;
  return name.toLowerCase();
}

/**
 * The debugging switches present: those in argv in any spelling Chromium accepts, and (with
 * `hasSwitch`, Electron's `app.commandLine.hasSwitch`) those Chromium itself says it parsed, so
 * that a spelling this function does not know still counts.
 */
export function debugSwitchesIn(
  argv: readonly string[],
  hasSwitch?: (name: string) => boolean,
): string[] {
  const known = new Set<string>(DEBUG_SWITCHES);
  const found = argv.filter((arg) => {
    const name = switchName(arg);
    return name !== undefined && known.has(name);
  });
  if (!hasSwitch) return found;
  const named = new Set(found.map(switchName));
  const parsed = DEBUG_SWITCHES.filter((name) => !named.has(name) && hasSwitch(name));
  return [...found, ...parsed.map((name) => `--${name}`)];
}
