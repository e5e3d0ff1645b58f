/** Placeholder: filled by the feature. */
export function TourPage() {
  return null;
}
