/** Placeholder: filled by the feature. */
export function SessionTourLink(_props: { sessionId: string; sessionType: string }) {
  return null;
}
