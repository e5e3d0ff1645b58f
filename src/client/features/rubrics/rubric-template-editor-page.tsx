/** Placeholder: filled by the feature. */
export function RubricTemplateEditorPage(_props: { onDirtyChange?: (dirty: boolean) => void }) {
  return null;
}
