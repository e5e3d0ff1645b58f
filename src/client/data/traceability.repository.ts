/**
 * Traceability on the device (domain/traceability.ts): from a tour note to
 * the problems it evidences and the projects that answer them, and from a
 * project back to its problems, their notes and photos, and the votes that
 * ranked them. Read-only: it gathers one process's records and hands them
 * to the domain's pure functions, so it works offline on whatever this
 * device holds (records not yet synced in are simply not followed).
 */
import {
  isAgendaRound,
  problemFamily,
  projectsAnswering,
  tallyRound,
  traceNote,
  traceProject,
  type NoteTrace,
  type ProjectRecord,
  type ProjectTrace,
  type ThematicArea,
  type TraceRecords,
} from '../../domain';
import type { TequioDb } from './db';
import { getLive, liveViews } from './records.repository';

/** Every record of the process that traceability follows (live ones). */
export async function loadTraceRecords(db: TequioDb, processId: string): Promise<TraceRecords> {
  const [notes, problems, projects, visions, rounds, versions] = await Promise.all([
    db.tourNotes.where('fields.processId').equals(processId).toArray(),
    db.problems.where('fields.processId').equals(processId).toArray(),
    db.projects.where('fields.processId').equals(processId).toArray(),
    db.visionStatements.where('fields.processId').equals(processId).toArray(),
    db.rounds.where('fields.processId').equals(processId).toArray(),
    db.agendaVersions.where('fields.processId').equals(processId).toArray(),
  ]);
  const liveRounds = liveViews(rounds).filter((r) => !isAgendaRound(r));
  const ballots = await db.ballots
    .where('fields.roundId')
    .anyOf(liveRounds.map((r) => r.id))
    .toArray();
  return {
    notes: liveViews(notes),
    problems: liveViews(problems),
    projects: liveViews(projects),
    visions: liveViews(visions),
    rounds: liveRounds,
    ballots: liveViews(ballots),
    versions: liveViews(versions),
  };
}

/** A project traced back to its problems, notes, photos and votes; null when this device does not hold it. */
export async function getProjectTrace(db: TequioDb, projectId: string): Promise<ProjectTrace | null> {
  const project = await getLive(db, 'project', projectId);
  if (!project) return null;
  return traceProject(projectId, await loadTraceRecords(db, project.processId));
}

/** A tour note followed to its problems, the projects that answer them and the Agenda versions. */
export async function getNoteTrace(db: TequioDb, noteId: string): Promise<NoteTrace | null> {
  const note = await getLive(db, 'tourNote', noteId);
  if (!note) return null;
  return traceNote(noteId, await loadTraceRecords(db, note.processId));
}

/** The projects and actions that answer a problem (or one merged with it), in the community's order. */
export async function listProblemProjects(db: TequioDb, problemId: string): Promise<ProjectRecord[]> {
  const problem = await getLive(db, 'problem', problemId);
  if (!problem) return [];
  const records = await loadTraceRecords(db, problem.processId);
  return projectsAnswering(problemFamily(problemId, records.problems), records.projects);
}

/** A problem offered for a vision statement or a project to answer, with its place in the vote. */
export interface ProblemChoice {
  id: string;
  title: string;
  theme: ThematicArea;
  /** Its best rank in the process's closed voting rounds; null when no closed round ranked it. */
  rank: number | null;
}

/**
 * The process's problems (merged ones live on in their survivor): those the
 * community prioritised first, by their best rank in a closed round, then the
 * rest by title.
 */
export async function listProblemChoices(db: TequioDb, processId: string): Promise<ProblemChoice[]> {
  const records = await loadTraceRecords(db, processId);
  const best = new Map<string, number>();
  for (const round of records.rounds.filter((r) => r.status === 'closed')) {
    for (const row of tallyRound(round, records.ballots).rows) {
      const rank = best.get(row.problemId);
      if (row.points > 0 && (rank === undefined || row.rank < rank)) best.set(row.problemId, row.rank);
    }
  }
  const rankOf = (id: string) => best.get(id) ?? Number.POSITIVE_INFINITY;
  return records.problems
    .filter((p) => !p.mergedIntoId)
    .map((p) => ({ id: p.id, title: p.title, theme: p.theme, rank: best.get(p.id) ?? null }))
    .sort(
      (a, b) =>
        rankOf(a.id) - rankOf(b.id) || a.title.localeCompare(b.title, 'es-MX') || a.id.localeCompare(b.id),
    );
}
