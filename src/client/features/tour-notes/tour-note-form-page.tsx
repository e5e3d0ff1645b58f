/** Placeholder: filled by the feature. */
export function TourNoteFormPage(_props: { onDirtyChange?: (dirty: boolean) => void }) {
  return null;
}
