import { useRef, useState } from 'react';
import { said, saidOfError, type Said } from '../../../shared/i18n/said';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { TextField } from './Field';
import { SectionForm } from './SectionForm';
import type { SectionNotice } from './use-section-form';

/**
 * The wizard's step after the manager PIN: the manager's name. Main makes them the counter's
 * first staff member with the PIN just chosen and signs them in, so the staff, the shifts and
 * the audit start with a person rather than "the manager".
 */
export function FirstRunManager({ pin, onDone }: { pin: string; onDone: () => void }) {
  const { say, sayAll } = useSay();
  const addFirstManager = useCounter((s) => s.addFirstManager);
  const [name, setName] = useState('');
  const [error, setError] = useState<Said | null>(null);
  const [notice, setNotice] = useState<SectionNotice | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const refuse = (problem: Said) => {
    setError(problem);
    setNotice({ kind: 'check', count: 1 });
    formRef.current?.querySelector<HTMLElement>('input')?.focus();
  };
  const submit = async () => {
    if (name.trim() === '') return refuse(said('staff.firstManager.noName'));
    const result = await addFirstManager(name.trim(), pin);
    if (result.ok) onDone();
    else refuse(saidOfError(result.error));
  };
  return (
    <SectionForm
      title={say('staff.firstManager.title')}
      intro={say('staff.firstManager.intro')}
      formRef={formRef}
      notice={notice}
      onSubmit={() => void submit()}
      saveLabel={say('settings.wizard.next')}
    >
      <TextField
        name="managerName"
        autoFocus
        label={say('staff.firstManager.name')}
        value={name}
        error={error ? sayAll(error) : undefined}
        onChange={(value) => {
          setName(value);
          setError(null);
        }}
      />
    </SectionForm>
  );
}
