/**
 * The borough's government areas for screens (government-areas.repository.ts):
 * live reads and the coordinators' edits, all on the device.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { GovernmentArea } from '../../domain';
import { getDb } from './current-db';
import * as areas from './government-areas.repository';
import type { EditOptions } from './records.repository';
import { useDeviceRead } from './use-device-read';

export type { GovernmentAreaInput, GovernmentAreaView } from './government-areas.repository';

/** Every area, active or not, by name (undefined while loading). */
export function useGovernmentAreas(): areas.GovernmentAreaView[] | undefined {
  return useLiveQuery(() => areas.listGovernmentAreas(getDb()), []);
}

/** The areas a new project may name. */
export function useActiveGovernmentAreas(): areas.GovernmentAreaView[] | undefined {
  return useLiveQuery(() => areas.listActiveGovernmentAreas(getDb()), []);
}

export function useGovernmentArea(id: string): areas.GovernmentAreaView | null | undefined {
  return useDeviceRead(areas.getGovernmentArea, id);
}

// Coordinators' edits: local writes that sync.
export const createGovernmentArea = (input: areas.GovernmentAreaInput) =>
  areas.createGovernmentArea(getDb(), input);
export const updateGovernmentArea = (id: string, patch: Partial<GovernmentArea>, options?: EditOptions) =>
  areas.updateGovernmentArea(getDb(), id, patch, options);
export const setGovernmentAreaActive = (id: string, active: boolean) =>
  areas.setGovernmentAreaActive(getDb(), id, active);
