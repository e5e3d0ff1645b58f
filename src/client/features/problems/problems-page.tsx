/** Placeholder: filled by the feature. */
export function ProblemsPage() {
  return null;
}
