/**
 * Tour notes and tracks as files other tools open: GeoJSON (RFC 7946) for
 * QGIS, uMap or geojson.io, and GPX 1.1 for GPS apps. Pure functions, so
 * every device writes the same file from the same records.
 *
 * GeoJSON positions are `[lon, lat]` in WGS 84 with at most 6 decimals
 * (about 11 cm, well below what a tablet's GPS can tell) and no `crs`.
 */
import type { TrackChunk } from './entities/track';
import type { TourNote } from './entities/tour-note';
import { assembleTrack, trackDistance, trackDuration, type Track } from './track';

/** A position as GeoJSON orders it: longitude first. */
export type Position = [number, number];

export interface PointGeometry {
  type: 'Point';
  coordinates: Position;
}

export interface MultiLineStringGeometry {
  type: 'MultiLineString';
  coordinates: Position[][];
}

export interface Feature<G, P> {
  type: 'Feature';
  id: string;
  geometry: G;
  properties: P;
}

export interface FeatureCollection<F> {
  type: 'FeatureCollection';
  features: F[];
}

export interface TourNoteProperties {
  kind: 'tourNote';
  id: string;
  sessionId: string;
  theme: TourNote['theme'];
  severity: TourNote['severity'];
  description: string;
  takenAt: string;
  /** Metres, when the position came from GPS. */
  accuracy: number | null;
  locationSource: NonNullable<TourNote['locationSource']> | null;
  /** SHA-256 of each photo (the blob's name on the server). */
  photos: string[];
}

export interface TrackProperties {
  kind: 'track';
  sessionId: string;
  title: string;
  /** The tour's date (`YYYY-MM-DD`). */
  date: string;
  /** Metres walked along the segments (no jump across a pause), to the decimetre. */
  distanceMetres: number;
  /** Seconds recorded, pauses not counted. */
  durationSeconds: number;
  /** `mixed` when part of the route was recorded and part drawn on the map. */
  source: 'gps' | 'manual' | 'mixed';
  segments: number;
  points: number;
  /** Times tracking stopped without the user pausing (reload, locked screen, lost signal). */
  interruptions: { from: string; to: string }[];
}

export type TourNoteFeature = Feature<PointGeometry, TourNoteProperties>;
export type TrackFeature = Feature<MultiLineStringGeometry, TrackProperties>;

/** A tour to export: its session's id, title and date, and every chunk of its track. */
export interface TourTrackInput {
  sessionId: string;
  title: string;
  date: string;
  chunks: readonly TrackChunk[];
}

export type TourNoteInput = TourNote & { id: string };

export interface NotesExport {
  collection: FeatureCollection<TourNoteFeature>;
  /** Notes left out because they have no position. */
  withoutLocation: number;
}

export interface TracksExport {
  collection: FeatureCollection<TrackFeature>;
  /** Tours left out because no point was recorded or drawn. */
  withoutTrack: number;
}

export interface ToursExport {
  collection: FeatureCollection<TourNoteFeature | TrackFeature>;
  withoutLocation: number;
  withoutTrack: number;
}

/** A coordinate rounded to 6 decimals (`-0` written as `0`). */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6 || 0;
}

function position(point: { lon: number; lat: number }): Position {
  return [roundCoordinate(point.lon), roundCoordinate(point.lat)];
}

/** The notes that have a position, as Points; the others are counted. Newest first, as listed. */
export function tourNotesToGeoJson(notes: readonly TourNoteInput[]): NotesExport {
  const features: TourNoteFeature[] = [];
  let withoutLocation = 0;
  for (const note of notes) {
    if (!note.location) {
      withoutLocation++;
      continue;
    }
    features.push({
      type: 'Feature',
      id: note.id,
      geometry: { type: 'Point', coordinates: position(note.location) },
      properties: {
        kind: 'tourNote',
        id: note.id,
        sessionId: note.sessionId,
        theme: note.theme,
        severity: note.severity,
        description: note.description,
        takenAt: note.takenAt,
        accuracy: note.accuracy ?? null,
        locationSource: note.locationSource ?? null,
        photos: (note.photos ?? []).map((p) => p.sha256),
      },
    });
  }
  return { collection: { type: 'FeatureCollection', features }, withoutLocation };
}

function trackSource(track: Track): TrackProperties['source'] {
  const sources = new Set(track.segments.map((s) => s.source));
  return sources.size === 1 ? [...sources][0]! : 'mixed';
}

