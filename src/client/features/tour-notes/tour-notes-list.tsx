/** Placeholder: filled by the feature. */
export function TourNotesList(_props: { sessionId: string }) {
  return null;
}
