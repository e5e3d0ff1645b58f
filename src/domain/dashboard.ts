/**
 * The coordinator's office: the programme's figures, computed on the device
 * from the records it holds (so they work offline and only ever count what
 * the coordinator may read — the server sends nothing else). Pure functions
 * over plain records; every figure is exact (no rounding here: screens format).
 *
 * A process belongs to one directorate: that of the first of its units the
 * device knows (as the rubric averages count it). The directorate filter keeps
 * the processes of that directorate and every record of those processes; the
 * date range keeps dated records (sessions by `date`, rubric scores by
 * `scoredAt`), while coverage, stages and projects show the current state.
 */
import type { Directorate, TerritorialUnit } from './entities/territory';
import type { Process, ProcessStage } from './entities/process';
import { PROCESS_STAGES } from './entities/process';
import type { Session } from './entities/session';
import type { GovernmentArea } from './entities/government-area';
import type { Project } from './entities/project';
import type { RubricScore, RubricTemplate } from './entities/rubric';

type WithId<T> = T & { id: string };
export type DashboardProcess = WithId<Process>;
export type DashboardUnit = WithId<TerritorialUnit>;
export type DashboardDirectorate = WithId<Directorate>;
export type DashboardSession = WithId<Session>;
/** A project; `statusId`, `progress` come with the follow-up (absent on older records). */
export type DashboardProject = WithId<Project> & { statusId?: string | null; progress?: number | null };
/** A project status (reference data of the follow-up); `meaning` says which one is "done". */
export interface DashboardProjectStatus {
  id: string;
  name: string;
  meaning?: string;
  order?: number;
}

export interface DashboardData {
  processes: readonly DashboardProcess[];
  units: readonly DashboardUnit[];
  directorates: readonly DashboardDirectorate[];
  sessions: readonly DashboardSession[];
  projects: readonly DashboardProject[];
  projectStatuses?: readonly DashboardProjectStatus[];
  governmentAreas: readonly WithId<GovernmentArea>[];
  rubricScores: readonly WithId<RubricScore>[];
  rubricTemplates: readonly WithId<RubricTemplate>[];
}

/** The key of "no directorate" in every breakdown and in the filter. */
export const NO_DIRECTORATE = 'none';

export interface DashboardFilter {
  /** A directorate id, `NO_DIRECTORATE`, or null/undefined for the whole borough. */
  directorateId?: string | null;
  /** Inclusive ISO dates (`YYYY-MM-DD`). */
  from?: string | null;
  to?: string | null;
}

/** Each process's directorate id (or `NO_DIRECTORATE`): that of its first unit the device knows. */
export function processDirectorates(
  processes: readonly Pick<DashboardProcess, 'id' | 'unitKeys'>[],
  units: readonly Pick<DashboardUnit, 'key' | 'directorateId'>[],
): Map<string, string> {
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const out = new Map<string, string>();
  for (const p of processes) {
    const unit = p.unitKeys.map((k) => unitByKey.get(k)).find((u) => u !== undefined);
    out.set(p.id, unit?.directorateId ?? NO_DIRECTORATE);
  }
  return out;
}

/** Whether an ISO date or date-time falls in the filter's range (by its calendar date). */
export function inDateRange(date: string, filter: DashboardFilter): boolean {
  const day = date.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  return true;
}

/** The records a filter keeps: processes of the directorate, and their dated records within the range. */
export interface FilteredData extends DashboardData {
  directorateOf: Map<string, string>;
}

export function filterDashboardData(data: DashboardData, filter: DashboardFilter): FilteredData {
  const directorateOf = processDirectorates(data.processes, data.units);
  const wanted = filter.directorateId;
  const processes = wanted
    ? data.processes.filter((p) => directorateOf.get(p.id) === wanted)
    : data.processes;
  const ids = new Set(processes.map((p) => p.id));
  return {
    ...data,
    directorateOf,
    processes,
    sessions: data.sessions.filter((s) => ids.has(s.processId) && inDateRange(s.date, filter)),
    projects: data.projects.filter((p) => ids.has(p.processId)),
    rubricScores: data.rubricScores.filter((s) => ids.has(s.processId) && inDateRange(s.scoredAt, filter)),
  };
}

