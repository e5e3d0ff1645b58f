/**
 * The clock's limits: no stamp past the end of its format, and with a bound,
 * no stamp (received or ticked) more than `maxAheadMs` ahead of the wall clock.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHlcClock, formatHlc, isHlc, MAX_HLC_MILLIS, parseHlc, type Hlc } from '../../../src/domain';

const NODE_A = '8f3a9c2b1d4e5f60';
const NODE_B = '0000000000000001';
const MAX_AHEAD = 5 * 60_000;
const NOW = Date.parse('2026-12-03T10:00:00.000Z');
const END_OF_TIME = `9999-12-31T23:59:59.999Z-ffff-${NODE_B}`;

/** True when ticking on from `last` would pass `now + MAX_AHEAD` (a state the bound drops). */
function poisoned(last: Hlc | null, now: number): boolean {
  if (!last) return false;
  const { millis, counter } = parseHlc(last);
  return (counter === 0xffff ? millis + 1 : millis) > now + MAX_AHEAD;
}

/** A stamp `offsetMs` from `now`, or the last one the format can write. */
const remoteStamp = (now: number) =>
  fc.oneof(
    fc
      .tuple(fc.integer({ min: -3_600_000, max: 3_600_000 }), fc.integer({ min: 0, max: 0xffff }))
      .map(([offset, counter]) => formatHlc({ millis: now + offset, counter, node: NODE_B })),
    fc
      .tuple(fc.integer({ min: 0, max: 80 * 365 }), fc.integer({ min: 0, max: 0xffff }))
      .map(([days, counter]) => formatHlc({ millis: now + days * 86_400_000, counter, node: NODE_B })),
    fc.constant(END_OF_TIME),
  );

describe('hlc clock limits', () => {
  it('never writes a stamp past 9999-12-31T23:59:59.999Z, and never throws at the end of time', () => {
    expect(formatHlc({ millis: MAX_HLC_MILLIS + 10_000, counter: 0, node: NODE_A })).toBe(
      `9999-12-31T23:59:59.999Z-0000-${NODE_A}`,
    );
    const clock = createHlcClock(NODE_A, { now: () => NOW, last: `9999-12-31T23:59:59.999Z-fffe-${NODE_A}` });
    expect(clock.tick()).toBe(`9999-12-31T23:59:59.999Z-ffff-${NODE_A}`);
    expect(clock.tick()).toBe(`9999-12-31T23:59:59.999Z-ffff-${NODE_A}`);
    expect(isHlc(clock.tick())).toBe(true);
  });

  it('keeps the plain max rule without a bound (the default)', () => {
    const clock = createHlcClock(NODE_A, { now: () => NOW });
    clock.receive('2100-01-01T00:00:00.000Z-0000-0000000000000001');
    expect(clock.tick()).toBe(`2100-01-01T00:00:00.000Z-0001-${NODE_A}`);
  });

  it('does not move from a received stamp beyond the bound, and takes one within it', () => {
    const clock = createHlcClock(NODE_A, { now: () => NOW, maxAheadMs: MAX_AHEAD });
    clock.receive(END_OF_TIME);
    clock.receive('2100-01-01T00:00:00.000Z-0000-0000000000000001');
    expect(clock.last()).toBeNull();
    expect(clock.tick()).toBe(`2026-12-03T10:00:00.000Z-0000-${NODE_A}`);
    const fourMinutesAhead = formatHlc({ millis: NOW + 4 * 60_000, counter: 7, node: NODE_B });
    clock.receive(fourMinutesAhead);
    expect(clock.tick()).toBe(`2026-12-03T10:04:00.000Z-0008-${NODE_A}`);
  });

  it('starts again from now when restored from a poisoned state', () => {
    for (const last of [END_OF_TIME, '2100-06-01T00:00:00.000Z-0003-0000000000000001']) {
      const clock = createHlcClock(NODE_A, { now: () => NOW, last, maxAheadMs: MAX_AHEAD });
      const first = clock.tick();
      expect(first).toBe(`2026-12-03T10:00:00.000Z-0000-${NODE_A}`);
      expect(clock.tick() > first).toBe(true);
    }
  });

  it('drops a poisoned state on receipt too, so the next tick comes after what it took in', () => {
    const clock = createHlcClock(NODE_A, { now: () => NOW, last: END_OF_TIME, maxAheadMs: MAX_AHEAD });
    const recent = formatHlc({ millis: NOW - 1_000, counter: 3, node: NODE_B });
    clock.receive(recent);
    expect(clock.last()).toBe(formatHlc({ millis: NOW - 1_000, counter: 3, node: NODE_A }));
    expect(clock.tick() > recent).toBe(true);
  });

  it('property: every tick is a valid stamp within the bound, and increases unless the state was poisoned', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('tick' as const) }),
            fc.record({
              kind: fc.constant('wall' as const),
              by: fc.integer({ min: -900_000, max: 900_000 }),
            }),
            fc.record({ kind: fc.constant('receive' as const), stamp: remoteStamp(NOW) }),
          ),
          { minLength: 1, maxLength: 200 },
        ),
        fc.option(remoteStamp(NOW), { nil: null }),
        (steps, persisted) => {
          let now = NOW;
          const clock = createHlcClock(NODE_A, { now: () => now, last: persisted, maxAheadMs: MAX_AHEAD });
          for (const step of steps) {
            if (step.kind === 'wall') now += step.by;
            else if (step.kind === 'receive') clock.receive(step.stamp);
            else {
              const before = clock.last();
              const next = clock.tick();
              expect(isHlc(next)).toBe(true);
              expect(parseHlc(next).millis).toBeLessThanOrEqual(now + MAX_AHEAD);
              if (before && !poisoned(before, now)) expect(next > before).toBe(true);
            }
          }
        },
      ),
    );
  });

  it('property: with a wall clock that only moves forward, far-future stamps never break monotonic ticks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 120_000 }), fc.constant(-1)), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.array(remoteStamp(NOW), { minLength: 1, maxLength: 50 }),
        (steps, remotes) => {
          let now = NOW;
          const clock = createHlcClock(NODE_A, { now: () => now, maxAheadMs: MAX_AHEAD });
          let previous = '';
          let received = 0;
          for (const step of steps) {
            if (step === -1) clock.receive(remotes[received++ % remotes.length]!);
            else now += step;
            const next = clock.tick();
            expect(next > previous).toBe(true);
            expect(parseHlc(next).millis).toBeLessThanOrEqual(now + MAX_AHEAD);
            previous = next;
          }
        },
      ),
    );
  });

  it('property: without a bound, any sequence of valid stamps ticks to valid stamps, never backwards', () => {
    fc.assert(
      fc.property(fc.array(remoteStamp(NOW), { maxLength: 50 }), (remotes) => {
        const clock = createHlcClock(NODE_A, { now: () => NOW });
        let previous = '';
        for (const remote of remotes) {
          clock.receive(remote);
          const next = clock.tick();
          expect(isHlc(next)).toBe(true);
          expect(next >= previous).toBe(true);
          previous = next;
        }
      }),
    );
  });
});
