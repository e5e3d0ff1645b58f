/**
 * The coordinators' review queue over two kinds of item: rejected changes
 * (`rejected_mutations`, kept by the push) and the delete/edit crossings the
 * server settled (`review_conflicts`). Each has a review state; what a
 * coordinator did with one is the append-only `review_events` log, which the
 * author's device also reads. Item ids: `r-<clientId>-<mutationId>` for a
 * rejection, `c-<uuid>` for a crossing.
 */
import type { Db } from '../db/database';
import type { ReviewedChangeColumns, ReviewEventsTable } from '../db/schema';

export const REVIEW_STATES = ['open', 'resolved', 'dismissed', 'asked'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_ACTIONS = ['resolved', 'dismissed', 'asked'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** The change an item is about: whose, from which device, on which record. */
interface ChangeRow {
  clientId: string;
  mutationId: number;
  userId: string;
  entity: string;
  recordId: string;
  processId: string | null;
  mutation: unknown;
  createdAt: string;
}

export interface ReviewItemRow extends ChangeRow {
  id: string;
  kind: 'rejection' | 'conflict';
  /** The rejection's code, or the crossing's kind. */
  code: string;
  message: string;
  /** Fields a crossing concerns (empty for rejections). */
  fields: string[];
  state: ReviewState;
}

export interface ConflictRow extends ChangeRow {
  id: string;
  kind: string;
  fields: string[];
}

export interface ReviewEventRow {
  id: string;
  itemId: string;
  subjectUserId: string;
  action: ReviewAction;
  note: string;
  byUserId: string;
  createdAt: string;
}

/** Which items a listing may show: every one, or those of `processIds` and, with no process, of `userIds`. */
export type ReviewScope = 'all' | { processIds: string[]; userIds: string[] };

export interface ReviewFilter {
  scope: ReviewScope;
  state?: ReviewState | undefined;
  userId?: string | undefined;
  limit: number;
}

const REJECTION = /^r-([0-9a-f-]{36})-(\d{1,15})$/;
const CONFLICT = /^c-([0-9a-f-]{36})$/;

export function rejectionItemId(clientId: string, mutationId: number): string {
  return `r-${clientId}-${mutationId}`;
}

/** `{ table, key }` of an item id, or null when it names nothing that can exist. */
export function parseItemId(
  id: string,
): { kind: 'rejection'; clientId: string; mutationId: number } | { kind: 'conflict'; id: string } | null {
  const rejection = REJECTION.exec(id);
  if (rejection) return { kind: 'rejection', clientId: rejection[1]!, mutationId: Number(rejection[2]) };
  const conflict = CONFLICT.exec(id);
  return conflict ? { kind: 'conflict', id: conflict[1]! } : null;
}

const parse = (text: string): unknown => JSON.parse(text) as unknown;

export function createReviewRepository(db: Db) {
  const rejections = () =>
    db
      .selectFrom('rejected_mutations')
      .select([
        'client_id',
        'mutation_id',
        'user_id',
        'entity',
        'record_id',
        'process_id',
        'code',
        'message',
        'mutation',
        'created_at',
        'review_state',
      ]);
  const conflicts = () => db.selectFrom('review_conflicts').selectAll();

  type RejectionSelect = ReturnType<typeof rejections>;
  type ConflictSelect = ReturnType<typeof conflicts>;

  function filtered<Q extends RejectionSelect | ConflictSelect>(query: Q, filter: ReviewFilter): Q | null {
    let q = query as RejectionSelect;
    if (filter.state) q = q.where('review_state', '=', filter.state);
    if (filter.userId) q = q.where('user_id', '=', filter.userId);
    if (filter.scope !== 'all') {
      const { processIds, userIds } = filter.scope;
      if (processIds.length === 0 && userIds.length === 0) return null;
      q = q.where((eb) =>
        eb.or([
          ...(processIds.length > 0 ? [eb('process_id', 'in', processIds)] : []),
          ...(userIds.length > 0
            ? [eb.and([eb('process_id', 'is', null), eb('user_id', 'in', userIds)])]
            : []),
        ]),
      );
    }
    return q.orderBy('created_at', 'desc').limit(filter.limit) as Q;
  }

  /** The columns both tables share, as a row of either. */
  function changeOf(row: ReviewedChangeColumns) {
    return {
      clientId: row.client_id,
      mutationId: Number(row.mutation_id),
      userId: row.user_id,
      entity: row.entity,
      recordId: row.record_id,
      processId: row.process_id,
      mutation: parse(row.mutation),
      createdAt: row.created_at,
      state: row.review_state as ReviewState,
    };
  }

  function rejectionOf(row: Awaited<ReturnType<RejectionSelect['executeTakeFirstOrThrow']>>): ReviewItemRow {
    return {
      ...changeOf(row),
      id: rejectionItemId(row.client_id, Number(row.mutation_id)),
      kind: 'rejection',
      code: row.code,
      message: row.message,
      fields: [],
    };
  }

  function conflictOf(row: Awaited<ReturnType<ConflictSelect['executeTakeFirstOrThrow']>>): ReviewItemRow {
    return {
      ...changeOf(row),
      id: `c-${row.id}`,
      kind: 'conflict',
      code: row.kind,
      message: '',
      fields: parse(row.fields) as string[],
    };
  }

  return {
    async insertConflicts(rows: ConflictRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('review_conflicts')
        .values(
          rows.map((row) => ({
            id: row.id,
            client_id: row.clientId,
            mutation_id: row.mutationId,
            user_id: row.userId,
            entity: row.entity,
            record_id: row.recordId,
            process_id: row.processId,
            kind: row.kind,
            fields: JSON.stringify(row.fields),
            mutation: JSON.stringify(row.mutation),
            created_at: row.createdAt,
            review_state: 'open',
          })),
        )
        .execute();
    },

    /** Items in scope, newest first. */
    async list(filter: ReviewFilter): Promise<ReviewItemRow[]> {
      const r = filtered(rejections(), filter);
      const c = filtered(conflicts(), filter);
      const items = [
        ...(r ? (await r.execute()).map(rejectionOf) : []),
        ...(c ? (await c.execute()).map(conflictOf) : []),
      ];
      return items
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
        .slice(0, filter.limit);
    },

    async get(id: string): Promise<ReviewItemRow | undefined> {
      const key = parseItemId(id);
      if (!key) return undefined;
      if (key.kind === 'conflict') {
        const row = await conflicts().where('id', '=', key.id).executeTakeFirst();
        return row ? conflictOf(row) : undefined;
      }
      const row = await rejections()
        .where('client_id', '=', key.clientId)
        .where('mutation_id', '=', key.mutationId)
        .executeTakeFirst();
      return row ? rejectionOf(row) : undefined;
    },

    async setState(id: string, state: ReviewState): Promise<void> {
      const key = parseItemId(id);
      if (!key) return;
      if (key.kind === 'conflict') {
        await db
          .updateTable('review_conflicts')
          .set({ review_state: state })
          .where('id', '=', key.id)
          .execute();
      } else {
        await db
          .updateTable('rejected_mutations')
          .set({ review_state: state })
          .where('client_id', '=', key.clientId)
          .where('mutation_id', '=', key.mutationId)
          .execute();
      }
    },

    async addEvent(event: ReviewEventRow): Promise<void> {
      await db
        .insertInto('review_events')
        .values({
          id: event.id,
          item_id: event.itemId,
          subject_user_id: event.subjectUserId,
          action: event.action,
          note: event.note,
          by_user_id: event.byUserId,
          created_at: event.createdAt,
        })
        .execute();
    },

    /** An item's history, oldest first. */
    async eventsOf(itemId: string): Promise<ReviewEventRow[]> {
      const rows = await db
        .selectFrom('review_events')
        .selectAll()
        .where('item_id', '=', itemId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(eventOf);
    },

    /** What coordinators did with `userId`'s items since `since` (inclusive), oldest first. */
    async eventsFor(userId: string, since: string | undefined, limit: number): Promise<ReviewEventRow[]> {
      let query = db.selectFrom('review_events').selectAll().where('subject_user_id', '=', userId);
      if (since) query = query.where('created_at', '>=', since);
      const rows = await query.orderBy('created_at').orderBy('id').limit(limit).execute();
      return rows.map(eventOf);
    },
  };
}

function eventOf(row: ReviewEventsTable): ReviewEventRow {
  return {
    id: row.id,
    itemId: row.item_id,
    subjectUserId: row.subject_user_id,
    action: row.action as ReviewAction,
    note: row.note,
    byUserId: row.by_user_id,
    createdAt: row.created_at,
  };
}

export type ReviewRepository = ReturnType<typeof createReviewRepository>;
