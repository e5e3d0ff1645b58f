/**
 * Append-only records (ballots, rubric scores) are corrected by new records
 * that point at what they supersede. Which records are current is a pure
 * function of the set of records, so every device that holds the same
 * records agrees, whatever order they arrived in.
 */
export interface Supersedable {
  id: string;
  supersedes?: string | null;
  /** When it was made (ISO); breaks ties between two corrections of the same record. */
  at: string;
}

export interface SupersedeOutcome<T> {
  /** Records nobody supersedes. */
  current: T[];
  /** Records replaced by a correction (or an annulment). */
  superseded: T[];
  /** Corrections that lost to a later correction of the same record (made on another device). */
  overridden: T[];
}

/**
 * Orders two ISO times as instants: "…T18:05:00Z" is before "…T18:05:00.500Z",
 * although it sorts after it as text. An unreadable time counts as the oldest.
 */
export function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  const x = Number.isNaN(ta) ? -Infinity : ta;
  const y = Number.isNaN(tb) ? -Infinity : tb;
  return x === y ? 0 : x < y ? -1 : 1;
}

function later(a: Supersedable, b: Supersedable): boolean {
  const byTime = compareTimes(a.at, b.at);
  return byTime === 0 ? a.id > b.id : byTime > 0;
}

/**
 * A record is current when no record supersedes it. When two records correct
 * the same one (two tablets, unaware of each other), only the later one
 * (by `at`, then id) stands; the other is `overridden`.
 */
export function resolveSupersession<T extends Supersedable>(records: readonly T[]): SupersedeOutcome<T> {
  const winnerFor = new Map<string, T>();
  for (const r of records) {
    if (!r.supersedes || r.supersedes === r.id) continue;
    const prev = winnerFor.get(r.supersedes);
    if (!prev || later(r, prev)) winnerFor.set(r.supersedes, r);
  }
  const overriddenIds = new Set<string>();
  for (const r of records) {
    if (r.supersedes && r.supersedes !== r.id && winnerFor.get(r.supersedes) !== r) overriddenIds.add(r.id);
  }
  const out: SupersedeOutcome<T> = { current: [], superseded: [], overridden: [] };
  for (const r of records) {
    if (overriddenIds.has(r.id)) out.overridden.push(r);
    else if (winnerFor.has(r.id)) out.superseded.push(r);
    else out.current.push(r);
  }
  return out;
}
