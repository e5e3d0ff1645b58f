/**
 * The coordinators' review queue (docs/authorization.md, "Review queue"):
 * rejected changes and the delete/edit crossings the server settled, in the
 * viewer's scope, and what a coordinator does with them — resolve (a
 * corrected value written as the coordinator through the one write path, so
 * the authorisation model judges it like any write), dismiss with a note, or
 * ask the field (a message to the change's author, which their device
 * collects at its next sync: `notices`).
 *
 * Scope: administrators and borough-wide coordinators see every item; a
 * directorate coordinator the items about processes they hold and, for
 * changes that name no process the server holds, those of the people they
 * coordinate (authorization-people.ts); an item outside it is `404`, as if it
 * did not exist. Facilitators and promoters never reach it (action `review.manage`).
 */
import { randomUUID } from 'node:crypto';
import {
  isEntityName,
  type AskReviewRequest,
  type DismissReviewRequest,
  type Fields,
  type ResolveReviewRequest,
  type ReviewEvent,
  type ReviewItem,
  type ReviewItemDetail,
  type ReviewItemState,
  type ReviewNotice,
  type User,
} from '../../domain';
import type { Repositories, RepositoryStore } from '../repositories/repositories';
import type { ReviewAction, ReviewItemRow, ReviewScope } from '../repositories/review.repository';
import { isBoroughManager } from './authorization';
import { managedUserIds } from './authorization-people';
import { Conflict, NotFound, Unprocessable } from './errors';
import { processIdsInScope } from './scope';
import { withWriter } from './write-path';

type Repos = Pick<Repositories, 'review' | 'records' | 'users'>;
export type ReviewStore = Pick<RepositoryStore, 'transaction' | 'review' | 'records' | 'users'>;

const NOTICES_PER_CALL = 200;

async function scopeOf(repos: Repos, viewer: User): Promise<ReviewScope> {
  if (isBoroughManager(viewer)) return 'all';
  const processIds = (await processIdsInScope(repos.records, viewer)) ?? [];
  const people = await managedUserIds(repos, viewer);
  return { processIds, userIds: people === 'all' ? [] : people };
}

function inScope(scope: ReviewScope, item: ReviewItemRow): boolean {
  if (scope === 'all') return true;
  return item.processId !== null
    ? scope.processIds.includes(item.processId)
    : scope.userIds.includes(item.userId);
}

const textOf = (fields: Fields | undefined, names: string[]) => {
  for (const name of names) if (typeof fields?.[name] === 'string') return fields[name];
  return null;
};

function proposedOf(item: ReviewItemRow): { op: 'put' | 'delete'; proposed: Fields | null } {
  const m = item.mutation as { op?: unknown; fields?: unknown };
  if (m.op === 'delete') return { op: 'delete', proposed: null };
  const fields = m.fields && typeof m.fields === 'object' ? (m.fields as Fields) : {};
  return { op: 'put', proposed: fields };
}

