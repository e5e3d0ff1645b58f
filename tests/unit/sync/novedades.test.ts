/**
 * "Novedades": the sync notes what the office changed that the field cares
 * about — a held project's status or progress changed elsewhere, a
 * commitment given to someone else, a refused change of this device, and the
 * review queue's notices — once each, unread until marked read.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newId, type Change, type PushResponse, type ReviewNotice } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import {
  countUnread,
  listNovedades,
  markAllRead,
  projectNovedades,
  reviewNoticesSince,
  storeReviewNotices,
} from '../../../src/client/data/novedades.repository';
import { acknowledgePush, applyPulledPage } from '../../../src/client/sync/local-store';

const EPOCH = 'epoch-1';
const hlc = (ms: number) =>
  `${new Date(Date.UTC(2026, 10, 20, 17, 0, 0, ms)).toISOString()}-0000-00000000000000aa`;

function change(id: string, fields: Record<string, unknown>, at: number, deleted = false): Change {
  const hlcs = Object.fromEntries([...Object.keys(fields), 'deleted'].map((k) => [k, hlc(at)]));
  return { entity: 'project', id, deleted, fields, hlcs };
}

async function freshDb() {
  const db = new TequioDb(`novedades-${newId()}`);
  await db.open();
  return db;
}

const commitment = (id: string, kind: string) => ({
  id,
  who: { kind },
  what: 'Pintar el mural',
  dueDate: '2026-12-01',
});

describe('novedades', () => {
  it('notes nothing for a project met for the first time, then each office change of status, progress and commitments', async () => {
    const db = await freshDb();
    const id = newId();
    const statusA = newId();
    const statusB = newId();
    const first = {
      title: 'Mural',
      statusId: statusA,
      progress: 10,
      commitments: [commitment('c1', 'collective')],
    };
    await applyPulledPage(db, [change(id, first, 1)], 'c1', EPOCH);
    expect(await listNovedades(db)).toEqual([]);

    await applyPulledPage(
      db,
      [
        change(
          id,
          {
            statusId: statusB,
            progress: 50,
            commitments: [commitment('c1', 'resident_group')],
            title: 'Mural',
          },
          2,
        ),
      ],
      'c2',
      EPOCH,
    );
    const found = await listNovedades(db);
    expect(found.map((n) => n.kind).sort()).toEqual(['commitment_who', 'project_progress', 'project_status']);
    expect(found.find((n) => n.kind === 'project_status')).toMatchObject({
      recordId: id,
      title: 'Mural',
      from: statusA,
      to: statusB,
      read: 0,
    });
    expect(found.find((n) => n.kind === 'project_progress')).toMatchObject({ from: 10, to: 50 });
    expect(found.find((n) => n.kind === 'commitment_who')).toMatchObject({
      note: 'Pintar el mural',
      to: { kind: 'resident_group' },
    });
    expect(await countUnread(db)).toBe(3);

    // The same page again (a retried sync) adds nothing; a title change is no novedad.
    await applyPulledPage(db, [change(id, { title: 'Mural del parque' }, 3)], 'c3', EPOCH);
    expect(await countUnread(db)).toBe(3);
    await markAllRead(db);
    expect(await countUnread(db)).toBe(0);
  });

  it('ignores stale values, equal values and deleted projects (pure)', () => {
    const before = { id: 'p', fields: { title: 'A', progress: 10 }, hlcs: {}, deleted: false };
    const same = { fields: { title: 'A', progress: 10 }, hlcs: {}, deleted: false };
    expect(projectNovedades(before, same, ['progress'], 'p', 'now')).toEqual([]);
    expect(
      projectNovedades(
        before,
        { ...same, fields: { progress: 20 }, deleted: true },
        ['progress'],
        'p',
        'now',
      ),
    ).toEqual([]);
    expect(projectNovedades(undefined, same, ['progress'], 'p', 'now')).toEqual([]);
  });

  it('notes a change the server refused, once', async () => {
    const db = await freshDb();
    const recordId = newId();
    const sent = [
      { id: 1, entity: 'session', recordId, op: 'put' as const, fields: { title: 'Asamblea' }, hlc: hlc(1) },
    ];
    const response: PushResponse = {
      serverEpoch: EPOCH,
      serverTime: new Date().toISOString(),
      lastMutationId: 1,
      results: [{ id: 1, status: 'rejected', code: 'forbidden', message: 'Outside your processes' }],
    };
    await db.outbox.add({ ...sent[0]!, createdAt: new Date().toISOString() });
    await acknowledgePush(db, sent, response);
    const [novedad] = await listNovedades(db);
    expect(novedad).toMatchObject({
      kind: 'rejected',
      entity: 'session',
      recordId,
      title: 'Asamblea',
      code: 'forbidden',
    });
  });

  it('stores review notices and asks again from the newest one', async () => {
    const db = await freshDb();
    const notice = (id: string, at: string, action: ReviewNotice['action']): ReviewNotice => ({
      id,
      action,
      at,
      note: action === 'asked' ? '¿Se repitió la sesión?' : '',
      byName: 'Coordinación D1',
      itemId: 'r-x-1',
      code: 'validation_failed',
      entity: 'session',
      recordId: 's1',
      recordTitle: 'Asamblea',
    });
    await storeReviewNotices(db, 'u-rosa', [notice('e1', '2026-12-04T10:00:00.000Z', 'asked')]);
    await storeReviewNotices(db, 'u-rosa', [
      notice('e1', '2026-12-04T10:00:00.000Z', 'asked'),
      notice('e2', '2026-12-04T11:00:00.000Z', 'resolved'),
    ]);
    expect((await listNovedades(db)).map((n) => [n.kind, n.note])).toEqual([
      ['review_resolved', ''],
      ['review_asked', '¿Se repitió la sesión?'],
    ]);
    expect(await reviewNoticesSince(db, 'u-rosa')).toBe('2026-12-04T11:00:00.000Z');
    expect(await reviewNoticesSince(db, 'u-ana')).toBeNull();
  });
});
