/** What the table builders share: the filtered data, the labeller and names by id. */
import { NO_DIRECTORATE, type FilteredData } from '../dashboard';
import type { TourNote } from '../entities/tour-note';
import type { Labeller } from './table';

export type FilteredExportData = FilteredData & { tourNotes: readonly (TourNote & { id: string })[] };

export const yesNo = (value: boolean | undefined | null): string => (value ? 'sí' : 'no');

export interface Context {
  data: FilteredExportData;
  label: Labeller;
  processName: (id: string) => string;
  directorateName: (id: string) => string;
}

export function context(data: FilteredExportData, label: Labeller): Context {
  const processes = new Map(data.processes.map((p) => [p.id, p.name]));
  const directorates = new Map(data.directorates.map((d) => [d.id, d.name]));
  return {
    data,
    label,
    processName: (id) => processes.get(id) ?? '',
    directorateName: (id) => (id === NO_DIRECTORATE ? '' : (directorates.get(id) ?? '')),
  };
}