export interface Coverage {
  processes: number;
  /** Distinct units of the processes that the territory holds. */
  unitsCovered: number;
  unitsTotal: number;
  populationCovered: number;
  /** The borough's population: every unit of the territory. */
  boroughPopulation: number;
  /** populationCovered / boroughPopulation (0 when there is no territory). */
  populationShare: number;
  prioritisedUnits: number;
  prioritisedCovered: number;
  /** prioritisedCovered / prioritisedUnits (0 when none is prioritised). */
  prioritisedShare: number;
}

/**
 * Coverage of the filtered processes. Units, prioritised units and the
 * population covered are counted in the filter's directorate (the whole
 * borough without one): a process that also covers a unit of another
 * directorate counts it there. The population share is always of the whole
 * borough.
 */
export function coverage(
  data: Pick<FilteredData, 'processes' | 'units'>,
  filter: DashboardFilter = {},
): Coverage {
  const inScope = filter.directorateId
    ? data.units.filter((u) => (u.directorateId ?? NO_DIRECTORATE) === filter.directorateId)
    : data.units;
  const unitByKey = new Map(inScope.map((u) => [u.key, u]));
  const covered = new Set<string>();
  for (const p of data.processes) for (const k of p.unitKeys) if (unitByKey.has(k)) covered.add(k);
  const boroughPopulation = data.units.reduce((sum, u) => sum + u.population, 0);
  let populationCovered = 0;
  for (const k of covered) populationCovered += unitByKey.get(k)!.population;
  const prioritised = inScope.filter((u) => u.prioritised);
  const prioritisedCovered = prioritised.filter((u) => covered.has(u.key)).length;
  return {
    processes: data.processes.length,
    unitsCovered: covered.size,
    unitsTotal: inScope.length,
    populationCovered,
    boroughPopulation,
    populationShare: boroughPopulation > 0 ? populationCovered / boroughPopulation : 0,
    prioritisedUnits: prioritised.length,
    prioritisedCovered,
    prioritisedShare: prioritised.length > 0 ? prioritisedCovered / prioritised.length : 0,
  };
}

export interface StageRow {
  /** A directorate id or `NO_DIRECTORATE`. */
  directorateId: string;
  name: string | null;
  number: number | null;
  byStage: Record<ProcessStage, number>;
  total: number;
}

export interface StageTable {
  rows: StageRow[];
  totals: Record<ProcessStage, number>;
  total: number;
}

const zeroStages = (): Record<ProcessStage, number> =>
  Object.fromEntries(PROCESS_STAGES.map((s) => [s, 0])) as Record<ProcessStage, number>;

/** Processes by directorate (rows, by number; "none" last) and stage (columns), with totals. */
export function stagesByDirectorate(
  data: Pick<FilteredData, 'processes' | 'directorates' | 'directorateOf'>,
): StageTable {
  const directorates = new Map(data.directorates.map((d) => [d.id, d]));
  const rows = new Map<string, StageRow>();
  const totals = zeroStages();
  for (const p of data.processes) {
    const d = directorates.get(data.directorateOf.get(p.id) ?? NO_DIRECTORATE);
    const id = d ? d.id : NO_DIRECTORATE;
    const row = rows.get(id) ?? {
      directorateId: id,
      name: d?.name ?? null,
      number: d?.number ?? null,
      byStage: zeroStages(),
      total: 0,
    };
    row.byStage[p.stage] += 1;
    row.total += 1;
    totals[p.stage] += 1;
    rows.set(id, row);
  }
  return {
    rows: [...rows.values()].sort((a, b) => (a.number ?? 1000) - (b.number ?? 1000)),
    totals,
    total: data.processes.length,
  };
}
