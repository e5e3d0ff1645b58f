/**
 * The office's project figures: projects and actions by thematic area, by
 * management mode and by status, and the actions done with each government
 * area. Exact counts and shares of the total (screens format them).
 */
import { THEMATIC_AREAS } from './entities/problem';
import { MANAGEMENT_MODES } from './entities/project';
import type { DashboardData, DashboardProject, DashboardProjectStatus } from './dashboard';

export interface KindCounts {
  key: string;
  projects: number;
  actions: number;
  total: number;
  /** total / (every project and action counted) — 0 when there are none. */
  share: number;
}

function breakdown(
  projects: readonly DashboardProject[],
  keyOf: (p: DashboardProject) => string,
  keys: readonly string[],
  keepEmpty: boolean,
): KindCounts[] {
  const rows = new Map<string, KindCounts>(
    keys.map((key) => [key, { key, projects: 0, actions: 0, total: 0, share: 0 }]),
  );
  for (const p of projects) {
    const key = keyOf(p);
    const row = rows.get(key) ?? { key, projects: 0, actions: 0, total: 0, share: 0 };
    if (p.kind === 'action') row.actions += 1;
    else row.projects += 1;
    row.total += 1;
    rows.set(key, row);
  }
  const all = projects.length;
  return [...rows.values()]
    .filter((r) => keepEmpty || r.total > 0)
    .map((r) => ({ ...r, share: all > 0 ? r.total / all : 0 }));
}

/** Every thematic area (in the vocabulary's order), empty ones included. */
export function projectsByTheme(projects: readonly DashboardProject[]): KindCounts[] {
  return breakdown(projects, (p) => p.theme, THEMATIC_AREAS, true);
}

export function projectsByManagement(projects: readonly DashboardProject[]): KindCounts[] {
  return breakdown(projects, (p) => p.managementMode, MANAGEMENT_MODES, true);
}

/** The key of projects without a status (no `statusId`, or one this device does not know). */
export const NO_STATUS = 'none';

export type StatusCounts = KindCounts & { name: string | null };

/**
 * By status (`statusId` → the status's name), in the statuses' order; projects
 * without a known status under `NO_STATUS` (name null), last.
 */
export function projectsByStatus(
  projects: readonly DashboardProject[],
  statuses: readonly DashboardProjectStatus[] = [],
): StatusCounts[] {
  const byId = new Map(statuses.map((s) => [s.id, s]));
  const ordered = [...statuses].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const rows = breakdown(
    projects,
    (p) => (p.statusId && byId.has(p.statusId) ? p.statusId : NO_STATUS),
    ordered.map((s) => s.id),
    false,
  );
  return rows
    .map((r) => ({ ...r, name: byId.get(r.key)?.name ?? null }))
    .sort((a, b) => Number(a.key === NO_STATUS) - Number(b.key === NO_STATUS));
}

/** Whether a project or action is done: its status means "done", or (no status known) its progress is 100. */
export function isDone(
  project: DashboardProject,
  statuses: ReadonlyMap<string, DashboardProjectStatus>,
): boolean {
  const status = project.statusId ? statuses.get(project.statusId) : undefined;
  if (status?.meaning) return status.meaning === 'done';
  return project.progress === 100;
}

export interface AreaActions {
  governmentAreaId: string;
  name: string;
  shortName: string;
  /** Actions that name the area (responsible or a commitment's party). */
  actions: number;
  /** Of those, the ones done. */
  done: number;
}

/**
 * Actions by government area: every action that names the area as responsible
 * or as a party to one of its commitments, and how many of them are done.
 * Areas no action names are left out; by actions done, then by name.
 */
export function actionsByGovernmentArea(
  data: Pick<DashboardData, 'projects' | 'governmentAreas' | 'projectStatuses'>,
): AreaActions[] {
  const statuses = new Map((data.projectStatuses ?? []).map((s) => [s.id, s]));
  const areas = new Map(data.governmentAreas.map((a) => [a.id, a]));
  const rows = new Map<string, AreaActions>();
  for (const p of data.projects) {
    if (p.kind !== 'action') continue;
    const named = new Set(p.governmentAreaIds);
    for (const c of p.commitments) if (c.who.governmentAreaId) named.add(c.who.governmentAreaId);
    const done = isDone(p, statuses);
    for (const id of named) {
      const area = areas.get(id);
      const row = rows.get(id) ?? {
        governmentAreaId: id,
        name: area?.name ?? id,
        shortName: area?.shortName ?? id,
        actions: 0,
        done: 0,
      };
      row.actions += 1;
      if (done) row.done += 1;
      rows.set(id, row);
    }
  }
  return [...rows.values()].sort((a, b) => b.done - a.done || a.name.localeCompare(b.name, 'es-MX'));
}
