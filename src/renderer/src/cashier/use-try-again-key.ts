import { useEffect } from 'react';
import { useCounter } from '../store';

/**
 * R charges the ended sale again, while `enabled` (a decline, an expiry, nothing charged). The
 * key, not the letter: the same key on every keyboard layout; not while typing in a field, nor
 * under the late-payment alert or a dialog.
 */
export function useTryAgainKey(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'KeyR' || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [role="dialog"], [role="alertdialog"]')) return;
      const store = useCounter.getState();
      if (store.view !== 'counter' || store.session?.lateAlerts.length) return;
      e.preventDefault();
      void store.tryAgain();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
