/**
 * The Local Agenda on the device (ADR 0006): its versions, assembled from the
 * process's records held here, and their validation in a Community Assembly.
 *
 * Offline: assembling reads only this device's database (`assembleAgenda` is
 * pure), and every write is a local write (record + outbox in one
 * transaction, records.repository.ts). A version stores its whole document
 * (`content`), so reading or printing it never reads the records again.
 *
 * Under conflict: a draft is an ordinary record (last-writer-wins per field);
 * two tablets may both make "version 3", shown side by side by id. A
 * validated version is frozen: this repository refuses to change it
 * (AgendaFrozenError) and the server refuses it for every role; editing after
 * validation makes a new draft with the next number. The assembly's vote,
 * which validates a version, is in agenda-validations.repository.ts.
 */
import {
  assembleAgenda,
  isAgendaFrozen,
  newAgendaDraft,
  newId,
  projectOutline,
  sortAgendaVersions,
  type AgendaContent,
  type AgendaSources,
  type AgendaVersion,
  type ProjectKind,
} from '../../domain';
import type { TequioDb } from './db';
import { listGovernmentAreas } from './government-areas.repository';
import { listProjects } from './projects.repository';
import { getLive, liveViews, requireLive, writeLocal, type View } from './records.repository';
import { listUnitsByKeys } from './territory.repository';
import { listVisions } from './vision.repository';

export type AgendaVersionView = View<AgendaVersion>;

/** A project or action that may go in the Agenda, as the chooser lists it. */
export interface AgendaProjectChoice {
  id: string;
  title: string;
  kind: ProjectKind;
  /** "2", "2.1": its place in the community's order. */
  outline: string;
  parentId: string | null;
}

/** What the assembler is asked: the changelog line and the projects and actions to include. */
export interface AssembleInput {
  changelog: string;
  /** Default: every project and action of the process. */
  projectIds?: readonly string[];
}

/** A version that the assembly approved: no one changes it; edits make a new draft. */
export class AgendaFrozenError extends Error {
  constructor(readonly versionId: string) {
    super(`Agenda version ${versionId} is validated and cannot change`);
    this.name = 'AgendaFrozenError';
  }
}

const byProcess = (processId: string) => ({ index: 'fields.processId', value: processId });

/** The live records of the process that the document is made from, all read from this device. */
export async function readAgendaSources(db: TequioDb, processId: string): Promise<AgendaSources> {
  const tables = [
    db.processes,
    db.units,
    db.sessions,
    db.problems,
    db.rounds,
    db.ballots,
    db.visionStatements,
    db.projects,
    db.governmentAreas,
  ];
  return db.transaction('r', tables, async () => {
    const process = await requireLive(db, 'process', processId);
    const { index, value } = byProcess(processId);
    const rounds = liveViews(await db.rounds.where(index).equals(value).toArray());
    const ballots = rounds.length
      ? liveViews(
          await db.ballots
            .where('fields.roundId')
            .anyOf(rounds.map((r) => r.id))
            .toArray(),
        )
      : [];
    return {
      process,
      units: await listUnitsByKeys(db, process.unitKeys),
      sessions: liveViews(await db.sessions.where(index).equals(value).toArray()),
      problems: liveViews(await db.problems.where(index).equals(value).toArray()),
      rounds,
      ballots,
      visions: await listVisions(db, processId),
      projects: await listProjects(db, processId),
      governmentAreas: await listGovernmentAreas(db),
    };
  });
}

/** The process's projects and actions in the community's order (actions under their project). */
export async function listAgendaProjectChoices(
  db: TequioDb,
  processId: string,
): Promise<AgendaProjectChoice[]> {
  return projectOutline(await listProjects(db, processId)).map(({ project, outline, parentId }) => ({
    id: project.id,
    title: project.title,
    kind: project.kind,
    outline,
    parentId,
  }));
}

/** The process's versions, newest first. */
export async function listAgendaVersions(db: TequioDb, processId: string): Promise<AgendaVersionView[]> {
  const rows = await db.agendaVersions.where('fields.processId').equals(processId).toArray();
  return sortAgendaVersions(liveViews(rows));
}

export function getAgendaVersion(db: TequioDb, id: string): Promise<AgendaVersionView | null> {
  return getLive(db, 'agendaVersion', id);
}

/** The document of the process as this device holds it now (nothing is written). */
export async function assembleContent(
  db: TequioDb,
  processId: string,
  projectIds?: readonly string[],
  now: Date = new Date(),
): Promise<AgendaContent> {
  const sources = await readAgendaSources(db, processId);
  return assembleAgenda(sources, {
    assembledAt: now.toISOString(),
    ...(projectIds ? { projectIds } : {}),
  });
}

/**
 * "Armar la Agenda": assembles the document from what this device holds and
 * stores it as a new draft, numbered after the process's last version.
 * Returns the new version's id. Throws ValidationError (nothing written).
 */
export async function createAgendaDraft(
  db: TequioDb,
  processId: string,
  input: AssembleInput,
  now: Date = new Date(),
): Promise<string> {
  const content = await assembleContent(db, processId, input.projectIds, now);
  const id = newId();
  await db.transaction('rw', [db.agendaVersions, db.outbox, db.meta], async () => {
    const versions = await listAgendaVersions(db, processId);
    const draft = newAgendaDraft(processId, versions, content, input.changelog.trim());
    await writeLocal(db, 'agendaVersion', id, { op: 'put', fields: draft });
  });
  return id;
}

/**
 * Assembles a draft again from the records as they are now (and the projects
 * chosen), with a new changelog line. A validated version is never changed:
 * AgendaFrozenError — make a new draft instead.
 */
export async function reassembleAgendaDraft(
  db: TequioDb,
  versionId: string,
  input: AssembleInput,
  now: Date = new Date(),
): Promise<void> {
  const current = await requireLive(db, 'agendaVersion', versionId);
  if (isAgendaFrozen(current)) throw new AgendaFrozenError(versionId);
  const content = await assembleContent(db, current.processId, input.projectIds, now);
  await db.transaction('rw', [db.agendaVersions, db.outbox, db.meta], async () => {
    const stored = await requireLive(db, 'agendaVersion', versionId);
    if (isAgendaFrozen(stored)) throw new AgendaFrozenError(versionId);
    await writeLocal(
      db,
      'agendaVersion',
      versionId,
      { op: 'put', fields: { content, changelog: input.changelog.trim() } },
      { mustExist: true },
    );
  });
}
