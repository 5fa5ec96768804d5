/** Shows a message that ends the app; `title` is the dialog's title. */
export type FatalMessage = (title: string, message: string) => void;

/**
 * A dialog for the person at the counter; on standard error when nobody is there to press OK
 * (`ALIPAY_COUNTER_UNATTENDED=1`: test runners, scripted installs). A dialog nobody can answer
 * would keep a refused or stopped app running for ever. Either way the log has the reason.
 */
export function fatalMessage(
  env: NodeJS.ProcessEnv,
  showErrorBox: (title: string, message: string) => void,
  writeError: (line: string) => void,
): FatalMessage {
  return env['ALIPAY_COUNTER_UNATTENDED'] === '1'
    ? (title, message) => writeError(`${title}: ${message}\n`)
    : showErrorBox;
}
