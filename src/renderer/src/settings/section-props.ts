/** What the first-run wizard changes about a section it reuses. */
export interface SectionProps {
  /** Called once the section's change is saved (the wizard goes to its next step). */
  onSaved?: () => void;
  /** The Save button's words ("Save and continue" in the wizard). */
  saveLabel?: string;
}
