/**
 * The server's one write path: every record the server stores — a device's
 * push, an imported file, a territory import, a map pack, the default rubrics —
 * goes through `withWriter`, which owns the commit-sequence lock, the server's
 * own HLC and the clock bound, and hands each mutation to applyMutation
 * (merge, schema, the authorisation model).
 *
 * Clock bound (ADR 0005): no stamp more than PROTOCOL_LIMITS.maxClockAheadMs
 * ahead of the server's time is ever stored. A mutation carrying such a stamp
 * (a tablet whose date is wrong, or a forged one) is not refused — nothing
 * typed may be lost — but applied with those stamps replaced by a tick of the
 * server clock, and its result says so (`code: "clock_ahead"`, `hlc`). The
 * server clock receives every stamp it accepts, so a re-stamped write is newer
 * than everything stored before it, and it never runs ahead of the bound.
 * Must be called inside a transaction: the lock, the writes and the clock's
 * state commit or roll back together.
 */
import { randomBytes } from 'node:crypto';
import {
  createHlcClock,
  formatHlc,
  MAX_HLC_MILLIS,
  PROTOCOL_LIMITS,
  type EntityName,
  type Hlc,
  type HlcClock,
  type Mutation,
  type MutationResult,
  type User,
} from '../../domain';
import type { StoredRecord } from '../repositories/records.repository';
import type { Repositories, RepositoryStore } from '../repositories/repositories';
import { applyMutation, createPushBatch } from './apply-mutation';
import type { Crossing } from './review-conflicts';

export type ServerMutation = Mutation & { entity: EntityName };

/** A crossing noted while applying `mutation` (stored for the review queue by the push). */
export interface NotedCrossing extends Crossing {
  mutation: Mutation;
  processId: string | null;
}

const NODE_KEY = 'server_hlc_node';
const LAST_KEY = 'server_hlc_last';
const EPOCH_KEY = 'epoch';

/** The greatest stamp allowed at `nowMs`: anything above it is too far ahead. */
export function clockBound(nowMs: number): Hlc {
  const limit = Math.min(nowMs + PROTOCOL_LIMITS.maxClockAheadMs, MAX_HLC_MILLIS);
  return formatHlc({ millis: limit, counter: 0xffff, node: 'ffffffffffffffff' });
}

export interface Writer {
  /** The time of this write (ISO), also the push's `serverTime`. */
  readonly now: string;
  /** The sync epoch, read under the lock with the clock's state. */
  readonly epoch: string | undefined;
  /** The server's HLC: stamps for the server's own writes. */
  readonly clock: HlcClock;
  /**
   * Applies `mutations` as `actor`, in order, with the clock bound. Records
   * are read in one query and written when the writer finishes.
   */
  apply(actor: User, mutations: ServerMutation[]): Promise<MutationResult[]>;
  /** How many records this writer changed so far. */
  written(): number;
  /** The delete/edit crossings its writes settled so far (review-conflicts.ts). */
  crossings(): NotedCrossing[];
  /**
   * Replaces every stored stamp beyond the bound (written before the bound
   * existed) by one present stamp, each repaired record with a new seq so
   * devices pull it; returns what it repaired. The merge could not do it: a
   * present stamp never wins over a future one.
   */
  repairFutureStamps(): Promise<{ records: number; fields: number }>;
}

type WriteRepos = Pick<Repositories, 'records' | 'meta' | 'blobs'> & Partial<Pick<Repositories, 'shared'>>;

/**
 * What a transaction's writes share: the commit sequence (locked), the clock's state and the
 * epoch, read once under the lock and written back once before the commit. A group of pushes
 * sharing one transaction (group-commit.ts) shares one session, so the lock, the reads and the
 * writes of the sequence and the clock are paid once per group, not once per push.
 */
interface WriteSession {
  seq: number;
  node: string;
  /** The clock's state as the last writer left it. */
  last: Hlc | null;
  /** Whether `last` changed since it was read. */
  clockMoved: boolean;
  readonly startSeq: number;
  readonly epoch: string | undefined;
}

const SESSION = Symbol('write session');

/** Takes the commit-sequence lock and reads the clock's state and the epoch (the node id is made once and kept in meta). */
async function openSession(repos: WriteRepos): Promise<WriteSession> {
  const seq = await repos.records.lockSequence();
  // The clock's state and the epoch in one query: every statement under the lock delays the next writer.
  const meta = await repos.meta.getMany([NODE_KEY, LAST_KEY, EPOCH_KEY]);
  let node = meta.get(NODE_KEY);
  if (!node) {
    node = randomBytes(8).toString('hex');
    await repos.meta.set(NODE_KEY, node);
  }
  const last = (meta.get(LAST_KEY) as Hlc | undefined) ?? null;
  return { seq, node, last, clockMoved: false, startSeq: seq, epoch: meta.get(EPOCH_KEY) };
}

/** Writes the new sequence and the clock's state, when they changed. */
async function closeSession(repos: WriteRepos, session: WriteSession): Promise<void> {
  if (session.seq !== session.startSeq) await repos.records.setSequence(session.seq);
  if (session.clockMoved && session.last) await repos.meta.set(LAST_KEY, session.last);
}

/** The transaction's session: opened by its first writer; in a shared transaction, closed before its commit. */
async function sessionOf(repos: WriteRepos): Promise<{ session: WriteSession; shared: boolean }> {
  const shared = repos.shared;
  const open = shared?.state.get(SESSION) as WriteSession | undefined;
  if (open) return { session: open, shared: true };
  const session = await openSession(repos);
  if (!shared) return { session, shared: false };
  shared.state.set(SESSION, session);
  shared.beforeCommit(() => closeSession(repos, session));
  return { session, shared: true };
}

