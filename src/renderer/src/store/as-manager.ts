import type { Said } from '../../../shared/i18n/said';
import type { ErrorCode, Result } from '../../../shared/result';
import type { CounterStore } from './index';
import type { ScreenError } from './manager-slice';

/**
 * Runs a manager's action: at once while the manager session is open (or no manager can be asked
 * yet), asking the PIN after all if main says the session locked meanwhile; else after the PIN
 * dialog, which shows what `attempt` answers. Any other refusal of an attempt made without the
 * dialog goes to `refused`, for the screen that asked to show.
 */
export function asManager(
  get: () => Pick<CounterStore, 'managerStatus' | 'askPin'>,
  title: string | Said,
  attempt: (pin?: string, staffId?: number) => Promise<Result<unknown, ErrorCode>>,
  refused: (error: ScreenError) => void = () => {},
): void {
  const status = get().managerStatus;
  const ask = () => get().askPin(title, attempt);
  if (status?.pinSet && !status.session) return ask();
  void attempt().then((result) => {
    if (result.ok) return;
    if (result.error.code === 'MANAGER_LOCKED') ask();
    else refused(result.error);
  });
}
