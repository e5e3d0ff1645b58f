/** Placeholder: filled by the feature. */
export function RubricTemplatesPage() {
  return null;
}
