import { describe, expect, it } from 'vitest';
import {
  assembleTrack,
  distanceMetres,
  interruptionBetween,
  isTrackable,
  trackChunkSchema,
  trackDistance,
  trackDuration,
  trackPointCount,
  type TrackChunk,
} from '../../../src/domain';

const SESSION = '11111111-1111-4111-8111-111111111111';
const PROCESS = '22222222-2222-4222-8222-222222222222';
const SEG_A = '33333333-3333-4333-8333-333333333333';
const SEG_B = '44444444-4444-4444-8444-444444444444';

function at(minute: number, second = 0): string {
  return new Date(Date.UTC(2026, 10, 20, 10, minute, second)).toISOString();
}

function chunk(
  segmentId: string,
  index: number,
  points: [number, number, string][],
  extra: Partial<TrackChunk> = {},
): TrackChunk {
  return {
    processId: PROCESS,
    sessionId: SESSION,
    segmentId,
    index,
    source: 'gps',
    points: points.map(([lon, lat, t]) => ({ lon, lat, acc: 8, t })),
    ...extra,
  };
}

describe('distanceMetres', () => {
  it('measures 0.001° of latitude as about 111.2 m', () => {
    expect(distanceMetres({ lon: -99.06, lat: 19.35 }, { lon: -99.06, lat: 19.351 })).toBeCloseTo(111.19, 1);
  });

  it('measures 0.001° of longitude at Iztapalapa’s latitude as about 104.9 m (shrinks with cos(lat))', () => {
    const d = distanceMetres({ lon: -99.06, lat: 19.35 }, { lon: -99.059, lat: 19.35 });
    expect(d).toBeCloseTo(111.195 * Math.cos((19.35 * Math.PI) / 180), 0);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { lon: -99.05, lat: 19.36 };
    const b = { lon: -99.04, lat: 19.37 };
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 9);
  });
});

describe('assembleTrack', () => {
  const chunks = [
    chunk(SEG_A, 0, [
      [-99.06, 19.35, at(0)],
      [-99.06, 19.351, at(1)],
    ]),
    chunk(SEG_A, 1, [[-99.06, 19.352, at(2)]], { interruptions: [{ from: at(1, 30), to: at(1, 50) }] }),
    chunk(SEG_B, 0, [
      [-99.06, 19.36, at(10)],
      [-99.06, 19.361, at(12)],
    ]),
  ];

  it('gives the same track whatever order the chunks arrive in', () => {
    const forward = assembleTrack(chunks);
    const backward = assembleTrack([...chunks].reverse());
    const shuffled = assembleTrack([chunks[1]!, chunks[2]!, chunks[0]!]);
    expect(backward).toEqual(forward);
    expect(shuffled).toEqual(forward);
    expect(forward.segments.map((s) => s.segmentId)).toEqual([SEG_A, SEG_B]);
    expect(forward.segments[0]!.points.map((p) => p.t)).toEqual([at(0), at(1), at(2)]);
  });

  it('keeps a point sent twice (the same chunk synced twice) once', () => {
    const track = assembleTrack([...chunks, chunks[0]!]);
    expect(trackPointCount(track)).toBe(5);
  });

  it('measures distance along each segment, not across the pause between them', () => {
    const track = assembleTrack(chunks);
    // 2 × 0.001° in segment A + 1 × 0.001° in segment B; the jump from A to B is not walked.
    expect(trackDistance(track)).toBeCloseTo(3 * 111.19, 0);
  });

  it('counts time recorded in each segment, without the pause', () => {
    const track = assembleTrack(chunks);
    expect(trackDuration(track)).toBe(2 * 60_000 + 2 * 60_000);
  });

  it('collects the interruptions noted in chunks', () => {
    const track = assembleTrack([...chunks, chunks[1]!]);
    expect(track.interruptions).toEqual([{ from: at(1, 30), to: at(1, 50) }]);
  });
});

describe('interruptions and accuracy', () => {
  it('notes a gap only when it is long enough and in order', () => {
    expect(interruptionBetween(at(0), at(9))).toEqual({ from: at(0), to: at(9) });
    expect(interruptionBetween(at(0), at(0, 5))).toBeNull();
    expect(interruptionBetween(at(5), at(0))).toBeNull();
  });

  it('keeps points up to 100 m of accuracy and drawn points', () => {
    expect(isTrackable(8)).toBe(true);
    expect(isTrackable(100)).toBe(true);
    expect(isTrackable(150)).toBe(false);
    expect(isTrackable(null)).toBe(true);
  });

  it('accepts a chunk the assembly produces and refuses an empty one', () => {
    expect(trackChunkSchema.safeParse(chunks0()).success).toBe(true);
    expect(trackChunkSchema.safeParse({ ...chunks0(), points: [] }).success).toBe(false);
  });
});

function chunks0(): TrackChunk {
  return chunk(SEG_A, 0, [[-99.06, 19.35, at(0)]]);
}
