/**
 * "Pendientes": the co-responsibility commitments of projects and the
 * agreements of sessions, with who and by when, gathered in one list and
 * ordered as the office reads it — overdue first, then due this week, later,
 * and done — and the same commitments seen per government area. Pure; the
 * due state comes from domain/follow-up.ts (days in America/Mexico_City).
 */
import type { CommitmentParty, Project } from './entities/project';
import type { Session } from './entities/session';
import { DUE_STATES, dueState, FOLLOW_UP_TIME_ZONE, type DueState } from './follow-up';

export type PendingKind = 'commitment' | 'agreement';

export interface PendingItem {
  kind: PendingKind;
  /** Unique in a list: `<kind>:<record id>:<item id>`. */
  key: string;
  processId: string;
  /** The project (commitment) or session (agreement) that holds it. */
  recordId: string;
  recordTitle: string;
  /** The commitment's or agreement's id inside its record. */
  itemId: string;
  /** Who: a commitment's party, or an agreement's responsible as written. */
  who: CommitmentParty | { kind: 'person'; name: string };
  what: string;
  dueDate?: string;
  done: boolean;
  doneAt?: string;
  state: DueState;
}

type ProjectLike = Pick<Project, 'processId' | 'title' | 'commitments'> & { id: string };
type SessionLike = Pick<Session, 'processId' | 'title' | 'agreements'> & { id: string };

const ORDER = new Map(DUE_STATES.map((s, i) => [s, i]));

/** Overdue first (the oldest first), then due this week and later by date, then done (the latest first). */
export function comparePending(a: PendingItem, b: PendingItem): number {
  const byState = ORDER.get(a.state)! - ORDER.get(b.state)!;
  if (byState !== 0) return byState;
  if (a.state === 'done') {
    const x = a.doneAt ?? a.dueDate ?? '';
    const y = b.doneAt ?? b.dueDate ?? '';
    if (x !== y) return x < y ? 1 : -1;
  } else {
    const x = a.dueDate ?? '9999-12-31';
    const y = b.dueDate ?? '9999-12-31';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.what.localeCompare(b.what, 'es-MX') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Every commitment of `projects` and agreement of `sessions` (cancelled
 * agreements left out), with its due state at `now`, in the list's order.
 */
export function pendingItems(
  projects: readonly ProjectLike[],
  sessions: readonly SessionLike[],
  now: Date,
  timeZone = FOLLOW_UP_TIME_ZONE,
): PendingItem[] {
  const items: PendingItem[] = [];
  for (const p of projects) {
    for (const c of p.commitments) {
      const done = c.done === true;
      items.push({
        kind: 'commitment',
        key: `commitment:${p.id}:${c.id}`,
        processId: p.processId,
        recordId: p.id,
        recordTitle: p.title,
        itemId: c.id,
        who: c.who,
        what: c.what,
        dueDate: c.dueDate,
        done,
        ...(c.doneAt ? { doneAt: c.doneAt } : {}),
        state: dueState(c.dueDate, now, timeZone, done),
      });
    }
  }
  for (const s of sessions) {
    for (const a of s.agreements) {
      if (a.status === 'cancelled') continue;
      const done = a.status === 'done';
      items.push({
        kind: 'agreement',
        key: `agreement:${s.id}:${a.id}`,
        processId: s.processId,
        recordId: s.id,
        recordTitle: s.title,
        itemId: a.id,
        who: { kind: 'person', name: a.responsible },
        what: a.text,
        ...(a.dueDate ? { dueDate: a.dueDate } : {}),
        done,
        state: dueState(a.dueDate, now, timeZone, done),
      });
    }
  }
  return items.sort(comparePending);
}

/** The items by due state, each group in the list's order. */
export function groupPending(items: readonly PendingItem[]): Record<DueState, PendingItem[]> {
  const groups: Record<DueState, PendingItem[]> = { overdue: [], due_this_week: [], later: [], done: [] };
  for (const item of [...items].sort(comparePending)) groups[item.state].push(item);
  return groups;
}

export interface AreaFollowUp<P extends ProjectLike> {
  /** Projects that name the area among those responsible. */
  projects: P[];
  /** Commitments the area holds (party `government_area`), in the list's order. */
  commitments: PendingItem[];
  overdue: number;
}

/** What one government area holds: the projects naming it and its commitments, with the overdue ones. */
export function areaFollowUp<P extends ProjectLike & Pick<Project, 'governmentAreaIds'>>(
  areaId: string,
  projects: readonly P[],
  now: Date,
  timeZone = FOLLOW_UP_TIME_ZONE,
): AreaFollowUp<P> {
  const commitments = pendingItems(projects, [], now, timeZone).filter(
    (i) => i.who.kind === 'government_area' && i.who.governmentAreaId === areaId,
  );
  return {
    projects: projects.filter((p) => p.governmentAreaIds.includes(areaId)),
    commitments,
    overdue: commitments.filter((c) => c.state === 'overdue').length,
  };
}

/** Overdue commitments per government area (areas with none are absent). */
export function overdueByArea(
  projects: readonly ProjectLike[],
  now: Date,
  timeZone = FOLLOW_UP_TIME_ZONE,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of pendingItems(projects, [], now, timeZone)) {
    if (item.state !== 'overdue' || item.who.kind !== 'government_area' || !item.who.governmentAreaId)
      continue;
    counts.set(item.who.governmentAreaId, (counts.get(item.who.governmentAreaId) ?? 0) + 1);
  }
  return counts;
}
