/**
 * Stage rules of a planning process: which stage comes next, whether a
 * transition (a new `stageHistory` entry) may be recorded, and what "done"
 * means for each stage. Pure functions, so the device checks a transition
 * offline exactly as any other device would. Under concurrent edits the
 * whole `stage` and `stageHistory` fields are merged last-writer-wins like
 * any other field; these rules only guard what one person records.
 *
 * Stages follow evidence. Reaching a stage (a transition, or a vote closed
 * at stage 1 that moves the process to prioritisation) does not make the
 * stages before it done: a stage before the current one is done only when
 * the device holds evidence of it — what the stage produces (`STAGE_EVIDENCE`:
 * an assembly, members of the Collective, a tour, problems, a closed vote…)
 * or sessions someone recorded as its evidence. Without either it was
 * skipped, and shows so until its evidence is recorded: by doing what the
 * rule names, or by recording sessions for it later (`applyLateStageEvidence`),
 * which does not move the process.
 */
import type { SessionType } from './entities/session';
import { PROCESS_STAGES, type Process, type ProcessStage, type StageEntry } from './entities/process';
import { RefusedError } from './refused';

export type StageProblem =
  | 'same_stage'
  | 'date_goes_backwards'
  | 'evidence_not_in_process'
  | 'backwards_needs_note'
  | 'not_passed_over'
  | 'needs_evidence';

/** The stage after `stage`, or null at the last one. */
export function nextStage(stage: ProcessStage): ProcessStage | null {
  return PROCESS_STAGES[PROCESS_STAGES.indexOf(stage) + 1] ?? null;
}

/** True when moving from `from` to `to` goes back in the method. */
export function isBackwards(from: ProcessStage, to: ProcessStage): boolean {
  return PROCESS_STAGES.indexOf(to) < PROCESS_STAGES.indexOf(from);
}

/** The transitions, without evidence recorded later for stages passed over. */
function transitions(history: readonly StageEntry[] | undefined): StageEntry[] {
  return (history ?? []).filter((entry) => !entry.recordedLater);
}

/**
 * What is wrong with recording `entry` on `process` (empty when it may be
 * recorded). `processSessionIds` are the ids of the process's own sessions:
 * evidence must come from them. Dates are ISO days, so they compare as text.
 */
export function stageEntryProblems(
  process: Pick<Process, 'stage' | 'stageHistory'>,
  entry: StageEntry,
  processSessionIds: readonly string[],
): StageProblem[] {
  const problems: StageProblem[] = [];
  if (entry.stage === process.stage) problems.push('same_stage');
  const last = transitions(process.stageHistory).at(-1);
  if (last && entry.reachedAt < last.reachedAt) problems.push('date_goes_backwards');
  const own = new Set(processSessionIds);
  if (entry.sessionIds.some((id) => !own.has(id))) problems.push('evidence_not_in_process');
  if (isBackwards(process.stage, entry.stage) && !entry.note?.trim()) problems.push('backwards_needs_note');
  return problems;
}

function cleanEntry(entry: StageEntry): StageEntry {
  const clean: StageEntry = {
    stage: entry.stage,
    reachedAt: entry.reachedAt,
    sessionIds: [...new Set(entry.sessionIds)],
  };
  if (entry.note?.trim()) clean.note = entry.note.trim();
  return clean;
}

/**
 * The patch that records `entry`: the new `stage` and the history with the
 * entry appended (one update, so both travel together). Throws when
 * `stageEntryProblems` finds anything.
 */
export function applyStageEntry(
  process: Pick<Process, 'stage' | 'stageHistory'>,
  entry: StageEntry,
  processSessionIds: readonly string[],
): Pick<Process, 'stage' | 'stageHistory'> {
  const problems = stageEntryProblems(process, entry, processSessionIds);
  if (problems.length > 0) throw new StageTransitionError(problems);
  return { stage: entry.stage, stageHistory: [...(process.stageHistory ?? []), cleanEntry(entry)] };
}

/**
 * What is wrong with recording, later, sessions as the evidence of a stage
 * the process has passed over: it must be a stage before the current one,
 * with at least one of the process's own sessions. Any date is accepted (a
 * tour may well happen after the vote that skipped it).
 */
export function lateStageEvidenceProblems(
  process: Pick<Process, 'stage'>,
  entry: StageEntry,
  processSessionIds: readonly string[],
): StageProblem[] {
  const problems: StageProblem[] = [];
  if (!isBackwards(process.stage, entry.stage)) problems.push('not_passed_over');
  if (entry.sessionIds.length === 0) problems.push('needs_evidence');
  const own = new Set(processSessionIds);
  if (entry.sessionIds.some((id) => !own.has(id))) problems.push('evidence_not_in_process');
  return problems;
}

/**
 * The patch that records evidence for a stage passed over: the history with a
 * `recordedLater` entry appended; the current stage does not change. Throws
 * when `lateStageEvidenceProblems` finds anything.
 */
