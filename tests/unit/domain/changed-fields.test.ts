import { describe, expect, it } from 'vitest';
import { canonicalJson, changedFields } from '../../../src/domain';

describe('changedFields', () => {
  it('holds only the top-level fields whose value differs', () => {
    const before = { title: 'Asamblea', place: 'Plaza', attendance: { men: 3, women: 5 } };
    const after = { title: 'Asamblea de arranque', place: 'Plaza', attendance: { men: 3, women: 6 } };
    expect(changedFields(before, after)).toEqual({
      title: 'Asamblea de arranque',
      attendance: { men: 3, women: 6 },
    });
  });

  it('is empty when nothing changed, whatever the key order of nested objects', () => {
    const before = { agreements: [{ id: 'a1', text: 'Pintar bardas', status: 'pending' }] };
    const after = { agreements: [{ status: 'pending', text: 'Pintar bardas', id: 'a1' }] };
    expect(changedFields(before, after)).toEqual({});
  });

  it('takes an absent field, undefined and null as the same value', () => {
    expect(changedFields({}, { notes: null, location: undefined })).toEqual({});
    expect(changedFields({ notes: null }, { notes: undefined })).toEqual({});
  });

  it('sends a cleared field as null, and a new one as its value', () => {
    expect(changedFields({ notes: 'Acuerdos' }, { notes: undefined })).toEqual({ notes: null });
    expect(changedFields({}, { notes: 'Acuerdos' })).toEqual({ notes: 'Acuerdos' });
  });

  it('leaves out fields the edit does not name', () => {
    expect(changedFields({ title: 'A', place: 'B' }, { place: 'C' })).toEqual({ place: 'C' });
  });

  it('tells an empty list from an absent one, and order within a list matters', () => {
    expect(changedFields({}, { causes: [] })).toEqual({ causes: [] });
    expect(changedFields({ causes: ['a', 'b'] }, { causes: ['b', 'a'] })).toEqual({ causes: ['b', 'a'] });
  });
});

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
