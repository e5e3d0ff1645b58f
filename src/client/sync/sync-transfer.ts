/**
 * The records half of a sync cycle: push the outbox in batches, then pull
 * pages until the server has nothing more, merging every field by hlc
 * (local-store.ts). Each step is committed before the next request, so a cut
 * anywhere loses nothing: the next cycle resumes from the outbox and the
 * saved cursor. A device that never completed a sync pulls with
 * `estimate=1` and reports its first download's progress.
 */
import { PROTOCOL_LIMITS } from '../../domain';
import type { TequioDb } from '../data/db';
import { reviewNoticesSince, storeReviewNotices } from '../data/novedades.repository';
import { ApiError, type ApiClient } from '../net/api-client';
import { heldRecords } from './held-records';
import { acknowledgePush, applyPulledPage, readOutboxBatch } from './local-store';
import { estimateTimeLeft, type CycleResult, type SyncStatus } from './sync-status';

/** What the push and the pull need from the engine. */
export interface TransferContext {
  db: TequioDb;
  api: ApiClient;
  pushBatchSize: number;
  pullLimit: number;
  /** Updates the engine's status. */
  set(patch: Partial<SyncStatus>): void;
  /** Learns the device's clock offset from an answer's `serverTime`. */
  noteServerTime(serverTime: string): Promise<void>;
}

/** Pushes the outbox in batches until it is empty; counts pushed, refused and re-stamped changes in `result`. */
export async function pushAll(ctx: TransferContext, result: CycleResult): Promise<void> {
  const { db, api, set, noteServerTime, pushBatchSize } = ctx;
  for (;;) {
    const batch = await readOutboxBatch(db, pushBatchSize, PROTOCOL_LIMITS.maxPushBytes);
    if (batch.length === 0) return;
    const clientId = (await db.getMeta('clientId'))!;
    const serverEpoch = await db.getMeta('serverEpoch');
    const response = await api.push({ clientId, serverEpoch, mutations: batch });
    await noteServerTime(response.serverTime);
    const ack = await acknowledgePush(db, batch, response);
    result.rejected += ack.rejected;
    result.pushed += batch.length;
    if (ack.restamped > 0) {
      result.restamped = (result.restamped ?? 0) + ack.restamped;
      set({ restamped: await db.getMeta('restamped') });
    }
  }
}

/** Pulls pages from the saved cursor until the server has nothing more; counts pulled records in `result`. */
export async function pullAll(ctx: TransferContext, result: CycleResult): Promise<void> {
  const { db, api, set, noteServerTime, pullLimit } = ctx;
  const cursor = await db.getMeta('cursor');
  const knownEpoch = await db.getMeta('serverEpoch');
  // A device that never completed a sync shows its first download's progress: it asks the
  // server for an estimate of what remains with every page (an optional extension of pull).
  // Any other pull that runs past its first page asks for it from then on, and shows it too.
  const firstDownload = (await db.getMeta('lastSyncAt')) === null;
  let showProgress = firstDownload;
  const pull = (from: string | null) =>
    showProgress ? api.pull(from, pullLimit, { estimate: true }) : api.pull(from, pullLimit);
  const startedAt = Date.now();
  let received = 0;
  // The records held here, so a page reads only those (a first download reads nearly none).
  // Listed only for a long pull — a first download, or once a pull runs past its first page —
  // not on every short sync, where reading a page's few ids costs less than listing every key.
  let held = firstDownload ? await heldRecords(db) : undefined;
  if (firstDownload) set({ download: { received, total: null, first: true } });
  // The next page is already on its way while this one is stored (a failure discards it).
  let next = pull(cursor);
  for (;;) {
    const page = await next;
    await noteServerTime(page.serverTime);
    if (knownEpoch && page.serverEpoch !== knownEpoch) {
      throw new ApiError(409, 'epoch_changed', 'the server answered under another epoch');
    }
    received += page.changes.length;
    if (page.hasMore) {
      showProgress = true;
      next = pull(page.cursor);
      next.catch(() => undefined); // awaited on the next turn; never an unhandled rejection meanwhile
      held ??= await heldRecords(db);
    }
    result.pulled += await applyPulledPage(
      db,
      page.changes,
      page.cursor,
      page.serverEpoch,
      !page.hasMore,
      page.serverTime,
      held,
    );
    if (showProgress) {
      const total = typeof page.remaining === 'number' ? received + page.remaining : null;
      const timeLeftMs = estimateTimeLeft(received, total, Date.now() - startedAt);
      set({ download: { received, total, timeLeftMs, first: firstDownload } });
    }
    if (!page.hasMore) {
      if (showProgress && !firstDownload) set({ download: null });
      return;
    }
  }
}

/**
 * After the pull: what coordinators did with this user's changes in the review queue
 * (resolved, dismissed, a question), from the last one received, into the device's
 * "novedades" (ADR 0010). Best effort: a server without the endpoint, or a cut, leaves
 * it for the next cycle and never fails this one.
 */
export async function pullReviewNotices(ctx: Pick<TransferContext, 'db' | 'api'>): Promise<void> {
  try {
    const userId = (await ctx.db.getMeta('account'))?.user.id;
    if (!userId) return;
    const { notices } = await ctx.api.reviewNotices(await reviewNoticesSince(ctx.db, userId));
    await storeReviewNotices(ctx.db, userId, notices);
  } catch {
    // Next cycle.
  }
}
