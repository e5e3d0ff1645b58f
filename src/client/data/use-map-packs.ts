/**
 * Offline map packs for screens (map-packs.repository.ts): the list, the
 * files downloaded to this device, and the basemap every map draws when the
 * device has one. Downloading and uploading need the network.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import * as mapPacks from './map-packs.repository';

export type { MapPackListItem, MapPackView, OfflineBasemap } from './map-packs.repository';
export type { MapPackUploadResult } from '../net/map-packs-api';
export { StorageFullError } from './blobs.repository';

/** Every listed pack, with whether its file is on this device; undefined while loading. */
export function useMapPacks(): mapPacks.MapPackListItem[] | undefined {
  return useLiveQuery(() => mapPacks.listMapPacks(getDb()), []);
}

/** The basemap every map draws under its data, or null (plain style). */
export function useOfflineBasemap(): mapPacks.OfflineBasemap | null {
  return useLiveQuery(() => mapPacks.offlineBasemap(getDb()), [], null) ?? null;
}

/** Downloads a pack's file to this device (needs the network; StorageFullError when it does not fit). */
export const downloadMapPack = (sha256: string, onProgress?: (fraction: number) => void) =>
  mapPacks.downloadMapPack(getDb(), sha256, { onProgress });
/** Deletes a downloaded pack's file from this device. */
export const removeMapPackFile = (sha256: string) => mapPacks.removeMapPackFile(getDb(), sha256);
/** Coordinators: uploads a .pmtiles file (needs the network). */
export const uploadMapPack = (file: Blob, name: string) => mapPacks.mapPacksApi(getDb()).upload(file, name);
/** Coordinators: stops offering a pack (a local edit that syncs). */
export const retireMapPack = (id: string) => mapPacks.retireMapPack(getDb(), id);
