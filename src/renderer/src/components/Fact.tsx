import type { ReactNode } from 'react';

/**
 * One line of a list of facts (`<dl>`): what it is and its value. A fact without a value (null,
 * undefined or empty) is left out, so an optional line needs no wrapping where it is used.
 */
export function Fact({
  term,
  className,
  translate,
  children,
}: {
  term: string;
  className?: string;
  /** 'no' for a person's name, which the browser must not translate. */
  translate?: 'no';
  children: ReactNode;
}) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd className={className} translate={translate}>
        {children}
      </dd>
    </>
  );
}
