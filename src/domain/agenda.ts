/**
 * The Local Agenda document, assembled from the process's records, and its
 * versions (ADR 0006). Assembly is pure: the same records give the same
 * document on every device, with no network. The result is what a version
 * stores as its frozen `content`.
 */
import {
  AGENDA_FORMAT,
  type AgendaContent,
  type AgendaProjectEntry,
  type AgendaVersion,
} from './entities/agenda';
import type { GovernmentArea } from './entities/government-area';
import type { Process } from './entities/process';
import { THEMATIC_AREAS, type Problem } from './entities/problem';
import { isAgendaRound, type Round } from './entities/prioritisation';
import type { Commitment } from './entities/project';
import { attendanceTotal, type Session } from './entities/session';
import type { TerritorialUnit } from './entities/territory';
import type { VisionStatement } from './entities/vision';
import { projectOutline, type ProjectRecord } from './projects';
import { compareTimes } from './supersede';
import { tallyRound, type BallotRecord } from './tally';

type WithId<T> = T & { id: string };

/** The live (not deleted) records of one process the document is made from. */
export interface AgendaSources {
  process: WithId<Process>;
  /** Reference units; those of the process are picked by key. */
  units: readonly TerritorialUnit[];
  sessions: readonly WithId<Session>[];
  problems: readonly WithId<Problem>[];
  rounds: readonly WithId<Round>[];
  ballots: readonly BallotRecord[];
  visions: readonly WithId<VisionStatement>[];
  projects: readonly ProjectRecord[];
  governmentAreas: readonly WithId<GovernmentArea>[];
}

export interface AssembleOptions {
  /** When it was assembled (ISO). */
  assembledAt: string;
  /** The projects and actions the Agenda includes (default: all of the process). */
  projectIds?: readonly string[];
}

const byText = (a: string, b: string) => a.localeCompare(b, 'es-MX');

function ownRecords<T extends { processId: string }>(records: readonly T[], processId: string): T[] {
  return records.filter((r) => r.processId === processId);
}

/** A commitment as printed: a government area's name copied into `who.name`. */
function frozenCommitment(c: Commitment, areas: ReadonlyMap<string, GovernmentArea>): Commitment {
  const area = c.who.governmentAreaId ? areas.get(c.who.governmentAreaId) : undefined;
  const who = { ...c.who, ...(area && !c.who.name ? { name: area.name } : {}) };
  return { ...c, who };
}

/**
 * The Agenda document of `sources.process`: its units and population, the
 * Collective (count; names only of those who consented), the self-diagnosis
 * (problems by area, leaving out merged ones; the results of the closed
 * rounds), the vision by area, and the selected projects and actions in the
 * community's order. Records of other processes are ignored.
 */
