/**
 * Traceability for screens (traceability.repository.ts): live, so a project
 * linked on this device (or synced in) shows at once on the note, the
 * problem and the project pages.
 */
import type { NoteTrace, ProjectRecord, ProjectTrace } from '../../domain';
import * as trace from './traceability.repository';
import { useDeviceRead } from './use-device-read';

export type { ProblemChoice } from './traceability.repository';

/** A project traced back to its problems, their notes and photos, and the votes; null when missing. */
export function useProjectTrace(projectId: string): ProjectTrace | null | undefined {
  return useDeviceRead(trace.getProjectTrace, projectId);
}

/** A tour note followed to its problems and the projects that answer them; null when missing. */
export function useNoteTrace(noteId: string): NoteTrace | null | undefined {
  return useDeviceRead(trace.getNoteTrace, noteId);
}

/** The projects and actions that answer a problem (merges followed). */
export function useProblemProjects(problemId: string): ProjectRecord[] | undefined {
  return useDeviceRead(trace.listProblemProjects, problemId);
}

/** The process's problems, prioritised ones first (for vision and project forms). */
export function useProblemChoices(processId: string): trace.ProblemChoice[] | undefined {
  return useDeviceRead(trace.listProblemChoices, processId);
}
