/**
 * "Novedades": a short list, on the device, of what the office changed that
 * the field cares about — a project's status or progress changed elsewhere,
 * a commitment given to someone else, a change of this device refused by the
 * server, and what a coordinator did with it in the review queue (resolved,
 * dismissed, a question). The sync notes them as it goes (plain TypeScript,
 * no React): `projectNovedades` while a pulled page merges, `rejectedNovedad`
 * when a push is acknowledged, `storeReviewNotices` with the notices the
 * server keeps for this user (ADR 0010). Each has a stable id, so a retried
 * sync adds nothing and a read one stays read.
 */
import type { RecordState, ReviewNotice } from '../../domain';
import { canonicalJson } from '../../domain/changed-fields';
import type { Novedad, RejectedChange, StoredRecord, TequioDb } from './db';

export type { Novedad, NovedadKind } from './db';

const MAX_KEPT = 200;

const titleOf = (fields: Record<string, unknown>): string | null => {
  const title = fields.title ?? fields.name;
  return typeof title === 'string' ? title : null;
};

interface CommitmentLike {
  id?: unknown;
  who?: unknown;
  what?: unknown;
}

const commitmentsOf = (value: unknown): CommitmentLike[] =>
  Array.isArray(value) ? value.filter((c): c is CommitmentLike => !!c && typeof c === 'object') : [];

/**
 * What a pulled change of a project this device already held means for the field (pure):
 * its status (`statusId`) or progress changed, or a commitment is now someone else's (`who`).
 * A pulled change was made on another device: this device's own edits merge before they are sent.
 */
export function projectNovedades(
  before: StoredRecord | undefined,
  after: RecordState,
  changed: string[],
  id: string,
  at: string,
): Novedad[] {
  if (!before || before.deleted || after.deleted) return [];
  const title = titleOf(after.fields);
  const base = { entity: 'project', recordId: id, at, title, read: 0 as const };
  const differs = (field: string) =>
    changed.includes(field) && canonicalJson(before.fields[field]) !== canonicalJson(after.fields[field]);
  const found: Novedad[] = [];
  for (const [field, kind] of [
    ['statusId', 'project_status'],
    ['progress', 'project_progress'],
  ] as const) {
    if (!differs(field)) continue;
    found.push({
      ...base,
      id: `project:${id}:${field}:${after.hlcs[field] ?? at}`,
      kind,
      from: before.fields[field] ?? null,
      to: after.fields[field] ?? null,
    });
  }
  if (differs('commitments')) {
    const old = new Map(commitmentsOf(before.fields.commitments).map((c) => [c.id, c]));
    for (const c of commitmentsOf(after.fields.commitments)) {
      const was = old.get(c.id);
      if (!was || canonicalJson(was.who) === canonicalJson(c.who)) continue;
      found.push({
        ...base,
        id: `project:${id}:commitment:${String(c.id)}:${after.hlcs.commitments ?? at}`,
        kind: 'commitment_who',
        note: typeof c.what === 'string' ? c.what : '',
        from: was.who ?? null,
        to: c.who ?? null,
      });
    }
  }
  return found;
}

/** A change of this device the server refused (pure). */
export function rejectedNovedad(clientId: string, change: RejectedChange): Novedad {
  return {
    id: `rejected:${clientId}:${change.mutationId}`,
    kind: 'rejected',
    at: change.at,
    entity: change.entity,
    recordId: change.recordId,
    title: change.fields ? titleOf(change.fields) : null,
    code: change.code,
    read: 0,
  };
}

/** A coordinator's action on one of this user's changes (pure). */
export function noticeNovedad(notice: ReviewNotice): Novedad {
  return {
    id: `review:${notice.id}`,
    kind: `review_${notice.action}`,
    at: notice.at,
    entity: notice.entity,
    recordId: notice.recordId,
    title: notice.recordTitle,
    code: notice.code,
    note: notice.note,
    byName: notice.byName,
    read: 0,
  };
}

/**
 * Adds the ones not noted yet (call inside a transaction that includes `novedades`, or alone);
 * only IndexedDB requests are awaited, so a pull's transaction stays open.
 */
export async function noteNovedades(db: TequioDb, found: Novedad[]): Promise<void> {
  if (found.length === 0) return;
  const known = await db.novedades.bulkGet(found.map((n) => n.id));
  const fresh = found.filter((n, i) => !known[i] && found.findIndex((m) => m.id === n.id) === i);
  if (fresh.length > 0) await db.novedades.bulkAdd(fresh);
}

/** Where `userId`'s review notices continue from (null: from the start). */
export async function reviewNoticesSince(db: TequioDb, userId: string): Promise<string | null> {
  return (await db.getMeta('reviewNoticesSince'))?.[userId] ?? null;
}

/** Stores `userId`'s review notices and remembers the newest one's time, in one transaction. */
export async function storeReviewNotices(
  db: TequioDb,
  userId: string,
  notices: ReviewNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  await db.transaction('rw', [db.novedades, db.meta], async () => {
    await noteNovedades(db, notices.map(noticeNovedad));
    const newest = notices.reduce((max, n) => (n.at > max ? n.at : max), notices[0]!.at);
    const since = (await db.getMeta('reviewNoticesSince')) ?? {};
    await db.setMeta('reviewNoticesSince', { ...since, [userId]: newest });
  });
  await trimNovedades(db);
}

/** Keeps the newest MAX_KEPT: an old list is of no use in the field. */
async function trimNovedades(db: TequioDb): Promise<void> {
  const count = await db.novedades.count();
  if (count <= MAX_KEPT) return;
  const oldest = await db.novedades
    .orderBy('at')
    .limit(count - MAX_KEPT)
    .primaryKeys();
  await db.novedades.bulkDelete(oldest);
}

/** Newest first. */
export async function listNovedades(db: TequioDb): Promise<Novedad[]> {
  return (await db.novedades.orderBy('at').reverse().toArray()).slice(0, MAX_KEPT);
}

export function countUnread(db: TequioDb): Promise<number> {
  return db.novedades.where('read').equals(0).count();
}

export async function markRead(db: TequioDb, id: string): Promise<void> {
  await db.novedades.update(id, { read: 1 });
}

export async function markAllRead(db: TequioDb): Promise<void> {
  await db.novedades.where('read').equals(0).modify({ read: 1 });
}
