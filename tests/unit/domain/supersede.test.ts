import { describe, expect, it } from 'vitest';
import { resolveSupersession, type Supersedable } from '../../../src/domain';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 18, minute)).toISOString();
const rec = (id: string, minute: number, supersedes?: string | null): Supersedable => ({
  id,
  at: at(minute),
  supersedes,
});
const ids = (list: Supersedable[]) => list.map((r) => r.id).sort();

describe('resolveSupersession', () => {
  it('keeps every record current when none supersedes another', () => {
    const out = resolveSupersession([rec('a', 1), rec('b', 2, null)]);
    expect(ids(out.current)).toEqual(['a', 'b']);
    expect(out.superseded).toEqual([]);
    expect(out.overridden).toEqual([]);
  });

  it('a correction replaces the record it names', () => {
    const out = resolveSupersession([rec('a', 1), rec('b', 2), rec('c', 3, 'a')]);
    expect(ids(out.current)).toEqual(['b', 'c']);
    expect(ids(out.superseded)).toEqual(['a']);
    expect(out.overridden).toEqual([]);
  });

  it('two corrections of one record: the later stands, the other is overridden', () => {
    // x (greater id) was made at 18:05, y at 18:06: y stands.
    const out = resolveSupersession([rec('a', 1), rec('x', 5, 'a'), rec('y', 6, 'a')]);
    expect(ids(out.current)).toEqual(['y']);
    expect(ids(out.superseded)).toEqual(['a']);
    expect(ids(out.overridden)).toEqual(['x']);
  });

  it('two corrections made at the same time: the greater id stands', () => {
    const out = resolveSupersession([rec('a', 1), rec('y', 5, 'a'), rec('x', 5, 'a')]);
    expect(ids(out.current)).toEqual(['y']);
    expect(ids(out.overridden)).toEqual(['x']);
  });

  it('compares the times as instants, whatever their written precision', () => {
    // x at 18:05:00 (no milliseconds written), y at 18:05:00.500: y is the later one.
    const x = { id: 'x', at: '2026-11-20T18:05:00Z', supersedes: 'a' };
    const y = { id: 'y', at: '2026-11-20T18:05:00.500Z', supersedes: 'a' };
    expect(ids(resolveSupersession([rec('a', 1), x, y]).current)).toEqual(['y']);
  });

  it('a chain of corrections leaves only the last one current', () => {
    const out = resolveSupersession([rec('a', 1), rec('b', 2, 'a'), rec('c', 3, 'b')]);
    expect(ids(out.current)).toEqual(['c']);
    expect(ids(out.superseded)).toEqual(['a', 'b']);
  });

  it('a correction whose target has not arrived yet counts until it does', () => {
    // On a device that holds only the correction, it is current; the target then joins as superseded.
    expect(ids(resolveSupersession([rec('c', 3, 'a')]).current)).toEqual(['c']);
    const out = resolveSupersession([rec('c', 3, 'a'), rec('a', 1)]);
    expect(ids(out.current)).toEqual(['c']);
    expect(ids(out.superseded)).toEqual(['a']);
  });

  it('ignores a record that names itself', () => {
    const out = resolveSupersession([rec('a', 1, 'a')]);
    expect(ids(out.current)).toEqual(['a']);
  });

  it('gives the same outcome whatever the order of the records', () => {
    const records = [
      rec('a', 1),
      rec('x', 5, 'a'),
      rec('y', 6, 'a'),
      rec('b', 2),
      rec('c', 7, 'b'),
      rec('d', 8),
    ];
    const expected = resolveSupersession(records);
    const orders = [
      [...records].reverse(),
      [records[3]!, records[1]!, records[5]!, records[0]!, records[4]!, records[2]!],
    ];
    for (const order of orders) {
      const out = resolveSupersession(order);
      expect(ids(out.current)).toEqual(ids(expected.current));
      expect(ids(out.superseded)).toEqual(ids(expected.superseded));
      expect(ids(out.overridden)).toEqual(ids(expected.overridden));
    }
    expect(ids(expected.current)).toEqual(['c', 'd', 'y']);
  });

  it('returns the caller’s own objects', () => {
    const original = { ...rec('a', 1), extra: 42 };
    expect(resolveSupersession([original]).current[0]).toBe(original);
  });
});