/**
 * Replaces the stamps of `mutation` beyond `bound` by `tick()`; returns the
 * mutation to apply and the new stamp, or null when every stamp was in bounds.
 */
export function boundStamps(
  mutation: ServerMutation,
  bound: Hlc,
  tick: () => Hlc,
): { mutation: ServerMutation; restamp: Hlc | null } {
  const perField = mutation.op === 'put' ? mutation.hlcs : undefined;
  const tooFar = mutation.hlc > bound || Object.values(perField ?? {}).some((h) => h > bound);
  if (!tooFar) return { mutation, restamp: null };
  const restamp = tick();
  if (mutation.op === 'delete') return { mutation: { ...mutation, hlc: restamp }, restamp };
  const hlcs: Record<string, Hlc> = {};
  for (const name of Object.keys(mutation.fields)) {
    const stamp = perField?.[name] ?? mutation.hlc;
    hlcs[name] = stamp > bound ? restamp : stamp;
  }
  return { mutation: { ...mutation, hlc: mutation.hlc > bound ? restamp : mutation.hlc, hlcs }, restamp };
}

/**
 * Runs `fn` with a writer holding the commit-sequence lock, then writes the
 * staged records, the new sequence and the clock's state. Inside a transaction
 * only. In a transaction shared by a group of pushes, the lock is taken and the
 * clock read by the group's first writer, and the sequence and the clock's
 * state are written once before the commit (WriteSession).
 */
export async function withWriter<T>(
  repos: WriteRepos,
  fn: (writer: Writer) => Promise<T>,
  options: { nowMs?: number } = {},
): Promise<T> {
  const { session, shared } = await sessionOf(repos);
  let seq = session.seq;
  const startSeq = seq;
  const nowMs = options.nowMs ?? new Date().getTime();
  const now = new Date(nowMs).toISOString();
  const bound = clockBound(nowMs);
  const clock = createHlcClock(session.node, {
    now: () => nowMs,
    // A state poisoned before the bound existed starts again from the present.
    last: session.last && session.last <= bound ? session.last : null,
    maxAheadMs: PROTOCOL_LIMITS.maxClockAheadMs,
  });
  const lastBefore = clock.last();
  const flushes: (() => Promise<void>)[] = [];
  const crossings: NotedCrossing[] = [];

  const writer: Writer = {
    now,
    epoch: session.epoch,
    clock,
    async apply(actor, mutations) {
      // A second call sees what the first one staged.
      for (const flush of flushes.splice(0)) await flush();
      const batch = await createPushBatch(
        repos.records,
        actor,
        now,
        mutations.map((m) => ({ entity: m.entity, id: m.recordId })),
      );
      flushes.push(() => batch.flush());
      const context = {
        repos,
        user: actor,
        now,
        nextSeq: () => ++seq,
        batch,
        noteCrossing: (mutation: Mutation, crossing: Crossing, processId: string | null) =>
          crossings.push({ ...crossing, mutation, processId }),
      };
      const results: MutationResult[] = [];
      for (const original of mutations) {
        const { mutation, restamp } = boundStamps(original, bound, () => clock.tick());
        const result = await applyMutation(context, mutation);
        if (result.status === 'applied') {
          for (const stamp of stampsOf(mutation)) clock.receive(stamp);
          results.push(restamp ? { ...result, code: 'clock_ahead', hlc: restamp } : result);
        } else {
          results.push(result);
        }
      }
      return results;
    },
    written: () => seq - startSeq,
    crossings: () => [...crossings],
    async repairFutureStamps() {
      const poisoned: StoredRecord[] = [];
      for (let after = 0; after < startSeq;) {
        const page = await repos.records.listSince(after, 1000, { all: true });
        if (page.length === 0) break;
        for (const record of page) {
          if (record.seq <= startSeq && Object.values(record.state.hlcs).some((h) => h > bound)) {
            poisoned.push(record);
          }
        }
        after = page[page.length - 1]!.seq;
      }
      if (poisoned.length === 0) return { records: 0, fields: 0 };
      const present = clock.tick();
      let fields = 0;
      const repaired = poisoned.map((record) => {
        const hlcs = { ...record.state.hlcs };
        for (const [name, stamp] of Object.entries(hlcs)) {
          if (stamp > bound) {
            hlcs[name] = present;
            fields++;
          }
        }
        return { ...record, state: { ...record.state, hlcs }, seq: ++seq };
      });
      await repos.records.putMany(repaired, now);
      return { records: repaired.length, fields };
    },
  };

  const value = await fn(writer);
  for (const flush of flushes) await flush();
  session.seq = seq;
  const lastAfter = clock.last();
  if (lastAfter && lastAfter !== lastBefore) {
    session.last = lastAfter;
    session.clockMoved = true;
  }
  if (!shared) await closeSession(repos, session);
  return value;
}

function stampsOf(mutation: ServerMutation): Hlc[] {
  if (mutation.op === 'delete') return [mutation.hlc];
  return [mutation.hlc, ...Object.values(mutation.hlcs ?? {})];
}

/** `repair-clocks` (CLI, and at server start): see Writer.repairFutureStamps. */
export async function repairFutureStamps(
  store: Pick<RepositoryStore, 'transaction'>,
  options: { nowMs?: number } = {},
): Promise<{ records: number; fields: number }> {
  return store.transaction((repos) => withWriter(repos, (writer) => writer.repairFutureStamps(), options));
}
