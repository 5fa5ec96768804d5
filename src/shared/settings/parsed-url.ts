/** The parts of a WHATWG URL the settings' rules read. */
export interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
}

/**
 * Every runtime of the counter (Node in main, Chromium in the windows) has the WHATWG URL
 * parser; src/shared is compiled without Node or DOM types, so it is reached through
 * globalThis with only what these rules read declared.
 */
const WhatwgUrl = (globalThis as unknown as { URL: new (text: string) => ParsedUrl }).URL;

/** `text` parsed as an absolute URL, or undefined when it is not one. */
export function parseUrl(text: string): ParsedUrl | undefined {
  try {
    return new WhatwgUrl(text);
  } catch {
    return undefined;
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for a host on this machine (`127.0.0.1`, `localhost`, `[::1]`): a local sandbox. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}
