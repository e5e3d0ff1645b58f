/**
 * The device's clock in words: whether it is off enough to warn about, and by
 * how much ("1 año", "3 días", "7 minutos") through Intl, so a date a year out
 * does not read as half a million minutes.
 */
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../sync/sync-engine';

/**
 * `PROTOCOL_LIMITS.clockSkewWarningMs`. The header (first download) uses this
 * module, and importing the protocol module would bring its zod schemas into
 * the first download; a unit test keeps the two equal.
 */
export const CLOCK_SKEW_WARNING_MS = 5 * 60 * 1000;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const UNITS: [Intl.NumberFormatOptions['unit'], number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
  ['hour', 60 * MINUTE],
  ['minute', MINUTE],
];

export function hasClockSkew(status: Pick<SyncStatus, 'clockSkewMs'>): boolean {
  return status.clockSkewMs !== null && Math.abs(status.clockSkewMs) > CLOCK_SKEW_WARNING_MS;
}

/**
 * How close to a whole unit a gap may fall short and still be named in it: the gap is measured
 * over the network, so a clock set a year ahead reads a few seconds under a year, and that is
 * "1 año", not "12 meses".
 */
const UNIT_TOLERANCE = 0.995;

/** A duration in its largest whole unit, e.g. "1 año", "2 months", "7 minutos". */
export function formatClockGap(ms: number, locale: string): string {
  const abs = Math.abs(ms);
  const [unit, size] = UNITS.find(([, unitMs]) => abs >= unitMs * UNIT_TOLERANCE) ?? UNITS[UNITS.length - 1]!;
  const value = Math.max(1, Math.round(abs / size));
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** "La fecha y hora de este dispositivo están adelantadas 1 año…" (`variant: 'badge'`: the header's short form). */
export function clockSkewText(
  skewMs: number,
  t: TFunction,
  locale: string,
  variant: 'full' | 'badge' = 'full',
) {
  const gap = formatClockGap(skewMs, locale);
  const ahead = skewMs > 0;
  if (variant === 'badge') return t(ahead ? 'sync.clockBadgeAhead' : 'sync.clockBadgeBehind', { gap });
  return t(ahead ? 'sync.clockAhead' : 'sync.clockBehind', { gap });
}
