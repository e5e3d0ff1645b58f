/** Small formatting helpers shared by the rubric screens. */

/** A mean level (1–4) with one decimal, in the UI language. */
export function formatMean(mean: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);
}

/** The width of a CSS bar for a level from 0 to 4, as a percentage. */
export function levelPercent(mean: number): string {
  return `${Math.max(0, Math.min(100, (mean / 4) * 100))}%`;
}
