/**
 * Projects and actions for screens (projects.repository.ts): live reads of a
 * process's projects, one project, its actions, and the writes, all on the
 * device.
 */
import { boundCommand, liveRead } from './device-bindings';
import * as projects from './projects.repository';

export type { ProjectInput, ProjectView } from './projects.repository';
export { ProjectParentError } from './projects.repository';

/** The process's projects and actions in the community's order (undefined while loading). */
export const useProjects = liveRead(projects.listProjects);

/** One project; null when it does not exist on this device (or was deleted). */
export const useProject = liveRead(projects.getProject);

/** A project's actions in the community's order. */
export const useProjectChildren = liveRead(projects.listProjectChildren);

export const createProject = boundCommand(projects.createProject);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateProject = boundCommand(projects.updateProject);
export const deleteProject = boundCommand(projects.deleteProject);
/** One place up (-1) or down (+1) among its siblings; false at either end. */
export const moveProject = boundCommand(projects.moveProject);
