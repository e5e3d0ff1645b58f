/** Storage figures in the user's language: bytes, shares of the quota. */

const UNITS = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
] as const;

/** "12.3 MB" / "12,3 MB" (decimal units, as browsers and phones report storage). */
export function formatBytes(bytes: number, locale: string): string {
  for (const [unit, size] of UNITS) {
    if (bytes >= size) {
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        maximumFractionDigits: bytes >= size * 100 ? 0 : 1,
      }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte' }).format(bytes);
}

/** "3%" / "0.4%" / "<0.1%": one decimal for small shares, so a fresh device never reads "0%". */
export function formatShare(ratio: number, locale: string): string {
  const format = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: ratio < 0.1 ? 1 : 0 }).format(
      value,
    );
  return ratio > 0 && ratio < 0.001 ? `<${format(0.001)}` : format(ratio);
}
