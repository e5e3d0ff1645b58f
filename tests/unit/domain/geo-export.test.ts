// @vitest-environment jsdom
/** Tour notes and tracks as GeoJSON (checked by an independent validator) and GPX (parsed as XML). */
import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import type { TrackChunk } from '../../../src/domain';
import {
  escapeXml,
  tourNotesToGeoJson,
  toursToGeoJson,
  tracksToGeoJson,
  tracksToGpx,
  type TourNoteInput,
  type TourTrackInput,
} from '../../../src/domain/geo-export';

const PROCESS = '0b6f3a52-8c1e-4b7a-9d0e-5f2a1c3b4d5e';
const TOUR_A = '1c7e4b63-9d2f-4c8b-8e1f-6a3b2d4c5e6f';
const TOUR_B = '2d8f5c74-ae30-4d9c-9f20-7b4c3e5d6f70';
const SEG_1 = '3e906d85-bf41-4ead-a031-8c5d4f6e7081';
const SEG_2 = '4fa17e96-c052-4fbe-b142-9d6e507f8192';
const SHA = 'ab'.repeat(32);

/** Points walking east along Ermita Iztapalapa, one every 10 s. */
function points(startLon: number, count: number, startSecond = 0) {
  return Array.from({ length: count }, (_, i) => ({
    lon: startLon + i * 0.0001234567,
    lat: 19.3576123456,
    acc: 8,
    t: new Date(Date.UTC(2026, 2, 14, 16, 0, startSecond + i * 10)).toISOString(),
  }));
}

function chunk(segmentId: string, index: number, pts: TrackChunk['points'], extra: Partial<TrackChunk> = {}) {
  return {
    processId: PROCESS,
    sessionId: TOUR_A,
    segmentId,
    index,
    source: 'gps',
    points: pts,
    ...extra,
  } as TrackChunk;
}

function note(id: string, extra: Partial<TourNoteInput> = {}): TourNoteInput {
  return {
    id,
    processId: PROCESS,
    sessionId: TOUR_A,
    theme: 'environment',
    description: 'Tiradero clandestino junto al canal',
    severity: 'high',
    location: { lon: -99.0654321987, lat: 19.3571234567 },
    accuracy: 6,
    locationSource: 'gps',
    takenAt: '2026-03-14T16:05:00.000Z',
    photos: [{ sha256: SHA, mime: 'image/jpeg' }],
    ...extra,
  };
}

const tourA: TourTrackInput = {
  sessionId: TOUR_A,
  title: 'Recorrido por la calle 5 de Mayo',
  date: '2026-03-14',
  // Chunks out of order, the second segment after a pause, a point repeated across chunks.
  chunks: [
    chunk(SEG_1, 1, points(-99.07, 6).slice(2)),
    chunk(SEG_1, 0, points(-99.07, 3), {
      interruptions: [{ from: '2026-03-14T16:00:15.000Z', to: '2026-03-14T16:00:18.000Z' }],
    }),
    chunk(SEG_2, 0, points(-99.06, 4, 600)),
  ],
};

const checked = (value: unknown) => check(JSON.stringify(value));

describe('tour notes as GeoJSON', () => {
  it('writes a valid FeatureCollection of Points, [lon, lat] with 6 decimals, leaving out notes without location', () => {
    const { collection, withoutLocation } = tourNotesToGeoJson([
      note('n1'),
      note('n2', { location: null, accuracy: null, locationSource: 'none' }),
      note('n3', { location: undefined, photos: undefined }),
      note('n4', {
        theme: 'safety',
        severity: 'low',
        photos: undefined,
        accuracy: undefined,
        locationSource: 'map',
      }),
    ]);
    expect(() => checked(collection)).not.toThrow();
    expect(withoutLocation).toBe(2);
    expect(collection.features.map((f) => f.id)).toEqual(['n1', 'n4']);
    const [first, second] = collection.features;
    expect(first!.geometry).toEqual({ type: 'Point', coordinates: [-99.065432, 19.357123] });
    expect(first!.properties).toEqual({
      kind: 'tourNote',
      id: 'n1',
      sessionId: TOUR_A,
      theme: 'environment',
      severity: 'high',
      description: 'Tiradero clandestino junto al canal',
      takenAt: '2026-03-14T16:05:00.000Z',
      accuracy: 6,
      locationSource: 'gps',
      photos: [SHA],
    });
    expect(second!.properties).toMatchObject({ accuracy: null, locationSource: 'map', photos: [] });
    expect(collection).not.toHaveProperty('crs');
  });

  it('is a valid empty collection for a process without notes', () => {
    const { collection, withoutLocation } = tourNotesToGeoJson([]);
    expect(checked(collection)).toEqual({ type: 'FeatureCollection', features: [] });
    expect(withoutLocation).toBe(0);
  });
});

