/**
 * A process's tours gathered for export: the territorial-tour sessions, the
 * chunks of their tracks (plus any point this device holds but has not yet
 * sealed into a chunk) and the process's tour notes. Reads only the device's
 * database, so exports work offline.
 */
import type { TrackChunk } from '../../domain';
import { assembleTrack } from '../../domain';
import {
  toursToGeoJson,
  tracksToGpx,
  type TourNoteInput,
  type TourTrackInput,
} from '../../domain/geo-export';
import type { BufferedTrackPoint, TequioDb } from './db';
import type { ProcessView } from './processes.repository';
import { getLive, isLive, liveViews } from './records.repository';

export interface TourExportCounts {
  /** Sessions of type territorial_tour. */
  tours: number;
  /** Tours with at least one track point. */
  toursWithTrack: number;
  trackPoints: number;
  notes: number;
  /** Notes with no position (left out of the GeoJSON). */
  notesWithoutLocation: number;
}

export interface TourExport {
  /** Notes and tracks as one GeoJSON FeatureCollection (RFC 7946). */
  geojson: string;
  /** Tracks as GPX 1.1. */
  gpx: string;
  /** File name without extension, e.g. `recorridos-san-miguel-teotongo-2026-03-14`. */
  fileBase: string;
  counts: TourExportCounts;
}

interface ProcessTours {
  process: ProcessView | null;
  tours: TourTrackInput[];
  notes: TourNoteInput[];
}

/** Unsealed points as chunks of their own, after any sealed chunk; a point in both is kept once by `assembleTrack`. */
function bufferedChunks(points: readonly BufferedTrackPoint[]): TrackChunk[] {
  const bySegment = new Map<string, BufferedTrackPoint[]>();
  for (const p of points) {
    const list = bySegment.get(p.segmentId) ?? [];
    list.push(p);
    bySegment.set(p.segmentId, list);
  }
  return [...bySegment.values()].map((list) => ({
    processId: list[0]!.processId,
    sessionId: list[0]!.sessionId,
    segmentId: list[0]!.segmentId,
    index: Number.MAX_SAFE_INTEGER,
    source: list[0]!.source,
    points: list.map(({ lon, lat, acc, t }) => ({ lon, lat, acc, t })),
  }));
}

async function loadProcessTours(db: TequioDb, processId: string): Promise<ProcessTours> {
  const process = await getLive(db, 'process', processId);
  const sessions = liveViews(await db.sessions.where('fields.processId').equals(processId).toArray())
    .filter((s) => s.type === 'territorial_tour')
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const sessionIds = sessions.map((s) => s.id);
  const chunkRows = (await db.trackChunks.where('fields.processId').equals(processId).toArray()).filter(
    isLive,
  );
  const buffered = sessionIds.length
    ? await db.trackBuffer.where('sessionId').anyOf(sessionIds).toArray()
    : [];
  const chunks = [...chunkRows.map((r) => r.fields), ...bufferedChunks(buffered)];
  const noteRows = await db.tourNotes.where('fields.processId').equals(processId).toArray();
  return {
    process,
    tours: sessions.map((s) => ({
      sessionId: s.id,
      title: s.title,
      date: s.date,
      chunks: chunks.filter((c) => c.sessionId === s.id),
    })),
    notes: liveViews(noteRows).sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.id.localeCompare(b.id)),
  };
}

function countTours({ tours, notes }: ProcessTours): TourExportCounts {
  let toursWithTrack = 0;
  let trackPoints = 0;
  for (const tour of tours) {
    const points = assembleTrack(tour.chunks).segments.reduce((sum, s) => sum + s.points.length, 0);
    trackPoints += points;
    if (points > 0) toursWithTrack++;
  }
  return {
    tours: tours.length,
    toursWithTrack,
    trackPoints,
    notes: notes.length,
    notesWithoutLocation: notes.filter((n) => !n.location).length,
  };
}

/** What the process has to export (for the section on the process page). */
export async function summarizeProcessTours(db: TequioDb, processId: string): Promise<TourExportCounts> {
  return countTours(await loadProcessTours(db, processId));
}

/** `San Miguel Teotongo (2026)` → `san-miguel-teotongo-2026`. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The process's notes and tracks as GeoJSON and its tracks as GPX, with a file name to save them under. */
export async function exportProcessTours(
  db: TequioDb,
  processId: string,
  now: Date = new Date(),
): Promise<TourExport> {
  const data = await loadProcessTours(db, processId);
  const { collection } = toursToGeoJson(data);
  const slug = (data.process && fileSlug(data.process.name)) || processId.slice(0, 8);
  return {
    geojson: JSON.stringify(collection),
    gpx: tracksToGpx(data.tours, data.process?.name),
    fileBase: `recorridos-${slug}-${localIsoDate(now)}`,
    counts: countTours(data),
  };
}
