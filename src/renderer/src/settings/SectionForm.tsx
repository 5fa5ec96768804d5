import type { ReactNode, RefObject } from 'react';
import { useSay } from '../i18n/use-say';
import type { SectionNotice } from './use-section-form';

/** The line above Save: saved, which fields to check, or what main refused. */
function NoticeLine({ notice }: { notice: SectionNotice | null }) {
  const { say, sayAll } = useSay();
  if (notice === null) return <p className="section-notice" role="status" />;
  if (notice.kind === 'saved')
    return (
      <p className="section-notice section-saved" role="status">
        {say('settings.save.saved')}
      </p>
    );
  return (
    <p className="section-notice settings-error" role="alert">
      {notice.kind === 'check'
        ? say('settings.save.checkFields', { count: notice.count })
        : sayAll(notice.said)}
    </p>
  );
}

/**
 * One section of Settings as a form of its own: its heading, its fields, and one Save that
 * saves only them. `noValidate`: the section checks its fields itself, in the window's language.
 */
export function SectionForm({
  title,
  intro,
  formRef,
  notice,
  onSubmit,
  saveLabel,
  children,
}: {
  title: string;
  intro?: string;
  formRef: RefObject<HTMLFormElement | null>;
  notice: SectionNotice | null;
  onSubmit: () => void;
  saveLabel?: string;
  children: ReactNode;
}) {
  const { say } = useSay();
  return (
    <form
      ref={formRef}
      className="settings-form section-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2>{title}</h2>
      {intro ? <p className="section-intro">{intro}</p> : null}
      {children}
      <NoticeLine notice={notice} />
      <div className="settings-actions">
        <button type="submit" className="primary">
          {saveLabel ?? say('common.action.save')}
        </button>
      </div>
    </form>
  );
}
