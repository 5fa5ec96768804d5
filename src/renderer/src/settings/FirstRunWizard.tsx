import { useEffect, useMemo, useState } from 'react';
import type { SettingsView } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { AccountSection } from './AccountSection';
import { ConnectionTestResult } from './ConnectionTestPanel';
import { CustomerPageSection } from './CustomerPageSection';
import { FirstRunManager } from './FirstRunManager';
import { FirstRunPin } from './FirstRunPin';
import { SectionSaverContext, type SectionSaver } from './section-saver';
import { SECTION_NAMES } from './settings-sections';
import { StoreSection } from './StoreSection';
import '../styles/settings.css';

const STEPS = ['pin', 'manager', 'store', 'account', 'customerPage', 'test'] as const;
type Step = (typeof STEPS)[number];

/** The first step after the PIN that still needs something (or the test when none does). */
function firstMissing(settings: SettingsView): Step {
  if (settings.storeIpAddress === '') return 'store';
  if (settings.projectId === null || !settings.secretConfigured) return 'account';
  if (settings.customerReturnUrl === '') return 'customerPage';
  return 'test';
}

/**
 * A live counter's first run, one section at a time: the manager PIN (every setting is saved
 * under it), the manager's name (the first staff member, signed in with that PIN), then the same Store, ecommpay account and Customer page sections as Settings,
 * each saved with the PIN typed once, then Test connection. Nothing can be charged until the
 * test has passed once.
 */
export function FirstRunWizard() {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const saveWithPin = useCounter((s) => s.saveSettingsWithPin);
  const testConnection = useCounter((s) => s.testConnection);
  const testing = useCounter((s) => s.connectionTesting);
  const finish = useCounter((s) => s.finishFirstRun);
  const startFirstRun = useCounter((s) => s.startFirstRun);
  const refreshStaff = useCounter((s) => s.refreshStaff);
  const [step, setStep] = useState<Step>('pin');
  const [pin, setPin] = useState('');
  useEffect(() => startFirstRun(), [startFirstRun]);
  // The test runs by itself when its step opens.
  useEffect(() => {
    if (step === 'test') void testConnection();
  }, [step, testConnection]);
  const saver = useMemo<SectionSaver>(
    () => (update, _title, done) =>
      void saveWithPin(update, pin).then((result) =>
        done(result.ok ? { saved: true } : { saved: false, error: result.error }),
      ),
    [saveWithPin, pin],
  );
  if (!settings) return null;
  const index = STEPS.indexOf(step);
  const next = () => setStep(STEPS[index + 1] ?? 'test');
  const stepName = (key: Step) =>
    key === 'pin'
      ? say(SECTION_NAMES.pin)
      : key === 'manager'
        ? say('staff.firstManager.step')
        : key === 'test'
          ? say('settings.wizard.stepTest')
          : say(SECTION_NAMES[key]);
  const afterManager = () => setStep(firstMissing(useCounter.getState().settings ?? settings));
  const sectionProps = { onSaved: next, saveLabel: say('settings.wizard.saveNext') };
  const test = settings.connectionTest;
  const passed = test?.ok === true && test.current;

  return (
    <section className="first-run settings" aria-labelledby="first-run-title">
      <h1 id="first-run-title">{say('settings.wizard.title')}</h1>
      <ol className="steps" aria-label={say('settings.wizard.steps')}>
        {STEPS.map((key, i) => (
          <li key={key} aria-current={key === step ? 'step' : undefined}>
            <span className="step-number">{i + 1}</span> {stepName(key)}
          </li>
        ))}
      </ol>
      <SectionSaverContext.Provider value={saver}>
        <div className="settings-section first-run-step">
          {step === 'pin' ? (
            <FirstRunPin
              onDone={(typed) => {
                setPin(typed);
                // A counter that has its staff already (a first run begun before) skips the name.
                void refreshStaff().then(() =>
                  useCounter.getState().staff.length > 0 ? afterManager() : setStep('manager'),
                );
              }}
            />
          ) : null}
          {step === 'manager' ? <FirstRunManager pin={pin} onDone={afterManager} /> : null}
          {step === 'store' ? <StoreSection {...sectionProps} /> : null}
          {step === 'account' ? <AccountSection {...sectionProps} withTest={false} /> : null}
          {step === 'customerPage' ? <CustomerPageSection {...sectionProps} /> : null}
          {step === 'test' ? (
            <div className="section-form first-run-test">
              <h2>{say('settings.test.title')}</h2>
              {testing ? (
                <p role="status">{say('settings.test.running')}</p>
              ) : (
                <ConnectionTestResult test={test} />
              )}
            </div>
          ) : null}
        </div>
      </SectionSaverContext.Provider>
      <div className="settings-actions">
        {step === 'test' ? (
          passed ? (
            <button type="button" className="primary" onClick={finish}>
              {say('settings.wizard.start')}
            </button>
          ) : (
            <button type="button" disabled={testing} onClick={() => void testConnection()}>
              {say('settings.wizard.testAgain')}
            </button>
          )
        ) : null}
        {index > 2 ? (
          <button type="button" onClick={() => setStep(STEPS[index - 1]!)}>
            {say('common.action.back')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
