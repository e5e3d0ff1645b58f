import { describe, expect, it } from 'vitest';
import { formatClock, formatDistance, formatDuration } from '../../../src/client/features/tours/format';

describe('tour times and distances', () => {
  it('shows a time after midnight as 00:08, never 24:08, alone or with its date', () => {
    const afterMidnight = new Date(2026, 11, 5, 0, 8).toISOString();
    const beforeMidnight = new Date(2026, 11, 4, 23, 59).toISOString();
    expect(formatClock(afterMidnight, 'es-MX')).toBe('00:08');
    expect(formatClock(afterMidnight, 'en')).toBe('00:08');
    expect(formatClock(afterMidnight, 'es-MX', afterMidnight)).toBe('00:08');
    // An interruption that crosses midnight names the day it ended.
    expect(formatClock(afterMidnight, 'es-MX', beforeMidnight)).toBe('05/12/26, 00:08');
    expect(formatClock(beforeMidnight, 'es-MX')).toBe('23:59');
  });

  it('words distances and durations', () => {
    expect(formatDistance(850.4, 'es-MX')).toBe('850 m');
    expect(formatDistance(1250, 'es-MX')).toBe('1.25 km');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
    expect(formatDuration(750_000)).toBe('12 min 30 s');
    expect(formatDuration(45_000)).toBe('45 s');
  });
});
