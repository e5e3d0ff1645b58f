/**
 * The GPS track of a territorial tour, synced as append-only chunks: the
 * device keeps every point the browser delivers in a local buffer at once,
 * and seals them into `trackChunk` records every few points, on pause and on
 * stop. Chunks never change, so a track recorded on one tablet never
 * conflicts, and a chunk sent twice is the same record.
 */
import { z } from 'zod';

export const trackPointSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** Horizontal accuracy in metres, as the browser reported it (null when drawn by hand). */
  acc: z.number().min(0).max(100_000).nullable(),
  /** When the point was taken (ISO). */
  t: z.iso.datetime(),
});
export type TrackPoint = z.infer<typeof trackPointSchema>;

export const trackChunkSchema = z.object({
  processId: z.uuid(),
  /** The tour: a session of type territorial_tour. */
  sessionId: z.uuid(),
  /** A stretch recorded without pause (start → pause/stop); chunks of one segment join up. */
  segmentId: z.uuid(),
  /** Order of the chunk within its segment, from 0. */
  index: z.number().int().min(0).max(100_000),
  /** `gps`: recorded; `manual`: drawn on the map when GPS was unavailable or refused. */
  source: z.enum(['gps', 'manual']),
  points: z.array(trackPointSchema).min(1).max(1000),
  /** Times tracking stopped without the user pausing (reload, locked screen, lost signal). */
  interruptions: z
    .array(z.object({ from: z.iso.datetime(), to: z.iso.datetime() }))
    .max(100)
    .optional(),
});
export type TrackChunk = z.infer<typeof trackChunkSchema>;
