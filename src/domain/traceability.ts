/**
 * Traceability from the street to the Agenda and back (issue 12): a tour note
 * → the problems it evidences → the projects that answer them → the Agenda
 * versions that include those projects; and a project → its problems → their
 * notes and photos, and the prioritisation votes that ranked them.
 *
 * Problems merged during the self-diagnosis are followed: a note evidencing a
 * problem later merged into another evidences the survivor, and a project
 * that names an absorbed problem answers the survivor too.
 */
import type { AgendaVersionRecord } from './agenda';
import { sortAgendaVersions } from './agenda';
import type { Problem } from './entities/problem';
import type { Round } from './entities/prioritisation';
import type { TourNote } from './entities/tour-note';
import type { VisionStatement } from './entities/vision';
import { compareCommunityOrder, type ProjectRecord } from './projects';
import { tallyRound, type BallotRecord } from './tally';

type WithId<T> = T & { id: string };
type ProblemRecord = WithId<Problem>;

/** The records of one process traceability reads (live ones; others are ignored where it matters). */
export interface TraceRecords {
  notes: readonly WithId<TourNote>[];
  problems: readonly ProblemRecord[];
  projects: readonly ProjectRecord[];
  visions: readonly WithId<VisionStatement>[];
  rounds: readonly WithId<Round>[];
  ballots: readonly BallotRecord[];
  versions: readonly AgendaVersionRecord[];
}

/** The problem `id` lives on as (following merges; a loop of merges stops where it started). */
export function survivorOf(id: string, problems: readonly ProblemRecord[]): string {
  const byId = new Map(problems.map((p) => [p.id, p]));
  const seen = new Set<string>();
  let at = id;
  while (!seen.has(at)) {
    seen.add(at);
    const next = byId.get(at)?.mergedIntoId;
    if (!next || !byId.has(next)) break;
    at = next;
  }
  return at;
}

/** The ids that stand for the same problem as `id`: its survivor and everything merged into it. */
export function problemFamily(id: string, problems: readonly ProblemRecord[]): Set<string> {
  const survivor = survivorOf(id, problems);
  const family = new Set([survivor, id]);
  for (const p of problems) if (survivorOf(p.id, problems) === survivor) family.add(p.id);
  return family;
}

/** Projects (and actions) that answer any of `problemIds`, in the community's order. */
export function projectsAnswering(
  problemIds: ReadonlySet<string>,
  projects: readonly ProjectRecord[],
): ProjectRecord[] {
  return projects.filter((p) => p.problemIds.some((id) => problemIds.has(id))).sort(compareCommunityOrder);
}

/** Projects that serve the vision statement `visionId`. */
export function projectsServing(visionId: string, projects: readonly ProjectRecord[]): ProjectRecord[] {
  return projects.filter((p) => p.visionIds.includes(visionId)).sort(compareCommunityOrder);
}

/** Agenda versions whose document includes any of `projectIds`, newest first. */
export function versionsIncluding<T extends AgendaVersionRecord>(
  projectIds: ReadonlySet<string>,
  versions: readonly T[],
): T[] {
  return sortAgendaVersions(versions.filter((v) => v.content.projects.some((p) => projectIds.has(p.id))));
}

export interface NoteTrace {
  /** Problems the note evidences, as they stand now (merged ones by their survivor). */
  problems: ProblemRecord[];
  projects: ProjectRecord[];
  versions: AgendaVersionRecord[];
}

/** From a tour note to the problems, projects and Agenda versions it leads to. */
export function traceNote(noteId: string, records: TraceRecords): NoteTrace {
  const byId = new Map(records.problems.map((p) => [p.id, p]));
  const survivors = new Set(
    records.problems
      .filter((p) => p.noteIds?.includes(noteId))
      .map((p) => survivorOf(p.id, records.problems)),
  );
  const family = new Set<string>();
  for (const id of survivors) for (const member of problemFamily(id, records.problems)) family.add(member);
  const projects = projectsAnswering(family, records.projects);
  return {
    problems: [...survivors].flatMap((id) => byId.get(id) ?? []),
    projects,
    versions: versionsIncluding(new Set(projects.map((p) => p.id)), records.versions),
  };
}

export interface ProblemVote {
  roundId: string;
  title: string;
  sessionId: string;
  status: Round['status'];
  method: Round['method'];
  rank: number;
  tied: boolean;
  points: number;
  /** How many problems were on the ballot. */
  of: number;
}

export interface ProblemTrace {
  problem: ProblemRecord;
  /** Tour notes evidencing it or a problem merged into it; their photos come with them. */
  notes: WithId<TourNote>[];
  /** Rounds that had it (or a problem merged into it) on the ballot, with its place. */
  votes: ProblemVote[];
}

export interface ProjectTrace {
  project: ProjectRecord;
  problems: ProblemTrace[];
  visions: WithId<VisionStatement>[];
  versions: AgendaVersionRecord[];
}

/** From a project back to its problems, their notes and photos, the votes that ranked them, and the versions that include it. */
export function traceProject(projectId: string, records: TraceRecords): ProjectTrace | null {
  const project = records.projects.find((p) => p.id === projectId);
  if (!project) return null;
  const byId = new Map(records.problems.map((p) => [p.id, p]));
  const notesById = new Map(records.notes.map((n) => [n.id, n]));
  const survivors = [...new Set(project.problemIds.map((id) => survivorOf(id, records.problems)))];
  const problems = survivors.flatMap((id): ProblemTrace[] => {
    const problem = byId.get(id);
    if (!problem) return [];
    const family = problemFamily(id, records.problems);
    const noteIds = new Set([...family].flatMap((f) => byId.get(f)?.noteIds ?? []));
    const votes = records.rounds
      .filter((r) => r.options.some((o) => family.has(o.problemId)))
      .flatMap((round): ProblemVote[] => {
        const row = tallyRound(round, records.ballots).rows.find((r) => family.has(r.problemId));
        if (!row) return [];
        const { id: roundId, title, sessionId, status, method } = round;
        return [
          {
            roundId,
            title,
            sessionId,
            status,
            method,
            rank: row.rank,
            tied: row.tied,
            points: row.points,
            of: round.options.length,
          },
        ];
      });
    return [{ problem, notes: [...noteIds].flatMap((n) => notesById.get(n) ?? []), votes }];
  });
  const visionIds = new Set(project.visionIds);
  return {
    project,
    problems,
    visions: records.visions.filter((v) => visionIds.has(v.id)),
    versions: versionsIncluding(new Set([project.id]), records.versions),
  };
}
