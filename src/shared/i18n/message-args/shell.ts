// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.

/** The messages of the shell area that take no values. */
export type ShellPlain =
  | 'shell.connection.lost'
  | `shell.demoPay.${'hint' | 'link'}`
  | `shell.noAccess.${'missing' | 'title' | 'where' | 'wrong'}`;

/**
 * The messages of the shell area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export type ShellArgs = Record<ShellPlain, undefined>;
