import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createHlcClock,
  deleteWrites,
  mergeFields,
  putWrites,
  stateAsWrites,
  type FieldWrites,
  type RecordState,
} from '../../../src/domain';

const h = (s: number, node = '000000000000000a') =>
  `${new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString()}-0000-${node}`;

describe('field-level last-writer-wins merge', () => {
  it('a newer write replaces a field, an older one does not', () => {
    const a = mergeFields(undefined, putWrites({ title: 'A', place: 'Plaza' }, h(1))).state;
    const b = mergeFields(a, putWrites({ title: 'B' }, h(2))).state;
    expect(b.fields).toEqual({ title: 'B', place: 'Plaza' });
    const stale = mergeFields(b, putWrites({ title: 'old', place: 'old' }, h(0)));
    expect(stale.changed).toEqual([]);
    expect(stale.state.fields).toEqual({ title: 'B', place: 'Plaza' });
  });

  it('concurrent edits of different fields both survive', () => {
    const base = mergeFields(undefined, putWrites({ title: 'A', place: 'P' }, h(1))).state;
    const x = putWrites({ title: 'from tablet 1' }, h(5, '0000000000000001'));
    const y = putWrites({ place: 'from tablet 2' }, h(4, '0000000000000002'));
    const xy = mergeFields(mergeFields(base, x).state, y).state;
    const yx = mergeFields(mergeFields(base, y).state, x).state;
    expect(xy).toEqual(yx);
    expect(xy.fields).toEqual({ title: 'from tablet 1', place: 'from tablet 2' });
  });

  it('a delete is a tombstone; a later edit keeps it deleted; only deleted:false restores', () => {
    const created = mergeFields(undefined, putWrites({ title: 'A' }, h(1))).state;
    const deleted = mergeFields(created, deleteWrites(h(2))).state;
    expect(deleted.deleted).toBe(true);
    const edited = mergeFields(deleted, putWrites({ title: 'B' }, h(3))).state;
    expect(edited.deleted).toBe(true);
    expect(edited.fields.title).toBe('B');
    const restored = mergeFields(edited, putWrites({ deleted: false }, h(4))).state;
    expect(restored.deleted).toBe(false);
  });

  it('per-field stamps (re-push after a new epoch) keep their original order', () => {
    const original = mergeFields(undefined, putWrites({ title: 'A', place: 'P' }, h(1))).state;
    const edited = mergeFields(original, putWrites({ place: 'Q' }, h(9))).state;
    const replayed = mergeFields(undefined, stateAsWrites(original));
    expect(mergeFields(edited, stateAsWrites(original)).changed).toEqual([]);
    expect(replayed.state).toEqual(original);
  });

  it('does not mutate its inputs', () => {
    const stored = mergeFields(undefined, putWrites({ a: 1 }, h(1))).state;
    const copy = structuredClone(stored);
    mergeFields(stored, putWrites({ a: 2 }, h(2)));
    expect(stored).toEqual(copy);
  });
});

/**
 * Convergence: random edits and deletes made on several replicas, each with
 * its own (possibly skewed) clock, delivered to every replica in any order
 * and any number of times, leave every replica with the identical record.
 */
describe('merge convergence (property)', () => {
  const fieldArb = fc.constantFrom('title', 'place', 'notes', 'attendance', 'deleted');
  const opArb = fc.record({
    replica: fc.integer({ min: 0, max: 3 }),
    field: fieldArb,
    value: fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null)),
    advanceMs: fc.integer({ min: -2_000, max: 5_000 }),
    receiveFrom: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  });

  it('converges for any delivery order with duplicates', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: -86_400_000, max: 86_400_000 }), { minLength: 4, maxLength: 4 }),
        fc.integer(),
        (ops, skews, seed) => {
          let wall = Date.parse('2026-11-01T12:00:00.000Z');
          const clocks = skews.map((skew, i) =>
            createHlcClock(i.toString(16).padStart(16, '0'), { now: () => wall + skew }),
          );
          const messages: FieldWrites[] = [];
          const local: (RecordState | undefined)[] = [undefined, undefined, undefined, undefined];
          for (const op of ops) {
            wall += op.advanceMs;
            if (op.receiveFrom !== undefined) {
              const seen = clocks[op.receiveFrom]!.last();
              if (seen) clocks[op.replica]!.receive(seen);
            }
            const hlc = clocks[op.replica]!.tick();
            const writes =
              op.field === 'deleted'
                ? op.value === true
                  ? deleteWrites(hlc)
                  : putWrites({ deleted: false }, hlc)
                : putWrites({ [op.field]: op.value }, hlc);
            messages.push(writes);
            local[op.replica] = mergeFields(local[op.replica], writes).state;
          }
          const rng = fc.sample(fc.shuffledSubarray(messages, { minLength: messages.length }), {
            seed,
            numRuns: 4,
          });
          const finals = local.map((start, i) => {
            let state = start;
            const order = [...rng[i]!, ...rng[(i + 1) % 4]!.slice(0, 5)]; // every message, some twice
            for (const m of order) state = mergeFields(state, m).state;
            return state;
          });
          for (const f of finals.slice(1)) expect(f).toEqual(finals[0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
