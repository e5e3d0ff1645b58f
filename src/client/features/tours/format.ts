/** Distances, durations and clock times of a tour, in the reader's locale. */

/** "850 m" under a kilometre, else "1.25 km" (es-MX: "1.25 km"). */
export function formatDistance(metres: number, locale: string): string {
  if (metres < 1000)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(metres))} m`;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(metres / 1000)} km`;
}

/** "1 h 05 min", "12 min 30 s", "45 s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/**
 * A time of day on a 24-hour clock ("10:32", "00:08" after midnight, never "24:08"), with the
 * date when it is not `sameDayAs`'s day.
 */
export function formatClock(iso: string, locale: string, sameDayAs?: string): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  if (!sameDayAs || new Date(sameDayAs).toDateString() === date.toDateString()) return time;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(
    date,
  );
}