/**
 * One line per segment. A segment of a single point (a pause right after
 * starting) becomes a line of length zero, since a GeoJSON line needs two
 * positions: the point is kept rather than dropped.
 */
function segmentLines(track: Track): Position[][] {
  return track.segments
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const line = s.points.map(position);
      return line.length === 1 ? [line[0]!, line[0]!] : line;
    });
}

function trackFeature(tour: TourTrackInput, track: Track): TrackFeature {
  return {
    type: 'Feature',
    id: tour.sessionId,
    geometry: { type: 'MultiLineString', coordinates: segmentLines(track) },
    properties: {
      kind: 'track',
      sessionId: tour.sessionId,
      title: tour.title,
      date: tour.date,
      distanceMetres: Math.round(trackDistance(track) * 10) / 10,
      durationSeconds: Math.round(trackDuration(track) / 1000),
      source: trackSource(track),
      segments: track.segments.filter((s) => s.points.length > 0).length,
      points: track.segments.reduce((sum, s) => sum + s.points.length, 0),
      interruptions: track.interruptions.map(({ from, to }) => ({ from, to })),
    },
  };
}

function assembled(tours: readonly TourTrackInput[]): { tour: TourTrackInput; track: Track }[] {
  return tours.map((tour) => ({ tour, track: assembleTrack(tour.chunks) }));
}

const hasPoints = (track: Track) => track.segments.some((s) => s.points.length > 0);

/** One MultiLineString feature per tour that has a track; the others are counted. */
export function tracksToGeoJson(tours: readonly TourTrackInput[]): TracksExport {
  const features: TrackFeature[] = [];
  let withoutTrack = 0;
  for (const { tour, track } of assembled(tours)) {
    if (hasPoints(track)) features.push(trackFeature(tour, track));
    else withoutTrack++;
  }
  return { collection: { type: 'FeatureCollection', features }, withoutTrack };
}

/** Tracks and notes in one collection (tracks first, so notes draw on top); `properties.kind` tells them apart. */
export function toursToGeoJson(input: {
  notes: readonly TourNoteInput[];
  tours: readonly TourTrackInput[];
}): ToursExport {
  const tracks = tracksToGeoJson(input.tours);
  const notes = tourNotesToGeoJson(input.notes);
  return {
    collection: {
      type: 'FeatureCollection',
      features: [...tracks.collection.features, ...notes.collection.features],
    },
    withoutLocation: notes.withoutLocation,
    withoutTrack: tracks.withoutTrack,
  };
}

/**
 * Characters XML 1.0 cannot carry at all, not even as `&#…;`: C0 controls
 * other than tab, newline and carriage return, U+FFFE, U+FFFF and lone
 * surrogates (with the `u` flag a paired surrogate is one code point and
 * does not match). A title typed or pasted with one of them would make the
 * whole file unreadable to a GPS app.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/**
 * Text and attribute values safe inside XML: markup characters escaped and
 * every character XML cannot carry replaced by U+FFFD, so the reader sees
 * that something was there and neighbouring words do not run together.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[<>&"']/g, (c) => XML_ENTITIES[c]!);
}
const XML_ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * GPX 1.1: one `<trk>` per tour that has points (named by its title, its
 * date as description), one `<trkseg>` per segment, each `<trkpt>` with its
 * time. Tours without points are left out.
 */
export function tracksToGpx(tours: readonly TourTrackInput[], name?: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Tequio" xmlns="http://www.topografix.com/GPX/1/1">',
  ];
  if (name) lines.push(`  <metadata><name>${escapeXml(name)}</name></metadata>`);
  for (const { tour, track } of assembled(tours)) {
    if (!hasPoints(track)) continue;
    lines.push('  <trk>');
    lines.push(`    <name>${escapeXml(tour.title)}</name>`);
    lines.push(`    <desc>${escapeXml(tour.date)}</desc>`);
    lines.push(`    <type>${trackSource(track)}</type>`);
    for (const segment of track.segments) {
      if (segment.points.length === 0) continue;
      lines.push('    <trkseg>');
      for (const p of segment.points) {
        const [lon, lat] = position(p);
        lines.push(`      <trkpt lat="${lat}" lon="${lon}"><time>${escapeXml(p.t)}</time></trkpt>`);
      }
      lines.push('    </trkseg>');
    }
    lines.push('  </trk>');
  }
  lines.push('</gpx>');
  return `${lines.join('\n')}\n`;
}
