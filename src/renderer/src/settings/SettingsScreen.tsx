import { useEffect } from 'react';
import { useSay } from '../i18n/use-say';
import { PrinterSettingsSection } from '../printing/PrinterSettingsSection';
import { useCounter } from '../store';
import { AboutSection } from './AboutSection';
import { AccountSection } from './AccountSection';
import { CallbacksSection } from './CallbacksSection';
import { CustomerPageSection } from './CustomerPageSection';
import { LimitsSection } from './LimitsSection';
import { PinForm } from './PinForm';
import { SECTIONS, SECTION_NAMES, sectionOfProblem, type SectionKey } from './settings-sections';
import { StaffSection } from './StaffSection';
import { StoreSection } from './StoreSection';
import '../styles/settings.css';

/** Each section's content; a section's form keeps what was typed until it is left. */
function SectionContent({ section }: { section: SectionKey }) {
  switch (section) {
    case 'store':
      return <StoreSection />;
    case 'account':
      return <AccountSection />;
    case 'customerPage':
      return <CustomerPageSection />;
    case 'printer':
      return <PrinterSettingsSection />;
    case 'callbacks':
      return <CallbacksSection />;
    case 'limits':
      return <LimitsSection />;
    case 'staff':
      return <StaffSection />;
    case 'pin':
      return <PinForm />;
    case 'about':
      return <AboutSection />;
  }
}

/** What stops live payments, each with the way to the section that fixes it. */
function Problems() {
  const { say, sayAll } = useSay();
  const problems = useCounter((s) => s.settings?.problems ?? []);
  const show = useCounter((s) => s.showSettingsSection);
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="status">
      <p className="problems-title">{say('settings.problems.title')}</p>
      <ul>
        {problems.map((problem, index) => {
          const section = sectionOfProblem(problem);
          return (
            <li key={index}>
              {sayAll(problem)}
              {section ? (
                <button type="button" className="link" onClick={() => show(section)}>
                  {say('settings.problems.open', { section: say(SECTION_NAMES[section]) })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Settings as sections with a side list: one section at a time, each with its own Save that
 * saves only its fields, checked where they are typed before the PIN is asked.
 */
export function SettingsScreen() {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const section = useCounter((s) => s.settingsSection);
  const show = useCounter((s) => s.showSettingsSection);
  const loadAbout = useCounter((s) => s.loadAbout);
  // Managers with PINs of their own change them under Staff: the counter's one PIN is gone.
  const named = useCounter((s) => s.managerStatus?.namedManagers === true);
  const sections = named ? SECTIONS.filter((key) => key !== 'pin') : SECTIONS;
  useEffect(() => {
    void loadAbout();
  }, [loadAbout]);
  if (!settings) return null;
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{say('common.nav.settings')}</h1>
      <Problems />
      <div className="settings-layout">
        <nav className="settings-nav" aria-label={say('settings.sections.label')}>
          <ul>
            {sections.map((key) => (
              <li key={key}>
                <button
                  type="button"
                  aria-current={key === section ? 'page' : undefined}
                  onClick={() => show(key)}
                >
                  {say(SECTION_NAMES[key])}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-section">
          <SectionContent key={section} section={section} />
        </div>
      </div>
    </section>
  );
}
