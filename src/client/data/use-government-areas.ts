/**
 * The borough's government areas for screens (government-areas.repository.ts):
 * live reads and the coordinators' edits, all on the device.
 */
import { boundCommand, liveRead } from './device-bindings';
import * as areas from './government-areas.repository';

export type { GovernmentAreaInput, GovernmentAreaView } from './government-areas.repository';

/** Every area, active or not, by name (undefined while loading). */
export const useGovernmentAreas = liveRead(areas.listGovernmentAreas);

/** The areas a new project may name. */
export const useActiveGovernmentAreas = liveRead(areas.listActiveGovernmentAreas);

export const useGovernmentArea = liveRead(areas.getGovernmentArea);

// Coordinators' edits: local writes that sync.
export const createGovernmentArea = boundCommand(areas.createGovernmentArea);
export const updateGovernmentArea = boundCommand(areas.updateGovernmentArea);
export const setGovernmentAreaActive = boundCommand(areas.setGovernmentAreaActive);
