/** Placeholder: filled by the feature. */
export function ProcessRubricHistory(_props: { processId: string }) {
  return null;
}
