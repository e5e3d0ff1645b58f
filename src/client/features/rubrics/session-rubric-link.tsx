/** Placeholder: filled by the feature. */
export function SessionRubricLink(_props: { sessionId: string; processId: string; sessionType: string }) {
  return null;
}
