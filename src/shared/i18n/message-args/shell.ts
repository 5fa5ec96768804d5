// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.

/** The messages of the shell area and the values each takes (dates as ms since the epoch). */
export interface ShellArgs {
  'shell.connection.lost': undefined;
  'shell.demoPay.hint': undefined;
  'shell.demoPay.link': undefined;
  'shell.noAccess.missing': undefined;
  'shell.noAccess.title': undefined;
  'shell.noAccess.where': undefined;
  'shell.noAccess.wrong': undefined;
}
