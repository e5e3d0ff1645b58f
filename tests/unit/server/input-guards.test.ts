import { describe, expect, it } from 'vitest';
import { hlcSchema, isHlc, labelTextSchema, parseHlc } from '../../../src/domain';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../../src/server/http/json-depth';

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('input guards found by the API fuzz run', () => {
  it('measures nesting without recursion, so a body 100 000 levels deep is refused, not a crash', () => {
    expect(nestedDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestedDeeperThan(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), MAX_JSON_DEPTH)).toBe(
      true,
    );
    expect(nestedDeeperThan('text', 0)).toBe(false);
  });

  it('accepts only stamps that name a real instant', () => {
    const good = '2026-11-20T17:02:11.000Z-0000-8f3a9c2b1d4e5f60';
    expect(hlcSchema.safeParse(good).success).toBe(true);
    for (const bad of [
      '9999-99-99T99:99:99.999Z-0000-8f3a9c2b1d4e5f60',
      '2026-02-30T00:00:00.000Z-0000-8f3a9c2b1d4e5f60',
      '2026-11-20T24:00:00.000Z-0000-8f3a9c2b1d4e5f60',
    ]) {
      expect(hlcSchema.safeParse(bad).success, bad).toBe(false);
      expect(isHlc(bad)).toBe(false);
      expect(() => parseHlc(bad)).toThrow();
    }
  });

  it('refuses control characters in labels stored as their own column', () => {
    const label = labelTextSchema(200);
    expect(label.parse('  Tableta de Rosa ')).toBe('Tableta de Rosa');
    for (const bad of ['a\u0000b', 'línea\nnueva', '\u001b[31m', ''])
      expect(label.safeParse(bad).success).toBe(false);
  });
});
