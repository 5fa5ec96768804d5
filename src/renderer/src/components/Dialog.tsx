import { useRef, type ReactNode } from 'react';
import { useFocusTrap } from './use-focus-trap';

/**
 * The frame every dialog over the counter shares: the dimmed backdrop, a panel announced as a
 * modal dialog by its title, and (when it can be dismissed) the keyboard kept inside it, Escape
 * calling `onEscape`. Each dialog used to write this out, and a fix to one missed the others.
 * An alert the cashier must answer (`alert`, no `onEscape`) keeps no trap: there is no Escape.
 */
export function Dialog({
  className,
  titleId,
  title,
  describedBy,
  alert = false,
  hidden = false,
  onEscape,
  onSubmit,
  actions,
  children,
}: {
  className: string;
  titleId: string;
  title: ReactNode;
  describedBy?: string;
  alert?: boolean;
  /** Kept on the page but out of sight (and out of the keyboard's way). */
  hidden?: boolean;
  onEscape?: () => void;
  /** Makes the panel a form: Enter submits it. */
  onSubmit?: () => void;
  /** The row of buttons under the content. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const box = useRef<HTMLFormElement & HTMLDivElement>(null);
  useFocusTrap(box, !hidden && onEscape !== undefined, onEscape ?? ignore);
  const Panel = onSubmit ? 'form' : 'div';
  return (
    <div className="overlay" hidden={hidden}>
      <Panel
        ref={box}
        className={className}
        role={alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        onSubmit={
          onSubmit
            ? (e: React.FormEvent) => {
                e.preventDefault();
                onSubmit();
              }
            : undefined
        }
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {actions ? <div className="pin-actions">{actions}</div> : null}
      </Panel>
    </div>
  );
}

function ignore(): void {}
