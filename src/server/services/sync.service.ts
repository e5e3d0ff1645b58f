/**
 * Push and pull, the heart of the protocol (spec/sync-protocol.md).
 *
 * Push: the whole batch runs in one transaction that first takes the
 * commit-sequence lock, so batches are serialized and the response is sent
 * only after the commit. Per client, mutation ids must be gap-free: ids
 * already seen are `duplicate` (a retried push is harmless), a gap refuses
 * the whole batch (409) and a bad mutation is `rejected` but still consumes
 * its id, so one bad edit never blocks a device's queue. Conflicts between
 * devices are resolved per field by hlc (domain/merge.ts), never by arrival
 * order.
 *
 * The batch reads the records it touches in one query and writes them with
 * multi-row statements at the end (apply-mutation.ts), so a push costs a
 * handful of statements whatever its size.
 *
 * Pull: current state of every visible record with seq > cursor, in seq
 * (= commit) order. The cursor carries the epoch (a restored backup changes
 * it → 409) and the scope fingerprint (a changed scope restarts from 0).
 * With `estimate` it also says how many visible records are still to come
 * after the page (`remaining`), for a first download's progress.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  getEntity,
  isEntityName,
  PROTOCOL_LIMITS,
  rejectionOf,
  type EntityName,
  type Mutation,
  type MutationResult,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type User,
} from '../../domain';
import type { Repositories, RepositoryStore } from '../repositories/repositories';
import type { RejectionRow } from '../repositories/rejections.repository';
import { decodeCursor, encodeCursor } from './cursor';
import { EpochChanged, Forbidden, MutationGap, ValidationFailed } from './errors';
import { isBoroughManager } from './authorization';
import { managedUserIds, mayManageUser } from './authorization-people';
import { readScopeOf } from './scope';
import { withWriter } from './write-path';

export const rejectionViewSchema = z.object({
  clientId: z.string(),
  mutationId: z.number().int(),
  userId: z.string(),
  entity: z.string(),
  recordId: z.string(),
  code: z.string(),
  message: z.string(),
  mutation: z.unknown(),
  createdAt: z.string(),
});
export type RejectionView = z.infer<typeof rejectionViewSchema>;

/** The first id the batch is missing, or null when the batch continues from `last` without a gap. */
export function findGap(last: number, ids: number[]): number | null {
  let current = last;
  for (const id of ids) {
    if (id <= current) continue;
    if (id !== current + 1) return current + 1;
    current = id;
  }
  return null;
}

export type SyncStore = Pick<
  RepositoryStore,
  'groupTransaction' | 'meta' | 'records' | 'rejections' | 'users'
>;

/** The process a refused change concerns, when the server holds that process (the review queue's scope). */
async function processOfChange(
  repos: Pick<Repositories, 'records'>,
  mutation: Mutation & { entity: EntityName },
): Promise<string | null> {
  const definition = getEntity(mutation.entity);
  if (definition.reference) return null;
  const stored = await repos.records.get(mutation.entity, mutation.recordId);
  const processId =
    stored?.processId ??
    (mutation.op === 'put' ? definition.processIdOf(mutation.recordId, mutation.fields) : null);
  return processId && (await repos.records.get('process', processId)) ? processId : null;
}

