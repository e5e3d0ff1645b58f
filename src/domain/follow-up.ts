/**
 * The follow-up's rules (stage 10), pure: a project's status and the reason
 * rule, which statuses it may move to, the progress a status change gives,
 * the progress shown (set by hand or rolled up from the actions, and which),
 * and when a commitment or agreement is due, counted in the borough's time
 * zone (America/Mexico_City) whatever the device's clock zone.
 */
import type { Project, RollUpMethod } from './entities/project';
import { PROPOSED_STATUS_ID, type ProjectStatus, type StatusMeaning } from './entities/project-status';
import { effectiveParents, projectProgress, type ProgressNode } from './projects';

export type StatusRecord = ProjectStatus & { id: string };

/** The borough's time zone: due dates are days there. */
export const FOLLOW_UP_TIME_ZONE = 'America/Mexico_City';

/** Statuses in their order (by `order`, then name). */
export function sortStatuses<T extends Pick<ProjectStatus, 'order' | 'name'>>(statuses: readonly T[]): T[] {
  return [...statuses].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'es-MX'));
}

/**
 * The status a project is in: its `statusId` when that status is known, the
 * default "Propuesto" when it has none (or names one this device lacks),
 * and the first status meaning `proposed` when "Propuesto" was removed.
 */
export function statusOf(
  project: Pick<Project, 'statusId'>,
  statuses: readonly StatusRecord[],
): StatusRecord | undefined {
  const byId = new Map(statuses.map((s) => [s.id, s]));
  return (
    byId.get(project.statusId ?? PROPOSED_STATUS_ID) ??
    byId.get(PROPOSED_STATUS_ID) ??
    sortStatuses(statuses).find((s) => s.meaning === 'proposed')
  );
}

export type StatusChangeProblem = 'status_unknown' | 'status_inactive' | 'status_same' | 'reason_required';

/**
 * What is wrong with moving a project from `current` to the status `nextId`
 * with `reason` (empty when it may). Any active status may follow any other
 * — a cancelled project can be taken up again, a finished one reopened — but
 * a status that requires a reason (cancelled, on hold) needs one.
 */
export function statusChangeProblems(
  current: StatusRecord | undefined,
  nextId: string,
  reason: string | null | undefined,
  statuses: readonly StatusRecord[],
): StatusChangeProblem[] {
  const next = statuses.find((s) => s.id === nextId);
  if (!next) return ['status_unknown'];
  const problems: StatusChangeProblem[] = [];
  if (current?.id === next.id) problems.push('status_same');
  if (!next.active) problems.push('status_inactive');
  if (next.requiresReason && !(reason ?? '').trim()) problems.push('reason_required');
  return problems;
}

/** The statuses a project in `current` may move to: the active ones but its own, in order. */
export function nextStatuses(
  current: StatusRecord | undefined,
  statuses: readonly StatusRecord[],
): StatusRecord[] {
  return sortStatuses(statuses.filter((s) => s.active && s.id !== current?.id));
}

/**
 * The progress a project set by hand takes when it enters `next`: the
 * status's default (0 proposed, 100 done…) when it has one, otherwise what it
 * had (cancelled and on hold keep the progress reached).
 */
export function progressAfterStatus(
  next: Pick<ProjectStatus, 'defaultProgress'>,
  current: number | null | undefined,
): number | null {
  return next.defaultProgress ?? current ?? null;
}

/** Whether a status closes the project's follow-up (done or cancelled). */
export function isClosedMeaning(meaning: StatusMeaning): boolean {
  return meaning === 'done' || meaning === 'cancelled';
}

export type ProgressSource = 'manual' | 'roll_up' | 'status' | 'none';

export interface EffectiveProgress {
  /** 0–100, or null when nothing says how far it got. */
  value: number | null;
  /**
   * Where it comes from: `roll_up` (a project with actions: their average or
   * weighted mean, `method`), `manual` (set by hand), `status` (the default
   * of its status, when nothing was set by hand), `none`.
   */
  source: ProgressSource;
  method?: RollUpMethod;
  /** Actions rolled up. */
  actions?: number;
}

/**
 * The progress shown for `project` among `projects` (its process's projects
 * and actions): a project with actions rolls up from them, by its `rollUp`
 * (average when not set); one without has the progress set by hand, or its
 * status's default progress.
 */
export function effectiveProgress(
  project: ProgressNode & Pick<Project, 'statusId'>,
  projects: readonly ProgressNode[],
  statuses: readonly StatusRecord[] = [],
): EffectiveProgress {
  const all = projects.some((p) => p.id === project.id) ? projects : [...projects, project];
  const parents = effectiveParents(all);
  const actions = all.filter((p) => parents.get(p.id) === project.id).length;
  if (actions > 0) {
    return {
      value: projectProgress(all).get(project.id) ?? null,
      source: 'roll_up',
      method: project.rollUp ?? 'average',
      actions,
    };
  }
  if (typeof project.progress === 'number') return { value: project.progress, source: 'manual' };
  const byStatus = statuses.length > 0 ? statusOf(project, statuses)?.defaultProgress : null;
  return typeof byStatus === 'number'
    ? { value: byStatus, source: 'status' }
    : { value: null, source: 'none' };
}

export type DueState = 'overdue' | 'due_this_week' | 'later' | 'done';
export const DUE_STATES: readonly DueState[] = ['overdue', 'due_this_week', 'later', 'done'];

/** The calendar day (`YYYY-MM-DD`) `now` falls on in `timeZone`. */
export function localDate(now: Date, timeZone = FOLLOW_UP_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `date` (`YYYY-MM-DD`) plus `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Where a commitment or agreement due on `dueDate` stands at `now`: done;
 * overdue once its day has passed in `timeZone` (it is still on time all of
 * its last day); due this week when due within the next seven days (today
 * included); later otherwise — and an item with no due date is never overdue.
 */
export function dueState(
  dueDate: string | null | undefined,
  now: Date,
  timeZone = FOLLOW_UP_TIME_ZONE,
  done = false,
): DueState {
  if (done) return 'done';
  if (!dueDate) return 'later';
  const today = localDate(now, timeZone);
  if (dueDate < today) return 'overdue';
  return dueDate <= addDays(today, 6) ? 'due_this_week' : 'later';
}

/** Whole days from `today` to `dueDate` (negative: days late). */
export function daysUntil(dueDate: string, today: string): number {
  const t = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(dueDate) - t(today)) / 86_400_000);
}
