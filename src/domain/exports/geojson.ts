/**
 * GeoJSON (RFC 7946) of the office: the borough's units with the stage of
 * the processes covering them (the most advanced when several do), and the
 * tour notes with their position (domain/geo-export.ts, as a tour's export).
 */
import { NO_DIRECTORATE, type DashboardFilter } from '../dashboard';
import { stageNumber } from '../entities/process';
import type { UnitGeometry } from '../entities/territory';
import { tourNotesToGeoJson } from '../geo-export';
import type { FilteredExportData } from './export-context';
import type { Labeller } from './table';
import { unitStages } from './tables';

export interface UnitFeature {
  type: 'Feature';
  id: string;
  geometry: UnitGeometry;
  properties: {
    clave: string;
    nombre: string;
    poblacion: number;
    direccion_id: string | null;
    direccion: string | null;
    priorizada: boolean;
    procesos: string[];
    procesos_id: string[];
    etapa_codigo: string | null;
    etapa_numero: number | null;
    etapa: string | null;
  };
}

export function unitsGeoJson(
  data: Pick<FilteredExportData, 'units' | 'processes' | 'directorates'>,
  filter: DashboardFilter,
  label: Labeller,
): { type: 'FeatureCollection'; features: UnitFeature[] } {
  const stages = unitStages(data);
  const directorates = new Map(data.directorates.map((d) => [d.id, d.name]));
  const units = filter.directorateId
    ? data.units.filter((u) => (u.directorateId ?? NO_DIRECTORATE) === filter.directorateId)
    : data.units;
  return {
    type: 'FeatureCollection',
    features: [...units]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((u) => {
        const s = stages.get(u.key);
        return {
          type: 'Feature',
          id: u.key,
          geometry: u.geometry,
          properties: {
            clave: u.key,
            nombre: u.name,
            poblacion: u.population,
            direccion_id: u.directorateId ?? null,
            direccion: u.directorateId ? (directorates.get(u.directorateId) ?? null) : null,
            priorizada: u.prioritised,
            procesos: s?.processNames ?? [],
            procesos_id: s?.processIds ?? [],
            etapa_codigo: s?.stage ?? null,
            etapa_numero: s ? stageNumber(s.stage) : null,
            etapa: s ? label('stage', s.stage) : null,
          },
        };
      }),
  };
}

/** The filtered tour notes that have a position, as a FeatureCollection; `withoutLocation` says how many were left out. */
export function tourNotesGeoJson(data: Pick<FilteredExportData, 'tourNotes'>) {
  return tourNotesToGeoJson(data.tourNotes);
}
