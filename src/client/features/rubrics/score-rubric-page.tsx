/** Placeholder: filled by the feature. */
export function ScoreRubricPage(_props: { onDirtyChange?: (dirty: boolean) => void }) {
  return null;
}