export function createReviewService(store: ReviewStore) {
  async function nameOf(repos: Repos, userId: string): Promise<string> {
    return (await repos.users.findById(userId))?.displayName ?? userId;
  }

  async function view(repos: Repos, item: ReviewItemRow): Promise<ReviewItem> {
    const stored = await repos.records.get(item.entity, item.recordId);
    const { op, proposed } = proposedOf(item);
    const titleFields = ['title', 'name', 'text'];
    return {
      id: item.id,
      kind: item.kind,
      code: item.code,
      message: item.message,
      userId: item.userId,
      userName: await nameOf(repos, item.userId),
      clientId: item.clientId,
      mutationId: item.mutationId,
      entity: item.entity,
      recordId: item.recordId,
      processId: item.processId,
      recordTitle: textOf(stored?.state.fields, titleFields) ?? textOf(proposed ?? undefined, titleFields),
      op,
      proposed,
      fields: item.fields,
      state: item.state,
      createdAt: item.createdAt,
    };
  }

  async function eventsOf(repos: Repos, itemId: string): Promise<ReviewEvent[]> {
    const events = await repos.review.eventsOf(itemId);
    return Promise.all(
      events.map(async (e) => ({
        id: e.id,
        action: e.action,
        note: e.note,
        byName: await nameOf(repos, e.byUserId),
        at: e.createdAt,
      })),
    );
  }

  /** The item `id` if `viewer` may see it; NotFound otherwise. */
  async function itemInScope(repos: Repos, viewer: User, id: string): Promise<ReviewItemRow> {
    const item = await repos.review.get(id);
    if (!item || !inScope(await scopeOf(repos, viewer), item)) throw new NotFound('No such review item');
    return item;
  }

  async function detail(repos: Repos, item: ReviewItemRow): Promise<ReviewItemDetail> {
    const stored = await repos.records.get(item.entity, item.recordId);
    return {
      ...(await view(repos, item)),
      current: stored ? { deleted: stored.state.deleted, fields: stored.state.fields } : null,
      events: await eventsOf(repos, item.id),
    };
  }

  /** Records the action on an open (or asked) item, in the caller's transaction. */
  async function act(repos: Repos, viewer: User, item: ReviewItemRow, action: ReviewAction, note: string) {
    const state: ReviewItemState = action;
    await repos.review.setState(item.id, state);
    await repos.review.addEvent({
      id: randomUUID(),
      itemId: item.id,
      subjectUserId: item.userId,
      action,
      note,
      byUserId: viewer.id,
      createdAt: new Date().toISOString(),
    });
  }

  function ensureOpen(item: ReviewItemRow) {
    if (item.state === 'resolved' || item.state === 'dismissed') {
      throw new Conflict('review_closed', `This item is already ${item.state}`);
    }
  }

  /** Dismiss or ask: the note on an item still open, in one transaction; answers with the item. */
  function noteOn(viewer: User, id: string, action: 'dismissed' | 'asked', note: string) {
    return store.transaction(async (repos) => {
      const item = await itemInScope(repos, viewer, id);
      ensureOpen(item);
      await act(repos, viewer, item, action, note);
      return detail(repos, { ...item, state: action });
    });
  }

  return {
    async list(
      viewer: User,
      options: { state?: ReviewItemState | undefined; userId?: string | undefined; limit: number },
    ): Promise<ReviewItem[]> {
      const scope = await scopeOf(store, viewer);
      const items = await store.review.list({ scope, ...options });
      return Promise.all(items.map((item) => view(store, item)));
    },

    async get(viewer: User, id: string): Promise<ReviewItemDetail> {
      return detail(store, await itemInScope(store, viewer, id));
    },

    /** Writes `fields` on the item's record as `viewer` through the write path, then closes the item. */
    async resolve(viewer: User, id: string, request: ResolveReviewRequest): Promise<ReviewItemDetail> {
      return store.transaction(async (repos) => {
        const item = await itemInScope(repos, viewer, id);
        ensureOpen(item);
        const entity = item.entity;
        if (!isEntityName(entity)) throw new Unprocessable('review_refused', `Unknown entity ${entity}`);
        const [result] = await withWriter(repos, (writer) =>
          writer.apply(viewer, [
            {
              id: 1,
              entity,
              recordId: item.recordId,
              op: 'put',
              fields: request.fields,
              hlc: writer.clock.tick(),
            },
          ]),
        );
        if (!result || result.status === 'rejected') {
          throw new Unprocessable('review_refused', result?.message ?? 'The corrected value was refused', [
            { code: result?.code ?? 'rejected' },
          ]);
        }
        await act(repos, viewer, item, 'resolved', request.note ?? '');
        return detail(repos, { ...item, state: 'resolved' });
      });
    },

    async dismiss(viewer: User, id: string, request: DismissReviewRequest): Promise<ReviewItemDetail> {
      return noteOn(viewer, id, 'dismissed', request.note);
    },

    async ask(viewer: User, id: string, request: AskReviewRequest): Promise<ReviewItemDetail> {
      return noteOn(viewer, id, 'asked', request.message);
    },

    /** What coordinators did with the caller's own changes since `since` (inclusive), oldest first. */
    async notices(user: User, since: string | undefined): Promise<ReviewNotice[]> {
      const events = await store.review.eventsFor(user.id, since, NOTICES_PER_CALL);
      return Promise.all(
        events.map(async (e) => {
          const item = await store.review.get(e.itemId);
          const itemView = item ? await view(store, item) : null;
          return {
            id: e.id,
            action: e.action,
            note: e.note,
            byName: await nameOf(store, e.byUserId),
            at: e.createdAt,
            itemId: e.itemId,
            code: itemView?.code ?? '',
            entity: itemView?.entity ?? '',
            recordId: itemView?.recordId ?? '',
            recordTitle: itemView?.recordTitle ?? null,
          };
        }),
      );
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