export function applyLateStageEvidence(
  process: Pick<Process, 'stage' | 'stageHistory'>,
  entry: StageEntry,
  processSessionIds: readonly string[],
): Pick<Process, 'stageHistory'> {
  const problems = lateStageEvidenceProblems(process, entry, processSessionIds);
  if (problems.length > 0) throw new StageTransitionError(problems);
  return { stageHistory: [...(process.stageHistory ?? []), { ...cleanEntry(entry), recordedLater: true }] };
}

/**
 * Moves the process forward to `stage` with `sessionIds` as evidence, on the
 * day `today` (or the last recorded day, if that is later): the patch, or null
 * when the process is already at `stage` or beyond it (a method step done again
 * never moves a process back). Throws like `applyStageEntry`.
 */
export function advanceStagePatch(
  process: Pick<Process, 'stage' | 'stageHistory'>,
  stage: ProcessStage,
  sessionIds: readonly string[],
  today: string,
  processSessionIds: readonly string[],
): Pick<Process, 'stage' | 'stageHistory'> | null {
  if (PROCESS_STAGES.indexOf(process.stage) >= PROCESS_STAGES.indexOf(stage)) return null;
  const last = process.stageHistory?.at(-1)?.reachedAt;
  const reachedAt = last && last > today ? last : today;
  return applyStageEntry(process, { stage, reachedAt, sessionIds: [...sessionIds] }, processSessionIds);
}

/** The latest entry for each stage: when it was (last) reached and its evidence. */
export function latestEntryByStage(
  history: readonly StageEntry[] | undefined,
): Map<ProcessStage, StageEntry> {
  const byStage = new Map<ProcessStage, StageEntry>();
  for (const entry of history ?? []) byStage.set(entry.stage, entry);
  return byStage;
}

/** What the device holds of a process's work: the facts the stage rules read. */
export interface StageFacts {
  /** Residents in the Planning Collective (counted, named or not). */
  collectiveMembers: number;
  /** The types of the process's sessions (one per session). */
  sessionTypes: readonly SessionType[];
  /** Problems recorded in its self-diagnosis. */
  problems: number;
  /** Prioritisation votes closed. */
  closedRounds: number;
}

/**
 * What "done" means, stage by stage: the evidence of it the app itself
 * holds. Stages whose product the app does not record yet (vision, projects,
 * agenda, validation) are done only by sessions recorded as their evidence.
 */
export const STAGE_EVIDENCE: Record<ProcessStage, (facts: StageFacts) => boolean> = {
  /** A Community Assembly was held. */
  convening: (f) => f.sessionTypes.includes('community_assembly'),
  /** The Planning Collective has members. */
  collective: (f) => f.collectiveMembers > 0,
  /** A territorial tour was walked. */
  tour: (f) => f.sessionTypes.includes('territorial_tour'),
  /** Problems were identified. */
  self_diagnosis: (f) => f.problems > 0,
  /** The community voted, and the vote was closed. */
  prioritisation: (f) => f.closedRounds > 0,
  vision: () => false,
  projects: () => false,
  agenda: () => false,
  validation: () => false,
  /** A follow-up meeting was held. */
  follow_up: (f) => f.sessionTypes.includes('follow_up_meeting'),
};

/** `done`: evidence held; `skipped`: passed over without evidence; `current`; `todo`: not reached yet. */
export type StageState = 'done' | 'current' | 'skipped' | 'todo';

export interface StageStatus {
  stage: ProcessStage;
  state: StageState;
  /** The latest entry recorded for the stage, if any (when it was reached). */
  entry: StageEntry | undefined;
  /** Why it is done: what the stage produced (`facts`) or sessions recorded as its evidence (`sessions`). */
  evidence: 'facts' | 'sessions' | null;
}

/**
 * The ten stages as they stand: the current one; those after it not reached
 * yet; those before it done when there is evidence of them (`STAGE_EVIDENCE`,
 * or an entry for the stage with sessions as evidence), else skipped. With
 * `facts` unknown (not read yet), only recorded sessions count.
 */
export function stageStatuses(
  process: Pick<Process, 'stage' | 'stageHistory'>,
  facts: StageFacts | null,
): StageStatus[] {
  const latest = latestEntryByStage(process.stageHistory);
  const withSessions = new Set(
    (process.stageHistory ?? []).filter((e) => e.sessionIds.length > 0).map((e) => e.stage),
  );
  const current = PROCESS_STAGES.indexOf(process.stage);
  return PROCESS_STAGES.map((stage, index) => {
    const evidence =
      facts && STAGE_EVIDENCE[stage](facts) ? 'facts' : withSessions.has(stage) ? 'sessions' : null;
    const state: StageState =
      index === current ? 'current' : index > current ? 'todo' : evidence ? 'done' : 'skipped';
    return { stage, state, entry: latest.get(stage), evidence };
  });
}

export class StageTransitionError extends RefusedError<StageProblem> {
  constructor(problems: StageProblem[]) {
    super('StageTransitionError', 'Stage transition', problems);
  }
}
