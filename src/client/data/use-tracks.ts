/**
 * Tour tracks for screens (tracks.repository.ts): a tour's track as recorded
 * so far and a route drawn by hand. The GPS recorder itself is in
 * tracking/use-track-recorder.ts.
 */
import { getDb } from './current-db';
import { liveRead } from './device-bindings';
import * as tracks from './tracks.repository';

export type { TourTrackView } from './tracks.repository';

/** The tour's track: sealed chunks plus points still buffered, distance (m), duration (ms), interruptions. */
export const useTourTrack = liveRead(tracks.getTourTrack);

/** Saves a route drawn on the map (GPS unavailable or refused) as a manual segment. */
export const saveDrawnRoute = (
  sessionId: string,
  processId: string,
  points: { lon: number; lat: number }[],
) => tracks.saveDrawnRoute(getDb(), { sessionId, processId, points });
