/**
 * The follow-up's project statuses for screens (project-statuses.repository.ts):
 * live reads and the coordinators' edits, all on the device.
 */
import { boundCommand, liveRead } from './device-bindings';
import * as statuses from './project-statuses.repository';

export type { ProjectStatusInput, ProjectStatusView } from './project-statuses.repository';

/** Every status, active or not, in its order (undefined while loading). */
export const useProjectStatuses = liveRead(statuses.listProjectStatuses);

export const createProjectStatus = boundCommand(statuses.createProjectStatus);
export const updateProjectStatus = boundCommand(statuses.updateProjectStatus);
export const setProjectStatusActive = boundCommand(statuses.setProjectStatusActive);
export const moveProjectStatus = boundCommand(statuses.moveProjectStatus);
