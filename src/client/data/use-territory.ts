/**
 * The borough's territory for screens: neighbourhood units and directorates
 * (territory.repository.ts), and the coordinators' import of units from a
 * GeoJSON file, which needs the network (net/import-api.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Directorate } from '../../domain';
import { IMPORT_TIMEOUT_MS, importTerritoryFile } from '../net/import-api';
import { accountApi } from './account.repository';
import { getDb } from './current-db';
import type { EditOptions } from './records.repository';
import * as territory from './territory.repository';

export type { DirectorateView, UnitView } from './territory.repository';
export type { TerritoryImportReport } from '../../domain';
export { ImportFileError, type ImportFileProblem } from '../net/import-api';
export { ValidationError } from './errors';

/** All units, by key (undefined while loading). */
export function useUnits(): territory.UnitView[] | undefined {
  return useLiveQuery(() => territory.listUnits(getDb()), []);
}

/** The units with these keys, in the order given (keys this device does not know left out). */
export function useUnitsByKeys(keys: readonly string[]): territory.UnitView[] | undefined {
  const dep = keys.join(',');
  return useLiveQuery(() => territory.listUnitsByKeys(getDb(), dep ? dep.split(',') : []), [dep]);
}

export function useDirectorates(): territory.DirectorateView[] | undefined {
  return useLiveQuery(() => territory.listDirectorates(getDb()), []);
}

// Coordinators' edits: local writes that sync.
export const createDirectorate = (input: Directorate) => territory.createDirectorate(getDb(), input);
export const updateDirectorate = (id: string, patch: Partial<Directorate>, options?: EditOptions) =>
  territory.updateDirectorate(getDb(), id, patch, options);
/** Creates Dirección Territorial 1…13 when none exist yet (returns how many it created). */
export const createDefaultDirectorates = () => territory.createDefaultDirectorates(getDb());
export const assignUnitsToDirectorate = (unitIds: readonly string[], directorateId: string | null) =>
  territory.assignUnitsToDirectorate(getDb(), unitIds, directorateId);
export const setUnitPrioritised = (unitId: string, prioritised: boolean) =>
  territory.setUnitPrioritised(getDb(), unitId, prioritised);

/** Coordinators: imports neighbourhood units from a GeoJSON file on the server (needs the network). */
export const importTerritory = (file: Blob) =>
  importTerritoryFile(accountApi(getDb(), '', IMPORT_TIMEOUT_MS), file);
