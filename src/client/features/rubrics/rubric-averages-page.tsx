/** Placeholder: filled by the feature. */
export function RubricAveragesPage() {
  return null;
}
