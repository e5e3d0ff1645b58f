/** The time a download has left, at the pace it has kept so far. */
import { describe, expect, it } from 'vitest';
import { estimateTimeLeft } from '../../../src/client/sync/sync-status';

describe('estimateTimeLeft', () => {
  it('spreads the records still to come over the pace so far', () => {
    // 1,000 of 4,000 in 2 s: 3,000 more at 500 a second.
    expect(estimateTimeLeft(1000, 4000, 2000)).toBe(6000);
    expect(estimateTimeLeft(4000, 4000, 8000)).toBe(0);
    // Records written meanwhile can make the count pass the estimate: nothing is left, not less.
    expect(estimateTimeLeft(4100, 4000, 8000)).toBe(0);
  });

  it('says nothing without a total, before a record or before half a second', () => {
    expect(estimateTimeLeft(1000, null, 2000)).toBeNull();
    expect(estimateTimeLeft(0, 4000, 2000)).toBeNull();
    expect(estimateTimeLeft(1000, 4000, 300)).toBeNull();
  });
});
