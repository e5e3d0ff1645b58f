/** Whole percentages that add up to 100 (largest remainder), with ties kept equal. */
import { describe, expect, it } from 'vitest';
import { roundPercentages } from '../../../src/domain/percentages';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('roundPercentages', () => {
  it('gives the missing point to the largest remainder: 4, 3, 2 dots of 9 are 44 + 33 + 22 → 45, 33, 22', () => {
    // Exact: 44.44, 33.33, 22.22 — floors add to 99; 44.44 has the largest remainder.
    expect(roundPercentages([4, 3, 2])).toEqual({ percents: [45, 33, 22], addsUp: true });
  });

  it('keeps exact shares as they are', () => {
    expect(roundPercentages([1, 1, 2])).toEqual({ percents: [25, 25, 50], addsUp: true });
    expect(roundPercentages([7])).toEqual({ percents: [100], addsUp: true });
  });

  it('gives several leftover points, one each, in order of remainder', () => {
    // 1/7 = 14.29, 2/7 = 28.57, 4/7 = 57.14: floors 14 + 28 + 57 = 99; 28.57 has the largest remainder.
    expect(roundPercentages([1, 2, 4])).toEqual({ percents: [14, 29, 57], addsUp: true });
    // Six parts of 1/6 = 16.67 plus nothing: 16 × 6 = 96, four left, six equal remainders.
    const six = roundPercentages([1, 1, 1, 1, 1, 1]);
    expect(new Set(six.percents)).toEqual(new Set([16]));
    expect(six.addsUp).toBe(false);
  });

  it('never shows tied parts with different percentages: three thirds stay 33 % and say they are rounded', () => {
    expect(roundPercentages([3, 3, 3])).toEqual({ percents: [33, 33, 33], addsUp: false });
  });

  it('gives a tied group the leftover points when there are enough for all of it', () => {
    // 3, 3, 1 of 7: 42.86, 42.86, 14.29 → floors 42 + 42 + 14 = 98; the tied pair takes both points.
    expect(roundPercentages([3, 3, 1])).toEqual({ percents: [43, 43, 14], addsUp: true });
  });

  it('adds up to 100 for any mix of distinct counts', () => {
    for (const values of [
      [13, 8, 5, 1],
      [2, 9, 11, 17, 23, 4],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    ]) {
      const { percents, addsUp } = roundPercentages(values);
      if (addsUp) expect(sum(percents)).toBe(100);
      else expect(sum(percents)).toBeLessThan(100);
      percents.forEach((p, i) => expect(Math.abs(p - (values[i]! / sum(values)) * 100)).toBeLessThan(1));
    }
    expect(roundPercentages([13, 8, 5, 1]).addsUp).toBe(true);
  });

  it('gives zeros when there is nothing to share, and ignores negative or broken values', () => {
    expect(roundPercentages([0, 0])).toEqual({ percents: [0, 0], addsUp: true });
    expect(roundPercentages([])).toEqual({ percents: [], addsUp: true });
    expect(roundPercentages([-1, Number.NaN, 2])).toEqual({ percents: [0, 0, 100], addsUp: true });
  });
});
