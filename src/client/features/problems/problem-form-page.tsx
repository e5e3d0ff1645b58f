/** Placeholder: filled by the feature. */
export function ProblemFormPage(_props: { onDirtyChange?: (dirty: boolean) => void }) {
  return null;
}
