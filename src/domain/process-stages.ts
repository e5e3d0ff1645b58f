/**
 * Stage rules of a planning process: which stage comes next, and whether a
 * transition (a new `stageHistory` entry) may be recorded. Pure functions, so
 * the device checks a transition offline exactly as any other device would.
 * Under concurrent edits the whole `stage` and `stageHistory` fields are
 * merged last-writer-wins like any other field; these rules only guard what
 * one person records.
 */
import { PROCESS_STAGES, type Process, type ProcessStage, type StageEntry } from './entities/process';

export type StageProblem =
  'same_stage' | 'date_goes_backwards' | 'evidence_not_in_process' | 'backwards_needs_note';

/** The stage after `stage`, or null at the last one. */
export function nextStage(stage: ProcessStage): ProcessStage | null {
  return PROCESS_STAGES[PROCESS_STAGES.indexOf(stage) + 1] ?? null;
}

/** True when moving from `from` to `to` goes back in the method. */
export function isBackwards(from: ProcessStage, to: ProcessStage): boolean {
  return PROCESS_STAGES.indexOf(to) < PROCESS_STAGES.indexOf(from);
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
  const last = process.stageHistory?.at(-1);
  if (last && entry.reachedAt < last.reachedAt) problems.push('date_goes_backwards');
  const own = new Set(processSessionIds);
  if (entry.sessionIds.some((id) => !own.has(id))) problems.push('evidence_not_in_process');
  if (isBackwards(process.stage, entry.stage) && !entry.note?.trim()) problems.push('backwards_needs_note');
  return problems;
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
  const clean: StageEntry = {
    stage: entry.stage,
    reachedAt: entry.reachedAt,
    sessionIds: [...new Set(entry.sessionIds)],
  };
  if (entry.note?.trim()) clean.note = entry.note.trim();
  return { stage: entry.stage, stageHistory: [...(process.stageHistory ?? []), clean] };
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

export class StageTransitionError extends Error {
  constructor(readonly problems: StageProblem[]) {
    super(`Stage transition refused: ${problems.join(', ')}`);
    this.name = 'StageTransitionError';
  }
}
