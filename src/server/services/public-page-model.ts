/**
 * What a process's public page shows (ADR 0008), chosen from its stored
 * records by a pure function: the latest validated Local Agenda's projects
 * in its order — only those marked `public` — with each one's status name,
 * progress and the timeline of its public updates, carrying only the photos
 * chosen for the page. Nothing else is copied into the model, so the
 * renderer cannot show what was not chosen: no names of people (no agreement
 * `responsible`, no attendance, no authors, no team), no commitments, no
 * records of other processes, nothing unpublished or deleted.
 */
import {
  effectiveProgress,
  hlcMillis,
  isHlc,
  statusOf,
  type Fields,
  type ProgressNode,
  type StatusRecord,
} from '../../domain';
import type { StoredRecord } from '../repositories/records.repository';
import { isPubliclyReadable } from './authorization';

/** The entities a public page reads of its process (the process itself has its own id as processId). */
export const PUBLIC_PAGE_ENTITIES = ['process', 'agendaVersion', 'project', 'projectUpdate'];

export interface PublicPhoto {
  sha256: string;
  mime: string;
  width: number | null;
  height: number | null;
}

export interface PublicUpdate {
  date: string;
  text: string;
  /** The status it moved the project to, by name. */
  status: string | null;
  progress: number | null;
  photos: PublicPhoto[];
}

export interface PublicProject {
  id: string;
  outline: string;
  title: string;
  description: string | null;
  kind: 'project' | 'action';
  /** The government areas involved, by name (institutions, not people). */
  areas: string[];
  status: string;
  /** 0–100, rounded. */
  progress: number;
  /** The actions it rolls up from (how many, and whether weighted), or null when set by hand or by its status. */
  rolledUpFrom: { actions: number; weighted: boolean } | null;
  updates: PublicUpdate[];
}

export interface PublicPageModel {
  processId: string;
  name: string;
  /** The neighbourhood units, named when the Agenda froze their names. */
  units: string[];
  /** The validated version shown, or null while none is validated. */
  agendaNumber: number | null;
  projects: PublicProject[];
  /** ISO time of the newest change among what the page shows. */
  lastChange: string;
}

export interface PublicSources {
  processId: string;
  /** Records of the process (PUBLIC_PAGE_ENTITIES), deleted ones included. */
  records: readonly StoredRecord[];
  /** The project statuses (reference data). */
  statuses: readonly StoredRecord[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const clampPercent = (n: number) => Math.round(Math.min(100, Math.max(0, n)));

const live = (records: readonly StoredRecord[], entity: string, processId: string) =>
  records.filter((r) => r.entity === entity && !r.state.deleted && r.processId === processId);

/** The validated version with the highest number. */
function latestValidated(versions: readonly StoredRecord[]): StoredRecord | undefined {
  return versions
    .filter((v) => v.state.fields.status === 'validated')
    .sort((a, b) => (num(b.state.fields.number) ?? 0) - (num(a.state.fields.number) ?? 0))[0];
}

/** Only the hashes chosen for the page, among the update's own photos. */
function chosenPhotos(update: Fields): PublicPhoto[] {
  const chosen = new Set(list(update.publicPhotos).filter((h): h is string => typeof h === 'string'));
  return list(update.photos)
    .map(obj)
    .filter((p) => typeof p.sha256 === 'string' && chosen.has(p.sha256))
    .map((p) => ({
      sha256: p.sha256 as string,
      mime: str(p.mime) ?? 'image/jpeg',
      width: num(p.width),
      height: num(p.height),
    }));
}

function newestStamp(records: readonly StoredRecord[]): number {
  let newest = 0;
  for (const r of records) {
    for (const stamp of Object.values(r.state.hlcs)) {
      if (isHlc(stamp)) newest = Math.max(newest, hlcMillis(stamp));
    }
  }
  return newest;
}

/** The page's content, or null when the process is not published (or unknown, or deleted). */
export function publicPageModel(sources: PublicSources): PublicPageModel | null {
  const { processId, records } = sources;
  const process = records.find((r) => r.entity === 'process' && r.id === processId);
  if (!process || !isPubliclyReadable(process)) return null;
  const statuses = sources.statuses
    .filter((s) => !s.state.deleted)
    .map((s) => ({ ...s.state.fields, id: s.id }) as unknown as StatusRecord);
  const statusName = (statusId: unknown) =>
    statusOf({ statusId: str(statusId) ?? undefined }, statuses)?.name ?? 'Propuesto';
  const version = latestValidated(live(records, 'agendaVersion', processId));
  const content = obj(version?.state.fields.content);
  const projects = live(records, 'project', processId);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const nodes = projects.map(
    (p) => ({ ...p.state.fields, id: p.id }) as ProgressNode & { statusId?: string },
  );
  const nodeOf = new Map(nodes.map((n) => [n.id, n]));
  const updates = live(records, 'projectUpdate', processId).filter((u) => u.state.fields.public === true);
  const shown: StoredRecord[] = [process, ...(version ? [version] : [])];

  const publicProjects: PublicProject[] = [];
  for (const entry of list(content.projects).map(obj)) {
    const record = byId.get(str(entry.id) ?? '');
    if (!record || record.state.fields.public !== true) continue;
    const progress = effectiveProgress(nodeOf.get(record.id)!, nodes, statuses);
    const own = updates
      .filter((u) => u.state.fields.projectId === record.id)
      .sort((a, b) => (str(b.state.fields.date) ?? '').localeCompare(str(a.state.fields.date) ?? ''));
    shown.push(record, ...own);
    publicProjects.push({
      id: record.id,
      outline: str(entry.outline) ?? '',
      title: str(entry.title) ?? '',
      description: str(entry.description),
      kind: entry.kind === 'action' ? 'action' : 'project',
      areas: list(entry.governmentAreas)
        .map((a) => str(obj(a).name))
        .filter((n): n is string => n !== null),
      status: statusName(record.state.fields.statusId),
      progress: clampPercent(progress.value ?? 0),
      rolledUpFrom:
        progress.source === 'roll_up'
          ? { actions: progress.actions ?? 0, weighted: progress.method === 'weighted' }
          : null,
      updates: own.map((u) => ({
        date: str(u.state.fields.date) ?? '',
        text: str(u.state.fields.text) ?? '',
        status: u.state.fields.statusId ? statusName(u.state.fields.statusId) : null,
        progress: num(u.state.fields.progress),
        photos: chosenPhotos(u.state.fields),
      })),
    });
  }
  const units = list(content.units).map(obj);
  return {
    processId,
    name: str(process.state.fields.name) ?? '',
    units:
      units.length > 0
        ? units.map((u) => [str(u.key), str(u.name)].filter(Boolean).join(' '))
        : list(process.state.fields.unitKeys).filter((k): k is string => typeof k === 'string'),
    agendaNumber: version ? num(version.state.fields.number) : null,
    projects: publicProjects,
    lastChange: new Date(newestStamp(shown)).toISOString(),
  };
}

/** Whether `sha256` is one of the photos the page shows (the only blobs its photo route serves). */
export function showsPhoto(model: PublicPageModel, sha256: string): PublicPhoto | undefined {
  for (const project of model.projects) {
    for (const update of project.updates) {
      const photo = update.photos.find((p) => p.sha256 === sha256);
      if (photo) return photo;
    }
  }
  return undefined;
}
