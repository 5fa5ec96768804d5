import type { ReactNode, Ref } from 'react';
import { useSay } from '../i18n/use-say';

/** The badge each key wears on its button, in the window's language. */
const KEY_WORDS = {
  Enter: 'cashier.key.enter',
  Escape: 'cashier.key.escape',
  R: 'cashier.key.tryAgain',
} as const;

/**
 * A cashier's button that a key presses too: the key is announced (aria-keyshortcuts) and shown
 * on the button as a badge screen readers skip. Charge, Cancel, Try again and New sale all work
 * this way; the keys themselves are handled where each screen listens. Without `shortcut` it is
 * a plain button (New sale when Enter must not end an unknown outcome).
 */
export function KeyButton({
  shortcut,
  className,
  disabled,
  autoFocus,
  buttonRef,
  onClick,
  children,
}: {
  shortcut: keyof typeof KEY_WORDS | undefined;
  className: string;
  disabled?: boolean;
  autoFocus?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
  onClick: () => void;
  children: ReactNode;
}) {
  const { say } = useSay();
  return (
    <button
      ref={buttonRef}
      type="button"
      className={className}
      aria-keyshortcuts={shortcut}
      disabled={disabled}
      autoFocus={autoFocus}
      onClick={onClick}
    >
      {children}
      {shortcut ? <kbd aria-hidden="true">{say(KEY_WORDS[shortcut])}</kbd> : null}
    </button>
  );
}
