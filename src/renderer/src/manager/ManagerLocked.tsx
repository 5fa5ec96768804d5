import { useEffect, useRef } from 'react';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/** In place of Reports or Settings while the manager session is locked: what to do to open. */
export function ManagerLocked() {
  const { say } = useSay();
  const unlock = useCounter((s) => s.unlockManager);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <section className="manager-locked">
      <h1>{say('manager.locked.title')}</h1>
      <p>{say('manager.locked.body')}</p>
      <button ref={button} type="button" className="primary" onClick={() => unlock()}>
        {say('manager.locked.unlock')}
      </button>
    </section>
  );
}
