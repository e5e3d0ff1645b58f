/**
 * Whole percentages of a total that add up to 100 — the largest remainder
 * (Hamilton) method: each part gets the whole part of its exact percentage,
 * and the points still missing go, one each, to the parts with the largest
 * remainders. "33 %, 33 %, 33 %" on a results table reads as a mistake; this
 * gives "34 %, 33 %, 33 %" when the parts differ.
 *
 * Equal parts always show equal percentages (a tie must not look like a
 * winner): when the points left over cannot go to every part with the same
 * remainder, none of that group gets one, and the total stays under 100 —
 * `addsUp` is then false and the screen says the figures are rounded.
 */

export interface RoundedPercentages {
  /** One whole percentage per value, in the order given. */
  percents: number[];
  /** True when the percentages add up to exactly 100 (or there is nothing to share). */
  addsUp: boolean;
}

const EPSILON = 1e-9;

export function roundPercentages(values: readonly number[]): RoundedPercentages {
  const parts = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const total = parts.reduce((a, b) => a + b, 0);
  if (total <= 0) return { percents: parts.map(() => 0), addsUp: true };

  const exact = parts.map((v) => (v / total) * 100);
  const percents = exact.map((x) => Math.floor(x + EPSILON));
  let left = 100 - percents.reduce((a, b) => a + b, 0);

  // Parts grouped by remainder, largest first; equal values share a remainder and so a group.
  const remainders = exact.map((x, i) => ({ index: i, rest: Math.max(0, x - percents[i]!) }));
  remainders.sort((a, b) => b.rest - a.rest || a.index - b.index);
  let i = 0;
  while (left > 0 && i < remainders.length) {
    const rest = remainders[i]!.rest;
    if (rest <= EPSILON) break;
    let j = i;
    while (j < remainders.length && Math.abs(remainders[j]!.rest - rest) <= EPSILON) j++;
    const group = remainders.slice(i, j);
    if (group.length > left) break;
    for (const { index } of group) percents[index]! += 1;
    left -= group.length;
    i = j;
  }
  return { percents, addsUp: left === 0 };
}
