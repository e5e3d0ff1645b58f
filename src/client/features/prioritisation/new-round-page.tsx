/** Placeholder: filled by the feature. */
export function NewRoundPage(_props: { onDirtyChange?: (dirty: boolean) => void }) {
  return null;
}
