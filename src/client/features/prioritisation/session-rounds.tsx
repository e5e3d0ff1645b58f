/** Placeholder: filled by the feature. */
export function SessionRounds(_props: { sessionId: string; processId: string }) {
  return null;
}
