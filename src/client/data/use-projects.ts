/**
 * Projects and actions for screens (projects.repository.ts): live reads of a
 * process's projects, one project, its actions, and the writes, all on the
 * device.
 */
import type { Project } from '../../domain';
import { getDb } from './current-db';
import * as projects from './projects.repository';
import type { EditOptions } from './records.repository';
import { useDeviceRead } from './use-device-read';

export type { ProjectInput, ProjectView } from './projects.repository';
export { ProjectParentError } from './projects.repository';

/** The process's projects and actions in the community's order (undefined while loading). */
export function useProjects(processId: string): projects.ProjectView[] | undefined {
  return useDeviceRead(projects.listProjects, processId);
}

/** One project; null when it does not exist on this device (or was deleted). */
export function useProject(id: string): projects.ProjectView | null | undefined {
  return useDeviceRead(projects.getProject, id);
}

/** A project's actions in the community's order. */
export function useProjectChildren(id: string): projects.ProjectView[] | undefined {
  return useDeviceRead(projects.listProjectChildren, id);
}

export const createProject = (input: projects.ProjectInput) => projects.createProject(getDb(), input);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateProject = (id: string, patch: Partial<Project>, options?: EditOptions) =>
  projects.updateProject(getDb(), id, patch, options);
export const deleteProject = (id: string) => projects.deleteProject(getDb(), id);
/** One place up (-1) or down (+1) among its siblings; false at either end. */
export const moveProject = (id: string, step: -1 | 1) => projects.moveProject(getDb(), id, step);
