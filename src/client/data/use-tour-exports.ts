/**
 * Tour exports for screens (tour-exports.repository.ts): a process's tour
 * notes and tracks as GeoJSON and GPX files, built from the device (works offline).
 */
import { getDb } from './current-db';
import { liveRead } from './device-bindings';
import * as tourExports from './tour-exports.repository';

export type { TourExport, TourExportCounts } from './tour-exports.repository';

/** How many tours, notes and track points the process has; follows new points and notes as they arrive. */
export const useTourExportCounts = liveRead(tourExports.summarizeProcessTours);

/** `{ geojson, gpx, fileBase, counts }` for the process's tours. */
export const exportProcessTours = (processId: string) => tourExports.exportProcessTours(getDb(), processId);
