/** Finding units by name or key, as people type them: accents, case and word order do not matter. */
import { describe, expect, it } from 'vitest';
import { looksLikeUnitKey, normalizeForSearch, searchUnits } from '../../../src/domain/territory-search';

// Names as the borough's file spells them (upper case, no accents, abbreviations in brackets).
const UNITS = [
  { key: '07-001', name: 'ACULCO (PBLO)' },
  { key: '07-002', name: 'AMPL EMILIANO ZAPATA' },
  { key: '07-100', name: 'SAN JOSE ACULCO' },
  { key: '07-150', name: 'SAN MIGUEL TEOTONGO SECC ACORRALADO' },
  { key: '07-016', name: 'SAN MIGUEL TEOTONGO SECC AVISADERO' },
  { key: '07-210', name: 'SANTA MARTHA ACATITLA (PBLO)' },
  { key: '07-011', name: 'El Peñón' },
];
const keys = (text: string, options?: Parameters<typeof searchUnits>[2]) =>
  searchUnits(UNITS, text, options).matches.map((u) => u.key);

describe('normalizeForSearch', () => {
  it('drops accents, case and punctuation, and collapses spaces', () => {
    expect(normalizeForSearch('  San José  ACULCO (Pblo.) ')).toBe('san jose aculco pblo');
    expect(normalizeForSearch('El PEÑÓN')).toBe('el penon');
    expect(normalizeForSearch('07-001')).toBe('07-001');
  });
});

describe('searchUnits', () => {
  it('finds a unit by its name in lower case: "aculco" finds ACULCO first, then SAN JOSE ACULCO', () => {
    expect(keys('aculco')).toEqual(['07-001', '07-100']);
    expect(keys('ACULCO')).toEqual(['07-001', '07-100']);
  });

  it('ignores accents on either side', () => {
    expect(keys('san josé')).toEqual(['07-100']);
    expect(keys('penon')).toEqual(['07-011']);
    expect(keys('PEÑÓN')).toEqual(['07-011']);
  });

  it('matches every word typed, in any order, at the start of a word of the name', () => {
    expect(keys('teotongo avis')).toEqual(['07-016']);
    expect(keys('avisadero teotongo')).toEqual(['07-016']);
    expect(keys('miguel')).toEqual(['07-150', '07-016']);
  });

  it('puts names that start with the text before names that only contain a word starting with it', () => {
    // "SAN JOSE ACULCO", "SAN MIGUEL…" start with "san"; "SANTA MARTHA" only starts a word with it.
    expect(keys('san')).toEqual(['07-100', '07-150', '07-016', '07-210']);
  });

  it('matches inside words last', () => {
    expect(keys('ulco')).toEqual(['07-001', '07-100']);
  });

  it('finds a unit by its key, whole or in part, exact key first', () => {
    expect(keys('07-001')).toEqual(['07-001']);
    expect(keys('07-1')).toEqual(['07-100', '07-150']);
    expect(keys('001')).toEqual(['07-001']);
  });

  it('leaves out the units already chosen, and gives nothing for empty text', () => {
    expect(keys('aculco', { exclude: new Set(['07-001']) })).toEqual(['07-100']);
    expect(keys('   ')).toEqual([]);
    expect(keys('xochimilco')).toEqual([]);
  });

  it('returns at most `limit` matches and says how many there are in all', () => {
    const result = searchUnits(UNITS, 's', { limit: 2 });
    expect(result.matches).toHaveLength(2);
    expect(result.total).toBe(4); // SAN JOSE, both SAN MIGUEL and SANTA MARTHA
  });
});

describe('looksLikeUnitKey', () => {
  it('tells a key (even a wrong one) from a name', () => {
    expect(looksLikeUnitKey('07-001')).toBe(true);
    expect(looksLikeUnitKey(' 07-2 ')).toBe(true);
    expect(looksLikeUnitKey('Aculco')).toBe(false);
  });
});
