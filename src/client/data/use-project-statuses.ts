/**
 * The follow-up's project statuses for screens (project-statuses.repository.ts):
 * live reads and the coordinators' edits, all on the device.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ProjectStatus } from '../../domain';
import { getDb } from './current-db';
import * as statuses from './project-statuses.repository';
import type { EditOptions } from './records.repository';

export type { ProjectStatusInput, ProjectStatusView } from './project-statuses.repository';

/** Every status, active or not, in its order (undefined while loading). */
export function useProjectStatuses(): statuses.ProjectStatusView[] | undefined {
  return useLiveQuery(() => statuses.listProjectStatuses(getDb()), []);
}

export const createProjectStatus = (input: statuses.ProjectStatusInput) =>
  statuses.createProjectStatus(getDb(), input);
export const updateProjectStatus = (id: string, patch: Partial<ProjectStatus>, options?: EditOptions) =>
  statuses.updateProjectStatus(getDb(), id, patch, options);
export const setProjectStatusActive = (id: string, active: boolean) =>
  statuses.setProjectStatusActive(getDb(), id, active);
export const moveProjectStatus = (id: string, step: -1 | 1) => statuses.moveProjectStatus(getDb(), id, step);
