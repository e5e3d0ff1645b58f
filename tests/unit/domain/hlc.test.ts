import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHlcClock, formatHlc, HLC_PATTERN, parseHlc } from '../../../src/domain';

const NODE_A = '8f3a9c2b1d4e5f60';
const NODE_B = '0000000000000001';

describe('hybrid logical clock', () => {
  it('formats as the protocol says and parses back', () => {
    const hlc = formatHlc({ millis: Date.parse('2026-11-26T14:03:12.345Z'), counter: 1, node: NODE_A });
    expect(hlc).toBe('2026-11-26T14:03:12.345Z-0001-8f3a9c2b1d4e5f60');
    expect(HLC_PATTERN.test(hlc)).toBe(true);
    expect(parseHlc(hlc)).toEqual({
      millis: Date.parse('2026-11-26T14:03:12.345Z'),
      counter: 1,
      node: NODE_A,
    });
  });

  it('never goes backwards when the wall clock does', () => {
    let now = 1_000_000;
    const clock = createHlcClock(NODE_A, { now: () => now });
    const a = clock.tick();
    now -= 60_000;
    const b = clock.tick();
    expect(b > a).toBe(true);
    expect(parseHlc(b).millis).toBe(1_000_000);
  });

  it('moves past a stamp received from a device whose clock runs ahead', () => {
    const slow = createHlcClock(NODE_B, { now: () => Date.parse('2026-01-01T00:00:00.000Z') });
    const fromFast = '2026-01-02T00:00:00.000Z-0000-8f3a9c2b1d4e5f60';
    slow.receive(fromFast);
    expect(slow.tick() > fromFast).toBe(true);
  });

  it('resumes from the last persisted stamp', () => {
    const last = '2030-01-01T00:00:00.000Z-0005-0000000000000001';
    const clock = createHlcClock(NODE_B, { now: () => 0, last });
    expect(clock.tick()).toBe('2030-01-01T00:00:00.000Z-0006-0000000000000001');
  });

  it('string order is time order for every sequence of ticks and receipts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.constant(-1)), {
          minLength: 1,
          maxLength: 200,
        }),
        (steps) => {
          let now = Date.parse('2026-01-01T00:00:00.000Z');
          const clock = createHlcClock(NODE_A, { now: () => now });
          const other = createHlcClock(NODE_B, { now: () => now + 3_600_000 });
          let previous = '';
          for (const step of steps) {
            if (step === -1) clock.receive(other.tick());
            else now += step - 2_500;
            const next = clock.tick();
            expect(next > previous).toBe(true);
            previous = next;
          }
        },
      ),
    );
  });
});
