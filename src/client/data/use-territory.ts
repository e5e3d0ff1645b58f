/**
 * The borough's territory for screens: neighbourhood units and directorates
 * (territory.repository.ts), and the coordinators' import of units from a
 * GeoJSON file, which needs the network (net/import-api.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { IMPORT_TIMEOUT_MS, importTerritoryFile } from '../net/import-api';
import { accountApi } from './account.repository';
import { getDb } from './current-db';
import { boundCommand, liveRead } from './device-bindings';
import * as territory from './territory.repository';

export type { DirectorateView, UnitView } from './territory.repository';
export type { TerritoryImportReport } from '../../domain';
export { ImportFileError, type ImportFileProblem } from '../net/import-api';
export { ValidationError } from './errors';

/** All units, by key (undefined while loading). */
export const useUnits = liveRead(territory.listUnits);

/** The units with these keys, in the order given (keys this device does not know left out). */
export function useUnitsByKeys(keys: readonly string[]): territory.UnitView[] | undefined {
  const dep = keys.join(',');
  return useLiveQuery(() => territory.listUnitsByKeys(getDb(), dep ? dep.split(',') : []), [dep]);
}

export const useDirectorates = liveRead(territory.listDirectorates);

// Coordinators' edits: local writes that sync.
export const createDirectorate = boundCommand(territory.createDirectorate);
export const updateDirectorate = boundCommand(territory.updateDirectorate);
/** Creates Dirección Territorial 1…13 when none exist yet (returns how many it created). */
export const createDefaultDirectorates = boundCommand(territory.createDefaultDirectorates);
export const assignUnitsToDirectorate = boundCommand(territory.assignUnitsToDirectorate);
export const setUnitPrioritised = boundCommand(territory.setUnitPrioritised);

/** Coordinators: imports neighbourhood units from a GeoJSON file on the server (needs the network). */
export const importTerritory = (file: Blob) =>
  importTerritoryFile(accountApi(getDb(), '', IMPORT_TIMEOUT_MS), file);
