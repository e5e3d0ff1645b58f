/**
 * The office's data as one table per entity, for CSV and XLSX: Spanish
 * headers, codes alongside their labels, ids as join keys. Lists inside a
 * record (a session's agreements and attendance, a project's commitments,
 * a rubric score's levels) are tables of their own that carry the parent's id.
 * Filtered like the dashboards (dashboard.ts): the directorate keeps its
 * processes and their records; the dates keep sessions (with their
 * agreements and attendance), tour notes and rubric scores.
 */
import {
  filterDashboardData,
  inDateRange,
  NO_DIRECTORATE,
  type DashboardData,
  type DashboardFilter,
  type FilteredData,
} from '../dashboard';
import { stageNumber } from '../entities/process';
import type { TourNote } from '../entities/tour-note';
import { context, yesNo, type Context, type FilteredExportData } from './export-context';
import type { ExportTable, Labeller } from './table';
import { sessions, tourNotes } from './tables-sessions';
import { projects, rubricLevels } from './tables-projects';

export type { FilteredExportData } from './export-context';

export type ExportData = DashboardData & { tourNotes: readonly (TourNote & { id: string })[] };

export function filterExportData(data: ExportData, filter: DashboardFilter): FilteredExportData {
  const filtered = filterDashboardData(data, filter);
  const ids = new Set(filtered.processes.map((p) => p.id));
  return {
    ...filtered,
    tourNotes: data.tourNotes.filter((n) => ids.has(n.processId) && inDateRange(n.takenAt, filter)),
  };
}

function processes({ data, label, directorateName }: Context): ExportTable {
  return {
    name: 'procesos',
    sheet: 'Procesos',
    headers: [
      'ID proceso',
      'Nombre',
      'Unidades (claves)',
      'Dirección territorial (id)',
      'Dirección territorial',
      'Etapa (código)',
      'Etapa (número)',
      'Etapa',
      'Integrantes del colectivo',
      'Descripción',
    ],
    rows: data.processes.map((p) => {
      const d = data.directorateOf.get(p.id) ?? NO_DIRECTORATE;
      return [
        p.id,
        p.name,
        p.unitKeys.join(' '),
        d === NO_DIRECTORATE ? '' : d,
        directorateName(d),
        p.stage,
        stageNumber(p.stage),
        label('stage', p.stage),
        p.collective?.memberCount ?? null,
        p.description ?? '',
      ];
    }),
  };
}

function units({ data, label, directorateName }: Context, filter: DashboardFilter): ExportTable {
  const byUnit = unitStages(data);
  const list = filter.directorateId
    ? data.units.filter((u) => (u.directorateId ?? NO_DIRECTORATE) === filter.directorateId)
    : data.units;
  return {
    name: 'unidades',
    sheet: 'Unidades territoriales',
    headers: [
      'Clave',
      'Nombre',
      'Población',
      'Dirección territorial (id)',
      'Dirección territorial',
      'Priorizada',
      'Procesos (id)',
      'Etapa más avanzada (código)',
      'Etapa más avanzada',
    ],
    rows: [...list]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((u) => {
        const s = byUnit.get(u.key);
        return [
          u.key,
          u.name,
          u.population,
          u.directorateId ?? '',
          directorateName(u.directorateId ?? NO_DIRECTORATE),
          yesNo(u.prioritised),
          s?.processIds.join(' ') ?? '',
          s?.stage ?? '',
          s ? label('stage', s.stage) : '',
        ];
      }),
  };
}

/** For each unit key, the processes covering it and the most advanced of their stages. */
export function unitStages(
  data: Pick<FilteredData, 'processes'>,
): Map<
  string,
  { processIds: string[]; processNames: string[]; stage: FilteredData['processes'][number]['stage'] }
> {
  const out = new Map<
    string,
    { processIds: string[]; processNames: string[]; stage: FilteredData['processes'][number]['stage'] }
  >();
  for (const p of data.processes) {
    for (const key of p.unitKeys) {
      const entry = out.get(key) ?? { processIds: [], processNames: [], stage: p.stage };
      entry.processIds.push(p.id);
      entry.processNames.push(p.name);
      if (stageNumber(p.stage) > stageNumber(entry.stage)) entry.stage = p.stage;
      out.set(key, entry);
    }
  }
  return out;
}

/** The export's tables, in order; each is built on its own so a screen can report progress between them. */
export const EXPORT_TABLES: {
  name: string;
  build: (c: Context, filter: DashboardFilter) => ExportTable[];
}[] = [
  { name: 'procesos', build: (c) => [processes(c)] },
  { name: 'unidades', build: (c, f) => [units(c, f)] },
  { name: 'sesiones', build: (c) => sessions(c) },
  { name: 'proyectos', build: (c) => projects(c) },
  { name: 'notas_recorrido', build: (c) => [tourNotes(c)] },
  { name: 'rubricas', build: (c) => [rubricLevels(c)] },
];

export function exportContext(data: FilteredExportData, label: Labeller): Context {
  return context(data, label);
}

/** Every table at once (tests, scripts); screens go through `EXPORT_TABLES` to show progress. */
export function buildExportTables(data: ExportData, filter: DashboardFilter, label: Labeller): ExportTable[] {
  const c = context(filterExportData(data, filter), label);
  return EXPORT_TABLES.flatMap((t) => t.build(c, filter));
}
