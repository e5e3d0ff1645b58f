/** The delete/edit crossings the server notes for the review queue (pure). */
import { describe, expect, it } from 'vitest';
import type { Mutation, RecordState } from '../../../src/domain';
import { crossingOf } from '../../../src/server/services/review-conflicts';

const h = (s: number) => `2026-12-04T10:00:${String(s).padStart(2, '0')}.000Z-0000-00000000000000aa`;

const live: RecordState = {
  fields: { title: 'A', place: 'B' },
  hlcs: { title: h(1), place: h(5) },
  deleted: false,
};
const dead: RecordState = { ...live, hlcs: { ...live.hlcs, deleted: h(3) }, deleted: true };

const put = (fields: Record<string, unknown>, s: number): Mutation => ({
  id: 1,
  entity: 'session',
  recordId: 'r',
  op: 'put',
  fields,
  hlc: h(s),
});
const del = (s: number): Mutation => ({ id: 1, entity: 'session', recordId: 'r', op: 'delete', hlc: h(s) });

describe('crossings the server notes', () => {
  it('an edit arriving for a deleted record', () => {
    const after = { ...dead, fields: { ...dead.fields, title: 'C' } };
    expect(crossingOf(dead, put({ title: 'C' }, 2), after, ['title'])).toEqual({
      kind: 'edit_of_deleted',
      fields: ['title'],
    });
  });

  it('a delete that did not know of newer edits', () => {
    const after = { ...live, hlcs: { ...live.hlcs, deleted: h(3) }, deleted: true };
    expect(crossingOf(live, del(3), after, ['deleted'])).toEqual({
      kind: 'deleted_while_edited',
      fields: ['place'],
    });
  });

  it('nothing for a delete newer than every edit, a new record, a restore or an unchanged value', () => {
    const after = { ...live, hlcs: { ...live.hlcs, deleted: h(9) }, deleted: true };
    expect(crossingOf(live, del(9), after, ['deleted'])).toBeNull();
    expect(crossingOf(undefined, put({ title: 'A' }, 1), live, ['title'])).toBeNull();
    expect(crossingOf(dead, put({ deleted: false }, 6), { ...dead, deleted: false }, ['deleted'])).toBeNull();
    expect(crossingOf(dead, put({ title: 'A' }, 6), dead, [])).toBeNull();
  });
});
