/**
 * The office for screens (office.repository.ts): the device's records for the
 * dashboards, live (a process that syncs in changes the figures), and the
 * export files. Photos the device does not hold are fetched from the server
 * when online.
 */
import type { DashboardFilter } from '../../domain/dashboard';
import type { Labeller } from '../../domain/exports/table';
import { getDb } from './current-db';
import { liveRead } from './device-bindings';
import * as office from './office.repository';
import { downloadBlob } from './use-blobs';

export type { ExportFile, ExportProgress, OfficeExportKind } from './office.repository';

/** Every record the dashboards read (undefined while loading); re-read when any of them changes. */
export const useOfficeData = liveRead(office.loadOfficeData);

export const buildOfficeExport = (
  kind: office.OfficeExportKind,
  filter: DashboardFilter,
  label: Labeller,
  onProgress?: (p: office.ExportProgress) => void,
) => office.buildOfficeExport(getDb(), kind, filter, label, onProgress);

export const buildPhotoExport = (filter: DashboardFilter, onProgress?: (p: office.ExportProgress) => void) =>
  office.buildPhotoExport(getDb(), filter, downloadBlob, onProgress);
