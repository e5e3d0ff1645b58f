/**
 * Offline map packs: the list (reference data), the files downloaded to this
 * device, and the basemap every map draws when the device has one.
 */
import { getDb } from './current-db';
import * as mapPacks from './map-packs.repository';

export type {
  MapPackListItem,
  MapPackUploadResult,
  MapPackView,
  OfflineBasemap,
} from './map-packs.repository';

export const { useMapPacks, useOfflineBasemap } = mapPacks.createMapPackHooks(getDb);

/** Downloads a pack's file to this device (needs the network). */
export const downloadMapPack = (sha256: string, onProgress?: (fraction: number) => void) =>
  mapPacks.downloadMapPack(getDb(), sha256, { onProgress });
/** Deletes a downloaded pack's file from this device. */
export const removeMapPackFile = (sha256: string) => mapPacks.removeMapPackFile(getDb(), sha256);
/** Coordinators: uploads a .pmtiles file (needs the network). */
export const uploadMapPack = (file: Blob, name: string) => mapPacks.uploadMapPack(getDb(), file, name);
/** Coordinators: stops offering a pack (a local edit that syncs). */
export const retireMapPack = (id: string) => mapPacks.retireMapPack(getDb(), id);