describe('tracks as GeoJSON', () => {
  it('writes one MultiLineString per tour, one line per segment in time order, with distance and duration', () => {
    const { collection, withoutTrack } = tracksToGeoJson([
      tourA,
      { sessionId: TOUR_B, title: 'Sin trayecto', date: '2026-03-15', chunks: [] },
    ]);
    expect(() => checked(collection)).not.toThrow();
    expect(withoutTrack).toBe(1);
    expect(collection.features).toHaveLength(1);
    const feature = collection.features[0]!;
    expect(feature.id).toBe(TOUR_A);
    expect(feature.geometry.type).toBe('MultiLineString');
    const [line1, line2] = feature.geometry.coordinates;
    expect(line1).toHaveLength(6); // 3 + 4 points, the repeated one kept once
    expect(line2).toHaveLength(4);
    // Longitude first, rounded to 6 decimals.
    expect(line1![0]).toEqual([-99.07, 19.357612]);
    expect(line1![1]).toEqual([-99.069877, 19.357612]);
    expect(line2![0]![0]).toBeCloseTo(-99.06, 6);
    for (const line of feature.geometry.coordinates)
      for (const [lon, lat] of line) {
        expect(lon).toBeLessThan(-99);
        expect(lat).toBeGreaterThan(19);
        expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
      }
    // 5 + 3 steps of ~12.96 m each (0.0001234567° of longitude at 19.36° N); 50 s + 30 s walked.
    expect(feature.properties.distanceMetres).toBeGreaterThan(100);
    expect(feature.properties.distanceMetres).toBeLessThan(106);
    expect(feature.properties).toMatchObject({
      kind: 'track',
      sessionId: TOUR_A,
      title: 'Recorrido por la calle 5 de Mayo',
      date: '2026-03-14',
      durationSeconds: 80,
      source: 'gps',
      segments: 2,
      points: 10,
      interruptions: [{ from: '2026-03-14T16:00:15.000Z', to: '2026-03-14T16:00:18.000Z' }],
    });
  });

  it('keeps a one-point segment as a zero-length line and tells drawn routes apart', () => {
    const drawn = {
      sessionId: TOUR_B,
      title: 'Dibujado',
      date: '2026-03-15',
      chunks: [
        { ...chunk(SEG_1, 0, points(-99.05, 1)), sessionId: TOUR_B },
        { ...chunk(SEG_2, 0, points(-99.04, 3, 100)), sessionId: TOUR_B, source: 'manual' as const },
      ],
    };
    const { collection } = tracksToGeoJson([drawn]);
    expect(() => checked(collection)).not.toThrow();
    const feature = collection.features[0]!;
    expect(feature.geometry.coordinates[0]).toEqual([
      [-99.05, 19.357612],
      [-99.05, 19.357612],
    ]);
    expect(feature.properties.source).toBe('mixed');
  });

  it('combines tracks and notes in one valid collection, also for an empty process', () => {
    const both = toursToGeoJson({ tours: [tourA], notes: [note('n1'), note('n2', { location: null })] });
    expect(() => checked(both.collection)).not.toThrow();
    expect(both.collection.features.map((f) => f.properties.kind)).toEqual(['track', 'tourNote']);
    expect(both).toMatchObject({ withoutLocation: 1, withoutTrack: 0 });

    const empty = toursToGeoJson({ tours: [], notes: [] });
    expect(checked(empty.collection)).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe('tracks as GPX', () => {
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');

  it('writes GPX 1.1 with a trk per tour, a trkseg per segment and every point with its time', () => {
    const gpx = tracksToGpx(
      [tourA, { sessionId: TOUR_B, title: 'Sin trayecto', date: '2026-03-15', chunks: [] }],
      'San Miguel Teotongo',
    );
    const doc = parse(gpx);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.localName).toBe('gpx');
    expect(root.namespaceURI).toBe('http://www.topografix.com/GPX/1/1');
    expect(root.getAttribute('version')).toBe('1.1');
    expect(root.getAttribute('creator')).toBe('Tequio');
    const tracks = doc.getElementsByTagName('trk');
    expect(tracks).toHaveLength(1);
    expect(tracks[0]!.getElementsByTagName('name')[0]!.textContent).toBe('Recorrido por la calle 5 de Mayo');
    const segments = tracks[0]!.getElementsByTagName('trkseg');
    expect(segments).toHaveLength(2);
    const first = segments[0]!.getElementsByTagName('trkpt');
    expect(first).toHaveLength(6);
    expect(segments[1]!.getElementsByTagName('trkpt')).toHaveLength(4);
    expect(first[0]!.getAttribute('lat')).toBe('19.357612');
    expect(first[0]!.getAttribute('lon')).toBe('-99.07');
    const times = [...first].map((p) => p.getElementsByTagName('time')[0]!.textContent);
    expect(times).toEqual(points(-99.07, 6).map((p) => p.t));
  });

  it('escapes <, & and quotes in names', () => {
    const title = 'Calle "Los Ángeles" <norte> & Cía\'s';
    const gpx = tracksToGpx([{ ...tourA, title }], 'Proceso <A&B>');
    expect(gpx).not.toContain('<norte>');
    const doc = parse(gpx);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.querySelector('trk > name')!.textContent).toBe(title);
    expect(doc.querySelector('metadata > name')!.textContent).toBe('Proceso <A&B>');
    expect(escapeXml(`<&"'>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
  });

  it('is a valid, empty GPX for a process without tracks', () => {
    const doc = parse(tracksToGpx([]));
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('trk')).toHaveLength(0);
  });
});
