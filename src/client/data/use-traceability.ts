/**
 * Traceability for screens (traceability.repository.ts): live, so a project
 * linked on this device (or synced in) shows at once on the note, the
 * problem and the project pages.
 */
import { liveRead } from './device-bindings';
import * as trace from './traceability.repository';

export type { ProblemChoice } from './traceability.repository';

/** A project traced back to its problems, their notes and photos, and the votes; null when missing. */
export const useProjectTrace = liveRead(trace.getProjectTrace);

/** A tour note followed to its problems and the projects that answer them; null when missing. */
export const useNoteTrace = liveRead(trace.getNoteTrace);

/** The projects and actions that answer a problem (merges followed). */
export const useProblemProjects = liveRead(trace.listProblemProjects);

/** The process's problems, prioritised ones first (for vision and project forms). */
export const useProblemChoices = liveRead(trace.listProblemChoices);
