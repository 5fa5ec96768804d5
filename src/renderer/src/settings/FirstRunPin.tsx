import { useRef, useState } from 'react';
import { minNewPinDigits, PIN_MAX_DIGITS } from '../../../shared/manager-pin-rules';
import { said, saidOfError, type Said } from '../../../shared/i18n/said';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { TextField } from './Field';
import { NewPinHint, newPinErrors, PinReset } from './PinForm';
import { SectionForm } from './SectionForm';
import { SECTION_NAMES } from './settings-sections';
import type { SectionNotice } from './use-section-form';

/**
 * The wizard's first step: choose the manager PIN (typed twice), or type the one already set;
 * every later step saves under it. `onDone` gets the PIN once main has taken it.
 */
export function FirstRunPin({ onDone }: { onDone: (pin: string) => void }) {
  const { say, sayAll } = useSay();
  const settings = useCounter((s) => s.settings);
  const managerStatus = useCounter((s) => s.managerStatus);
  const setPin = useCounter((s) => s.setPin);
  const saveWithPin = useCounter((s) => s.saveSettingsWithPin);
  const [pin, setPinText] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ newPin?: Said; repeatPin?: Said }>({});
  const [notice, setNotice] = useState<SectionNotice | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  if (!settings) return null;
  if (managerStatus?.resetNeeded) return <PinReset />;
  const pinSet = managerStatus?.pinSet ?? settings.pinSet;
  const mode = settings.mode;

  const submit = async () => {
    const found = pinSet
      ? pin === ''
        ? { newPin: said('settings.pin.problem.currentMissing') }
        : {}
      : newPinErrors(pin, repeat, mode);
    setErrors(found);
    const count = Object.keys(found).length;
    setNotice(count > 0 ? { kind: 'check', count } : null);
    if (count > 0) {
      setTimeout(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    // A PIN already set is checked by an empty change.
    const result = pinSet ? await saveWithPin({}, pin) : await setPin(pin);
    if (result.ok) onDone(pin);
    else {
      setErrors({ newPin: saidOfError(result.error) });
      setNotice({ kind: 'check', count: 1 });
    }
  };
  const field = (key: 'newPin' | 'repeatPin') => (errors[key] ? sayAll(errors[key]) : undefined);

  return (
    <SectionForm
      title={say(SECTION_NAMES.pin)}
      intro={
        pinSet
          ? say('settings.wizard.pinAgain')
          : `${say('settings.wizard.pinIntro')} ${say('settings.pin.digits', {
              min: minNewPinDigits(mode),
              max: PIN_MAX_DIGITS,
            })}`
      }
      formRef={formRef}
      notice={notice}
      onSubmit={() => void submit()}
      saveLabel={say('settings.wizard.next')}
    >
      <TextField
        name="newPin"
        type="password"
        inputMode="numeric"
        autoFocus
        label={say(pinSet ? SECTION_NAMES.pin : 'settings.pin.new')}
        value={pin}
        error={field('newPin')}
        onChange={(value) => {
          setPinText(value);
          setErrors({});
        }}
      />
      {pinSet ? null : (
        <>
          <TextField
            name="repeatPin"
            type="password"
            inputMode="numeric"
            label={say('settings.pin.repeat')}
            value={repeat}
            error={field('repeatPin')}
            onChange={(value) => {
              setRepeat(value);
              setErrors({});
            }}
          />
          <NewPinHint pin={pin} mode={mode} />
        </>
      )}
    </SectionForm>
  );
}
