import { describe, expect, it } from 'vitest';
import { detectDeleteEditConflict, type MergeSeen } from '../../../src/client/data/conflicts.repository';

const h = (second: number, node = 'a') =>
  `2026-11-20T17:00:${String(second).padStart(2, '0')}.000Z-0000-${node.repeat(16)}`;
const live = {
  id: 'r1',
  fields: { title: 'Asamblea', notes: 'x' },
  hlcs: { title: h(1), notes: h(1) },
  deleted: false,
};
const dead = { ...live, hlcs: { ...live.hlcs, deleted: h(5, 'b') }, deleted: true };

function seen(partial: Partial<MergeSeen>): MergeSeen {
  return { before: live, after: dead, changed: ['deleted'], editedHere: [], ...partial };
}

describe('delete/edit conflicts', () => {
  it('an edit stamped after the tombstone never saw it', () => {
    const after = { ...dead, hlcs: { ...dead.hlcs, notes: h(9) } };
    expect(detectDeleteEditConflict(seen({ after, changed: ['deleted', 'notes'] }))).toEqual({
      kind: 'edited_after_delete',
      fields: ['notes'],
    });
  });

  it('an edit arriving at a record already deleted here', () => {
    expect(detectDeleteEditConflict(seen({ before: dead, changed: ['notes'] }))).toEqual({
      kind: 'edit_of_deleted',
      fields: ['notes'],
    });
  });

  it('a delete arriving while edits of this device had not come back', () => {
    expect(detectDeleteEditConflict(seen({ editedHere: ['notes', 'notes'] }))).toEqual({
      kind: 'deleted_while_edited',
      fields: ['notes'],
    });
  });

  it('no conflict: a delete of a record whose edits were seen, a record met for the first time, a live record, no change', () => {
    expect(detectDeleteEditConflict(seen({}))).toBeNull();
    expect(detectDeleteEditConflict(seen({ before: undefined, editedHere: ['notes'] }))).toBeNull();
    expect(detectDeleteEditConflict(seen({ after: live, changed: ['notes'] }))).toBeNull();
    expect(detectDeleteEditConflict(seen({ before: dead, changed: [] }))).toBeNull();
  });
});
