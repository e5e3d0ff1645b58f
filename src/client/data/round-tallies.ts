/**
 * Running tallies of the rounds' ballots in `roundTallies` (device only, never synced), kept by a
 * Dexie middleware (round-tallies-middleware.ts) in the same transaction as every change to
 * `ballots`, whoever makes it: a ballot cast here, a pulled page, an import, a delete. Casting a vote and opening a round's
 * results with 100,000 ballots read one row, not the ballots.
 *
 * Per round: the index count of its ballot rows, the live private votes that nothing corrects and
 * that correct nothing grouped by content (`VoteGroup`, domain/tally.ts), and the ids of the other
 * live ballots (tallies, annulments, corrections and what they point at), read one by one.
 * `tallyWithGroups` over those equals `tallyRound` over every ballot (property-tested in
 * tests/unit/data/round-tallies.property.test.ts); where it cannot say, the reader recounts.
 */
import type { Ballot, VoteGroup } from '../../domain';
import type { StoredRecord } from './db-rows';

/** One round's running summary (table `roundTallies`, key `roundId`). */
export interface RoundTallyRow {
  roundId: string;
  /** Ballot rows whose `fields.roundId` is this round, deleted or not (what the index counts). */
  rows: number;
  /** Of those, the ones not deleted. */
  live: number;
  /** Live private votes that no live ballot of the round supersedes and that supersede nothing, by content. */
  groups: Record<string, VoteGroup>;
  /** The round's other live ballots, counted one by one. */
  special: Record<string, true>;
  /** How many live ballots of the round supersede each id. */
  targets: Record<string, number>;
}

export type BallotRow = StoredRecord<Partial<Ballot>>;
type VoteContent = VoteGroup['vote'];

export const BALLOTS = 'ballots';
export const ROUND_TALLIES = 'roundTallies';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

function voteContent(fields: Partial<Ballot>): VoteContent {
  const vote: VoteContent = {};
  if (fields.dots != null) vote.dots = canonical(fields.dots) as VoteContent['dots'];
  if (fields.ranking != null) vote.ranking = [...fields.ranking];
  if (fields.scores != null) vote.scores = canonical(fields.scores) as VoteContent['scores'];
  return vote;
}

function castMs(castAt: unknown): number {
  const ms = typeof castAt === 'string' ? Date.parse(castAt) : Number.NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

export const roundOf = (row: BallotRow | undefined): string | null =>
  row && typeof row.fields?.roundId === 'string' ? row.fields.roundId : null;
const isLiveBallot = (row: BallotRow | undefined): row is BallotRow => !!row && !row.deleted;
/** A vote that corrects nothing (whether something corrects it is in `targets`). */
const plainVote = (f: Partial<Ballot>) => f.kind === 'vote' && !f.supersedes;

export function emptySummary(roundId: string): RoundTallyRow {
  return { roundId, rows: 0, live: 0, groups: {}, special: {}, targets: {} };
}

function addToGroup(s: RoundTallyRow, f: Partial<Ballot>) {
  const vote = voteContent(f);
  const key = JSON.stringify(vote);
  const group = (s.groups[key] ??= { vote, count: 0, latestCastMs: -Infinity });
  group.count += 1;
  group.latestCastMs = Math.max(group.latestCastMs, castMs(f.castAt));
}

function removeFromGroup(s: RoundTallyRow, f: Partial<Ballot>) {
  const key = JSON.stringify(voteContent(f));
  const group = s.groups[key];
  if (!group) return;
  group.count -= 1;
  if (group.count <= 0) delete s.groups[key];
}

export interface Change {
  key: string;
  before: BallotRow | undefined;
  after: BallotRow | undefined;
}

/**
 * Applies a set of row changes (`before` → `after`, by key) to the summaries.
 * `read(id)` gives a ballot row as it is after the change (for the votes a
 * new or removed correction points at; `targetsOf` says which).
 */
export function applyChanges(
  summaries: (roundId: string) => RoundTallyRow,
  changes: Change[],
  read: (id: string) => BallotRow | undefined,
): void {
  const inBatch = new Set(changes.map((c) => c.key));
  const added = new Set<string>();
  // Everything the old rows contributed goes first…
  for (const { key, before } of changes) {
    const roundId = roundOf(before);
    if (!roundId) continue;
    const s = summaries(roundId);
    s.rows -= 1;
    if (!isLiveBallot(before)) continue;
    s.live -= 1;
    const f = before.fields;
    if (f.supersedes) {
      const left = (s.targets[f.supersedes] ?? 1) - 1;
      if (left > 0) s.targets[f.supersedes] = left;
      else {
        delete s.targets[f.supersedes];
        const target = f.supersedes;
        if (s.special[target] && !inBatch.has(target) && target !== key) {
          const row = read(target);
          if (isLiveBallot(row) && roundOf(row) === roundId && plainVote(row.fields)) {
            delete s.special[target];
            addToGroup(s, row.fields);
          }
        }
      }
    }
    if (s.special[key]) delete s.special[key];
    else removeFromGroup(s, f);
  }
  // …then what the new rows contribute.
  for (const { key, after } of changes) {
    const roundId = roundOf(after);
    if (!roundId) continue;
    const s = summaries(roundId);
    s.rows += 1;
    if (!isLiveBallot(after)) continue;
    s.live += 1;
    const f = after.fields;
    if (f.supersedes) {
      const target = f.supersedes;
      s.targets[target] = (s.targets[target] ?? 0) + 1;
      const inGroup = s.targets[target] === 1 && target !== key && !s.special[target];
      if (inGroup && (!inBatch.has(target) || added.has(target))) {
        const row = read(target);
        if (isLiveBallot(row) && roundOf(row) === roundId && plainVote(row.fields)) {
          removeFromGroup(s, row.fields);
          s.special[target] = true;
        }
      }
    }
    if (plainVote(f) && !s.targets[key]) addToGroup(s, f);
    else s.special[key] = true;
    added.add(key);
  }
}

/** The ids the changed rows supersede: the rows `applyChanges` may need to read. */
export function targetsOf(changes: readonly Change[]): string[] {
  const ids = new Set<string>();
  for (const c of changes)
    for (const row of [c.before, c.after])
      if (isLiveBallot(row) && row.fields.supersedes) ids.add(row.fields.supersedes);
  return [...ids];
}

/** The summaries of every round, from the ballot rows (the database upgrade that brings the table). */
export function summariseAll(rows: readonly BallotRow[]): RoundTallyRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const all = new Map<string, RoundTallyRow>();
  const summaries = (roundId: string) => {
    let s = all.get(roundId);
    if (!s) all.set(roundId, (s = emptySummary(roundId)));
    return s;
  };
  const changes = rows.map((r) => ({ key: r.id, before: undefined, after: r }));
  applyChanges(summaries, changes, (id) => byId.get(id));
  return [...all.values()];
}
