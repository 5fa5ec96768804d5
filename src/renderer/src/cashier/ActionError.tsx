import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/** What main refused of the cashier's last action (a cancel, a new sale), in the window's words. */
export function ActionError() {
  const { sayAll } = useSay();
  const actionError = useCounter((s) => s.actionError);
  if (!actionError) return null;
  return (
    <p className="action-error" role="alert">
      {sayAll(actionError)}
    </p>
  );
}
