import { createContext, useContext } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import { useCounter } from '../store';
import type { SaveOutcome } from '../store/ui-slice';

/** How a section's checked change is saved, and how it ended. */
export type SectionSaver = (
  update: RequestOf<'settings:update'>,
  title: string,
  done: (outcome: SaveOutcome) => void,
) => void;

/**
 * The saver the sections use. Settings asks for the manager PIN at each Save (the store's
 * saveSection); the first-run wizard provides its own, which saves with the PIN typed at its
 * first step.
 */
export const SectionSaverContext = createContext<SectionSaver | null>(null);

export function useSectionSaver(): SectionSaver {
  const given = useContext(SectionSaverContext);
  const saveSection = useCounter((s) => s.saveSection);
  return given ?? saveSection;
}