export function assembleAgenda(sources: AgendaSources, options: AssembleOptions): AgendaContent {
  const { process } = sources;
  const unitsByKey = new Map(sources.units.map((u) => [u.key, u]));
  const units = process.unitKeys.map((key) => {
    const unit = unitsByKey.get(key);
    return { key, name: unit?.name ?? null, population: unit?.population ?? null };
  });
  const population = units.reduce((sum, u) => sum + (u.population ?? 0), 0);
  const collective = {
    memberCount: process.collective?.memberCount ?? 0,
    names: (process.collective?.members ?? []).map((m) => m.name),
  };

  const problems = ownRecords(sources.problems, process.id).filter((p) => !p.mergedIntoId);
  const byTheme = THEMATIC_AREAS.map((theme) => ({
    theme,
    problems: problems
      .filter((p) => p.theme === theme)
      .sort((a, b) => byText(a.title, b.title))
      .map((p) => ({ id: p.id, title: p.title, description: p.description ?? null })),
  })).filter((group) => group.problems.length > 0);

  const sessions = new Map(ownRecords(sources.sessions, process.id).map((s) => [s.id, s]));
  const prioritisation = ownRecords(sources.rounds, process.id)
    .filter((r) => r.status === 'closed' && !isAgendaRound(r))
    .sort((a, b) => compareTimes(a.closedAt ?? '', b.closedAt ?? '') || (a.id < b.id ? -1 : 1))
    .map((round) => {
      const session = sessions.get(round.sessionId);
      const attendance = session ? attendanceTotal(session.attendance) : null;
      const result = tallyRound(round, sources.ballots, attendance ?? undefined);
      return {
        roundId: round.id,
        title: round.title,
        sessionId: round.sessionId,
        date: session?.date ?? null,
        method: round.method,
        participants: result.participants,
        attendance,
        rows: result.rows.map((r) => ({
          problemId: r.problemId,
          title: r.title,
          rank: r.rank,
          points: r.points,
          tied: r.tied,
        })),
      };
    });

  const themeOrder = (theme: string) => THEMATIC_AREAS.indexOf(theme as (typeof THEMATIC_AREAS)[number]);
  const vision = ownRecords(sources.visions, process.id)
    .sort((a, b) => themeOrder(a.theme) - themeOrder(b.theme) || byText(a.text, b.text))
    .map((v) => ({ id: v.id, theme: v.theme, text: v.text, problemIds: v.problemIds ?? [] }));

  const wanted = options.projectIds ? new Set(options.projectIds) : null;
  const selected = ownRecords(sources.projects, process.id).filter((p) => !wanted || wanted.has(p.id));
  const areas = new Map(sources.governmentAreas.map((a) => [a.id, a]));
  const projects: AgendaProjectEntry[] = projectOutline(selected).map(
    ({ project: p, outline, parentId }) => ({
      id: p.id,
      outline,
      parentId,
      title: p.title,
      description: p.description ?? null,
      kind: p.kind,
      theme: p.theme,
      problemIds: p.problemIds,
      visionIds: p.visionIds,
      managementMode: p.managementMode,
      governmentAreas: p.governmentAreaIds.flatMap((id) => {
        const area = areas.get(id);
        return area ? [{ id, name: area.name, shortName: area.shortName }] : [];
      }),
      term: p.term,
      costNote: p.costNote ?? null,
      where: p.where ?? null,
      commitments: p.commitments.map((c) => frozenCommitment(c, areas)),
      communityOrder: p.communityOrder ?? null,
    }),
  );

  return {
    format: AGENDA_FORMAT,
    assembledAt: options.assembledAt,
    process: { name: process.name, stage: process.stage },
    units,
    population,
    collective,
    diagnosis: { problemCount: problems.length, byTheme, prioritisation },
    vision,
    projects,
  };
}

export type AgendaVersionRecord = AgendaVersion & { id: string };

/** Versions of one process, newest first (by number, then id: two tablets may both make "3"). */
export function sortAgendaVersions<T extends AgendaVersionRecord>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => b.number - a.number || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The number a new version of the process takes. */
export function nextAgendaVersionNumber(versions: readonly Pick<AgendaVersion, 'number'>[]): number {
  return Math.max(0, ...versions.map((v) => v.number)) + 1;
}

/** The version that stands: the newest validated one, or null. */
export function currentAgendaVersion<T extends AgendaVersionRecord>(versions: readonly T[]): T | null {
  return sortAgendaVersions(versions).find((v) => v.status === 'validated') ?? null;
}

/** True when no one may change the version any more (the server refuses it). */
export function isAgendaFrozen(version: Pick<AgendaVersion, 'status'>): boolean {
  return version.status === 'validated';
}

/**
 * The fields of a new draft version (a new record): from a validated or draft
 * version, edits never touch it — they start the next number.
 */
export function newAgendaDraft(
  processId: string,
  versions: readonly Pick<AgendaVersion, 'number'>[],
  content: AgendaContent,
  changelog: string,
): AgendaVersion {
  return { processId, number: nextAgendaVersionNumber(versions), status: 'draft', changelog, content };
}

/**
 * The one write that validates a draft: the status, the approving validation
 * and the content the assembly saw, together. The server accepts the status
 * only when the content written with it is the content that stands (a draft
 * changed meanwhile on another tablet is not validated in its place).
 */
export function validatedVersionPatch(
  version: Pick<AgendaVersion, 'status' | 'content'>,
  validationId: string,
): Pick<AgendaVersion, 'status' | 'validationId' | 'content'> {
  if (isAgendaFrozen(version)) throw new Error('The version is already validated');
  return { status: 'validated', validationId, content: version.content };
}
