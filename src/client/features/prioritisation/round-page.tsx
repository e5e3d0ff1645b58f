/** Placeholder: filled by the feature. */
export function RoundPage(_props: { onDirtyChange?: (dirty: boolean) => void }) {
  return null;
}