export function createSyncService(store: SyncStore) {
  async function epoch(): Promise<string> {
    const value = await store.meta.get('epoch');
    if (!value) throw new Error('database has no epoch; run the migrations');
    return value;
  }

  async function push(user: User, request: PushRequest): Promise<PushResponse> {
    // Unknown entity = malformed request: refuse all of it before touching the database.
    const unknown = request.mutations.flatMap((m, i) =>
      isEntityName(m.entity)
        ? []
        : [{ path: `mutations.${i}.entity`, message: `unknown entity: ${m.entity}` }],
    );
    if (unknown.length > 0) throw new ValidationFailed('Unknown entity', unknown);
    const mutations = request.mutations as (Mutation & { entity: EntityName })[];

    // Shares its commit with the pushes waiting at the same time (group-commit.ts).
    return store.groupTransaction((repos) =>
      withWriter(repos, async (writer) => {
        const serverEpoch = writer.epoch;
        if (!serverEpoch) throw new Error('database has no epoch; run the migrations');
        if (request.serverEpoch !== null && request.serverEpoch !== serverEpoch) throw new EpochChanged();

        const client = await repos.clients.get(request.clientId);
        // A clientId belongs to the user who first pushed with it: its counter is that device's.
        if (client && client.userId !== user.id)
          throw new Forbidden('This clientId belongs to another user: a device keeps one user');
        const previous = client?.lastMutationId ?? 0;
        const gap = findGap(
          previous,
          mutations.map((m) => m.id),
        );
        if (gap !== null) throw new MutationGap(gap);

        // Ids at or below the stored counter were applied from this client before: duplicates.
        const fresh = mutations.filter((m) => m.id > previous);
        const applied = await writer.apply(user, fresh);
        const byId = new Map(applied.map((r) => [r.id, r]));
        const results: MutationResult[] = mutations.map(
          (m) => byId.get(m.id) ?? { id: m.id, status: 'duplicate' },
        );
        const rejections: RejectionRow[] = [];
        for (const mutation of fresh) {
          const result = byId.get(mutation.id);
          if (result?.status !== 'rejected') continue;
          rejections.push({
            ...rejectionOf(mutation, result),
            clientId: request.clientId,
            userId: user.id,
            mutation,
            createdAt: writer.now,
            processId: await processOfChange(repos, mutation),
          });
        }
        if (rejections.length > 0) await repos.rejections.insertMany(rejections);
        await repos.review.insertConflicts(
          writer.crossings().map((c) => ({
            id: randomUUID(),
            clientId: request.clientId,
            mutationId: c.mutation.id,
            userId: user.id,
            entity: c.mutation.entity,
            recordId: c.mutation.recordId,
            processId: c.processId,
            kind: c.kind,
            fields: c.fields,
            mutation: c.mutation,
            createdAt: writer.now,
          })),
        );
        const last = fresh.length > 0 ? fresh[fresh.length - 1]!.id : previous;
        if (!client || client.lastMutationId !== last) {
          await repos.clients.save(
            { clientId: request.clientId, userId: user.id, lastMutationId: last },
            writer.now,
          );
        }
        return { serverEpoch, serverTime: writer.now, lastMutationId: last, results };
      }),
    );
  }

  /**
   * A pull's answer: the current state of every visible record after the cursor, in seq (=
   * commit) order, as JSON text (what the route sends). The records' fields and stamps are
   * stored as JSON text and spliced in as they are: parsing and re-serializing every record
   * of every page was a fifth of a loaded server's busy time.
   */
  async function pullJson(
    user: User,
    options: { cursor?: string; limit?: number; estimate?: boolean },
  ): Promise<string> {
    const limit = options.limit ?? PROTOCOL_LIMITS.defaultPullLimit;
    const cursor = options.cursor ? decodeCursor(options.cursor) : null;
    const serverEpoch = await epoch();
    if (cursor && cursor.e !== serverEpoch) throw new EpochChanged();

    // Scope first, records second: a membership added in between only makes the next pull restart.
    const scope = await readScopeOf(store.records, user);
    const after = cursor && cursor.f === scope.fingerprint ? cursor.s : 0;
    const rows = await store.records.listSinceRows(after, limit + 1, scope.filter);
    const page = rows.slice(0, limit);
    const lastSeq = page.length > 0 ? Number(page[page.length - 1]!.seq) : after;
    const hasMore = rows.length > limit;
    const head: Omit<PullResponse, 'changes'> = {
      serverEpoch,
      serverTime: new Date().toISOString(),
      cursor: encodeCursor({ e: serverEpoch, s: lastSeq, f: scope.fingerprint }),
      hasMore,
    };
    // Asked for by a device's first download, to show its progress; counted only then (one count query).
    if (options.estimate)
      head.remaining = hasMore ? await store.records.countSince(lastSeq, scope.filter) : 0;
    const changes = page.map(
      (r) =>
        `{"entity":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.id)},"deleted":${Number(r.deleted) === 1},"fields":${r.fields},"hlcs":${r.hlcs}}`,
    );
    return `${JSON.stringify(head).slice(0, -1)},"changes":[${changes.join(',')}]}`;
  }

  /**
   * Rejected changes, newest first: every one for admins and borough-wide
   * coordinators (they hold every record); for a directorate coordinator those
   * of the people they coordinate (authorization.ts).
   */
  async function listRejections(
    viewer: User,
    options: { limit: number; userId?: string },
  ): Promise<RejectionView[]> {
    if (isBoroughManager(viewer)) return store.rejections.list(options);
    if (options.userId && !(await mayManageUser(store, viewer, options.userId))) {
      throw new Forbidden('Not one of the people you coordinate');
    }
    const people = await managedUserIds(store, viewer);
    return store.rejections.list({ ...options, ...(people === 'all' ? {} : { userIds: people }) });
  }

  /** Sets a new epoch (after restoring a backup): every client then re-pushes what it holds and pulls from 0. */
  async function rotateEpoch(): Promise<string> {
    const next = randomUUID();
    await store.meta.set('epoch', next);
    return next;
  }

  return { push, pullJson, epoch, listRejections, rotateEpoch };
}

export type SyncService = ReturnType<typeof createSyncService>;
