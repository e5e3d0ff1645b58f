/** Placeholder: filled by the feature. */
export function ProcessProblemsSummary(_props: { processId: string }) {
  return null;
}
