/**
 * A tour's track from its chunks: segments in order, distance along them,
 * time walked and the interruptions the device noted. Pure functions, so
 * every device draws and measures the same track.
 */
import type { TrackChunk, TrackPoint } from './entities/track';

export interface TrackSegment {
  segmentId: string;
  source: TrackChunk['source'];
  points: TrackPoint[];
}

export interface Track {
  segments: TrackSegment[];
  interruptions: { from: string; to: string }[];
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres between two points (haversine). */
export function distanceMetres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Joins chunks into segments: chunks of a segment by index, points by time
 * (duplicates — the same instant twice — kept once), segments by their first point.
 */
export function assembleTrack(chunks: readonly TrackChunk[]): Track {
  const bySegment = new Map<string, TrackChunk[]>();
  for (const chunk of chunks) {
    const list = bySegment.get(chunk.segmentId) ?? [];
    list.push(chunk);
    bySegment.set(chunk.segmentId, list);
  }
  const segments: TrackSegment[] = [];
  const interruptions = new Map<string, { from: string; to: string }>();
  for (const [segmentId, list] of bySegment) {
    list.sort((a, b) => a.index - b.index);
    const seen = new Set<string>();
    const points: TrackPoint[] = [];
    for (const chunk of list) {
      for (const p of chunk.points) {
        const key = `${p.t}|${p.lon}|${p.lat}`;
        if (seen.has(key)) continue;
        seen.add(key);
        points.push(p);
      }
      for (const gap of chunk.interruptions ?? []) interruptions.set(`${gap.from}|${gap.to}`, gap);
    }
    points.sort((a, b) => Date.parse(a.t) - Date.parse(b.t));
    segments.push({ segmentId, source: list[0]!.source, points });
  }
  segments.sort(
    (a, b) =>
      Date.parse(a.points[0]?.t ?? '') - Date.parse(b.points[0]?.t ?? '') ||
      (a.segmentId < b.segmentId ? -1 : 1),
  );
  return {
    segments,
    interruptions: [...interruptions.values()].sort((a, b) => Date.parse(a.from) - Date.parse(b.from)),
  };
}

/** Metres walked: the sum along each segment (no jump across a pause). */
export function trackDistance(track: Pick<Track, 'segments'>): number {
  let total = 0;
  for (const segment of track.segments) {
    for (let i = 1; i < segment.points.length; i++)
      total += distanceMetres(segment.points[i - 1]!, segment.points[i]!);
  }
  return total;
}

/** Milliseconds recorded: each segment from its first to its last point (pauses not counted). */
export function trackDuration(track: Pick<Track, 'segments'>): number {
  let total = 0;
  for (const segment of track.segments) {
    const first = segment.points[0];
    const last = segment.points.at(-1);
    if (first && last) total += Date.parse(last.t) - Date.parse(first.t);
  }
  return total;
}

/** Positions less precise than this (metres) are shown but not added to a track. */
export const MAX_TRACK_ACCURACY_M = 100;

/** Whether a position is precise enough to become part of a track. */
export function isTrackable(acc: number | null): boolean {
  return acc === null || acc <= MAX_TRACK_ACCURACY_M;
}

/**
 * An interruption to note when tracking comes back after `from` (the last
 * point, or when the screen was hidden) at `to`; null when the gap is too
 * short to matter (under `minMs`) or the times are not in order.
 */
export function interruptionBetween(
  from: string,
  to: string,
  minMs = 10_000,
): { from: string; to: string } | null {
  const gap = Date.parse(to) - Date.parse(from);
  return Number.isFinite(gap) && gap >= minMs ? { from, to } : null;
}

/** Number of points in all segments. */
export function trackPointCount(track: Pick<Track, 'segments'>): number {
  return track.segments.reduce((n, s) => n + s.points.length, 0);
}
