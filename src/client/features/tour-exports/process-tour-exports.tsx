/** Placeholder: filled by the feature. */
export function ProcessTourExports(_props: { processId: string }) {
  return null;
}
