/** Placeholder: filled by the feature. */
export function MapPacksPage() {
  return null;
}
