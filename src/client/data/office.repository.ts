/**
 * The coordinator's office on this device: every record the dashboards and
 * exports read (read-only), and the export files built from them. The device
 * holds only what its account may read — the server's pull sends nothing
 * outside the reader's scope (server/services/scope.ts) — so the figures and
 * the files are in the coordinator's scope by construction, and work offline.
 *
 * Large exports are built one table at a time, yielding to the page between
 * steps, so the screen keeps answering and can show progress.
 */
import type { DashboardFilter, DashboardProjectStatus } from '../../domain/dashboard';
import { tourNotesGeoJson, unitsGeoJson } from '../../domain/exports/geojson';
import { encodePhotoZip, photoEntries } from '../../domain/exports/photos';
import type { ExportTable, Labeller } from '../../domain/exports/table';
import { EXPORT_TABLES, exportContext, filterExportData, type ExportData } from '../../domain/exports/tables';
import type { TequioDb } from './db';
import { liveViews } from './records.repository';
import type { EncodeAnswer, EncodeRequest } from './office-export.worker';
import { loadBlob } from './blobs.repository';

/** The programme's project statuses (reference data, deleted ones left out). */
async function projectStatuses(db: TequioDb): Promise<DashboardProjectStatus[]> {
  return liveViews(await db.projectStatuses.toArray()).map((s) => ({
    id: s.id,
    name: s.name,
    meaning: s.meaning,
    order: s.order,
  }));
}

/** Everything the office reads, in one pass over the device's tables. */
export async function loadOfficeData(db: TequioDb): Promise<ExportData> {
  const [
    processes,
    units,
    directorates,
    sessions,
    projects,
    governmentAreas,
    scores,
    templates,
    notes,
    statuses,
  ] = await Promise.all([
    db.processes.toArray(),
    db.units.toArray(),
    db.directorates.toArray(),
    db.sessions.toArray(),
    db.projects.toArray(),
    db.governmentAreas.toArray(),
    db.rubricScores.toArray(),
    db.rubricTemplates.toArray(),
    db.tourNotes.toArray(),
    projectStatuses(db),
  ]);
  return {
    processes: liveViews(processes),
    units: liveViews(units),
    directorates: liveViews(directorates),
    sessions: liveViews(sessions),
    projects: liveViews(projects),
    projectStatuses: statuses,
    governmentAreas: liveViews(governmentAreas),
    rubricScores: liveViews(scores),
    rubricTemplates: liveViews(templates),
    tourNotes: liveViews(notes),
  };
}

export type OfficeExportKind = 'csv' | 'xlsx' | 'units' | 'notes';

export interface ExportProgress {
  /** Steps done out of `total` (tables built, photos gathered, the file written). */
  done: number;
  total: number;
}

export interface ExportFile {
  blob: Blob;
  fileName: string;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The tables of the export, one step per entity, reporting progress and yielding between steps. */
async function tablesInSteps(
  data: ExportData,
  filter: DashboardFilter,
  label: Labeller,
  onProgress: (p: ExportProgress) => void,
): Promise<ExportTable[]> {
  const context = exportContext(filterExportData(data, filter), label);
  const total = EXPORT_TABLES.length + 1;
  const tables: ExportTable[] = [];
  for (const [i, step] of EXPORT_TABLES.entries()) {
    onProgress({ done: i, total });
    await nextTurn();
    tables.push(...step.build(context, filter));
  }
  onProgress({ done: EXPORT_TABLES.length, total });
  await nextTurn();
  return tables;
}

/** The encoders load on demand: the office's page does not carry them until a file is asked for. */
async function encodeHere(kind: 'csv' | 'xlsx', tables: ExportTable[]): Promise<Blob> {
  if (kind === 'xlsx') return (await import('../../domain/exports/xlsx')).encodeXlsx(tables);
  const { encodeCsvZip } = await import('../../domain/exports/csv');
  return new Blob([encodeCsvZip(tables) as BlobPart], { type: 'application/zip' });
}

/**
 * Writes the file in a worker (office-export.worker.ts) where the browser has
 * them, so a large workbook does not freeze the page; on this thread otherwise
 * (tests, scripts) or when the worker fails to start.
 */
async function encodeTables(kind: 'csv' | 'xlsx', tables: ExportTable[]): Promise<Blob> {
  if (typeof Worker === 'undefined') return encodeHere(kind, tables);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./office-export.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return encodeHere(kind, tables);
  }
  try {
    const answer = await new Promise<EncodeAnswer>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<EncodeAnswer>) => resolve(event.data);
      worker.onerror = () => reject(new Error('worker'));
      worker.postMessage({ kind, tables } satisfies EncodeRequest);
    });
    if (!answer.ok) throw new Error(answer.message);
    return answer.blob;
  } catch (error) {
    if (error instanceof Error && error.message === 'worker') return encodeHere(kind, tables);
    throw error;
  } finally {
    worker.terminate();
  }
}

/** A CSV zip, an XLSX workbook or a GeoJSON file of the office's data under `filter`. */
export async function buildOfficeExport(
  db: TequioDb,
  kind: OfficeExportKind,
  filter: DashboardFilter,
  label: Labeller,
  onProgress: (p: ExportProgress) => void = () => undefined,
  now: Date = new Date(),
): Promise<ExportFile> {
  const data = await loadOfficeData(db);
  const base = `tequio-${stamp(now)}`;
  let file: ExportFile;
  if (kind === 'csv' || kind === 'xlsx') {
    const tables = await tablesInSteps(data, filter, label, onProgress);
    file = {
      blob: await encodeTables(kind, tables),
      fileName: kind === 'csv' ? `${base}-csv.zip` : `${base}.xlsx`,
    };
  } else {
    onProgress({ done: 0, total: 1 });
    const filtered = filterExportData(data, filter);
    const collection =
      kind === 'units' ? unitsGeoJson(filtered, filter, label) : tourNotesGeoJson(filtered).collection;
    file = {
      blob: new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }),
      fileName: `${base}-${kind === 'units' ? 'unidades' : 'notas-recorrido'}.geojson`,
    };
  }
  onProgress({ done: 1, total: 1 });
  return file;
}

/**
 * The photos of the filtered sessions and tour notes as a zip with an index:
 * the device's copies, and the server's (fetched with `download`) for those
 * the device does not hold; a photo that cannot be had is listed as missing.
 */
export async function buildPhotoExport(
  db: TequioDb,
  filter: DashboardFilter,
  download: (sha256: string) => Promise<Blob>,
  onProgress: (p: ExportProgress) => void = () => undefined,
  now: Date = new Date(),
): Promise<ExportFile & { missing: number; photos: number }> {
  const entries = photoEntries(filterExportData(await loadOfficeData(db), filter));
  const bytes = new Map<string, Uint8Array>();
  const total = entries.length + 1;
  for (const [i, entry] of entries.entries()) {
    onProgress({ done: i, total });
    try {
      const blob = await loadBlob(db, entry.sha256, download);
      bytes.set(entry.sha256, new Uint8Array(await blob.arrayBuffer()));
    } catch {
      // Listed in the index as not included.
    }
  }
  onProgress({ done: entries.length, total });
  await nextTurn();
  const zip = encodePhotoZip(entries, bytes);
  onProgress({ done: total, total });
  return {
    blob: new Blob([zip as BlobPart], { type: 'application/zip' }),
    fileName: `tequio-${stamp(now)}-fotos.zip`,
    photos: entries.length,
    missing: entries.length - bytes.size,
  };
}
