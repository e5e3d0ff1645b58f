/**
 * Tour exports for screens (tour-exports.repository.ts): a process's tour
 * notes and tracks as GeoJSON and GPX files, built from the device (works offline).
 */
import { getDb } from './current-db';
import * as tourExports from './tour-exports.repository';
import { useDeviceRead } from './use-device-read';

export type { TourExport, TourExportCounts } from './tour-exports.repository';

/** How many tours, notes and track points the process has; follows new points and notes as they arrive. */
export function useTourExportCounts(processId: string): tourExports.TourExportCounts | undefined {
  return useDeviceRead(tourExports.summarizeProcessTours, processId);
}

/** `{ geojson, gpx, fileBase, counts }` for the process's tours. */
export const exportProcessTours = (processId: string) => tourExports.exportProcessTours(getDb(), processId);
