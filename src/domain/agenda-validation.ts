/**
 * Validation of a Local Agenda version in a Community Assembly (stage 9),
 * ADR 0006: what must hold before the result is recorded, which validation
 * records stand (append-only, corrected by superseding records), and the
 * stage the process reaches when a version is approved.
 */
import {
  agendaApproved,
  type AgendaValidation,
  type AgendaVersion,
  type AgendaVotes,
} from './entities/agenda';
import type { Process } from './entities/process';
import { attendanceTotal, type Session } from './entities/session';
import { advanceStagePatch } from './process-stages';
import { compareTimes, resolveSupersession, type SupersedeOutcome } from './supersede';
import type { RoundResult } from './tally';

export type AgendaValidationRecord = AgendaValidation & { id: string };

export type ValidationProblem =
  | 'version_other_process'
  | 'version_already_validated'
  | 'session_other_process'
  | 'session_not_assembly'
  | 'votes_exceed_attendance'
  | 'no_votes';

/**
 * What stops putting `version` to the assembly in `session` with these votes
 * (empty when the result may be recorded). The session must be a Community
 * Assembly of the same process, the version a draft of it, and no more votes
 * than attendees when the attendance was recorded.
 */
export function validationProblems(
  processId: string,
  version: Pick<AgendaVersion, 'processId' | 'status'>,
  session: Pick<Session, 'processId' | 'type' | 'attendance'>,
  votes: AgendaVotes,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (version.processId !== processId) problems.push('version_other_process');
  if (version.status === 'validated') problems.push('version_already_validated');
  if (session.processId !== processId) problems.push('session_other_process');
  if (session.type !== 'community_assembly') problems.push('session_not_assembly');
  const cast = votes.for + votes.against + votes.abstain;
  const attendance = attendanceTotal(session.attendance);
  if (cast === 0) problems.push('no_votes');
  if (attendance > 0 && cast > attendance) problems.push('votes_exceed_attendance');
  return problems;
}

/**
 * The fields of the validation record for these votes: `approved` by the
 * rule, the session's attendance as the quorum context.
 */
export function validationRecord(input: {
  processId: string;
  agendaVersionId: string;
  session: Pick<Session, 'attendance'> & { id: string };
  method: AgendaValidation['method'];
  roundId?: string | null;
  votes: AgendaVotes;
  recordedAt: string;
  supersedes?: string | null;
  reason?: string | null;
}): AgendaValidation {
  const record: AgendaValidation = {
    processId: input.processId,
    agendaVersionId: input.agendaVersionId,
    sessionId: input.session.id,
    method: input.method,
    votes: { ...input.votes },
    attendance: attendanceTotal(input.session.attendance),
    approved: agendaApproved(input.votes),
    recordedAt: input.recordedAt,
  };
  if (input.roundId) record.roundId = input.roundId;
  if (input.supersedes) {
    record.supersedes = input.supersedes;
    record.reason = input.reason ?? null;
  }
  return record;
}

/**
 * For, against and abstain from a pass-the-tablet round whose three options
 * stand for them (`choices` names the option id of each): each one's points
 * are its votes (a dot-voting round with one dot per person).
 */
export function votesFromRound(
  result: Pick<RoundResult, 'rows'>,
  choices: { for: string; against: string; abstain: string },
): AgendaVotes {
  const points = (id: string) => Math.round(result.rows.find((r) => r.problemId === id)?.points ?? 0);
  return { for: points(choices.for), against: points(choices.against), abstain: points(choices.abstain) };
}

/** Which validation records stand (a correction replaces what it supersedes; ADR 0003). */
export function resolveValidations<T extends AgendaValidationRecord>(
  records: readonly T[],
): SupersedeOutcome<T & { at: string }> {
  return resolveSupersession(records.map((r) => ({ ...r, at: r.recordedAt })));
}

/** The standing validation of `versionId` (the latest recorded, when several stand), or null. */
export function validationOf<T extends AgendaValidationRecord>(
  versionId: string,
  records: readonly T[],
): (T & { at: string }) | null {
  const standing = resolveValidations(records.filter((r) => r.agendaVersionId === versionId)).current;
  standing.sort((a, b) => compareTimes(b.at, a.at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return standing[0] ?? null;
}

/**
 * The stage rule: an approved validation moves the process to stage 9
 * (`validation`) with the assembly's session as evidence, on `today`; null
 * when the version was not approved or the process is already there or beyond.
 */
export function validationStagePatch(
  process: Pick<Process, 'stage' | 'stageHistory'>,
  validation: Pick<AgendaValidation, 'approved' | 'sessionId'>,
  today: string,
  processSessionIds: readonly string[],
): Pick<Process, 'stage' | 'stageHistory'> | null {
  if (!validation.approved) return null;
  return advanceStagePatch(process, 'validation', [validation.sessionId], today, processSessionIds);
}
