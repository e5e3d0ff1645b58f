/**
 * Offline map packs for screens (map-packs.repository.ts): the list, the
 * files downloaded to this device, and the basemap every map draws when the
 * device has one. Downloading and uploading need the network.
 */
import { getDb } from './current-db';
import { boundCommand, liveRead, liveReadOr } from './device-bindings';
import * as mapPacks from './map-packs.repository';

export type { MapPackListItem, MapPackView, OfflineBasemap } from './map-packs.repository';
export type { MapPackUploadResult } from '../net/map-packs-api';
export { StorageFullError } from './blobs.repository';

/** Every listed pack, with whether its file is on this device; undefined while loading. */
export const useMapPacks = liveRead(mapPacks.listMapPacks);

/** The basemap every map draws under its data, or null (plain style). */
export const useOfflineBasemap = liveReadOr(mapPacks.offlineBasemap, null);

/** Downloads a pack's file to this device (needs the network; StorageFullError when it does not fit). */
export const downloadMapPack = (sha256: string, onProgress?: (fraction: number) => void) =>
  mapPacks.downloadMapPack(getDb(), sha256, { onProgress });
/** Deletes a downloaded pack's file from this device. */
export const removeMapPackFile = boundCommand(mapPacks.removeMapPackFile);
/** Coordinators: uploads a .pmtiles file (needs the network). */
export const uploadMapPack = (file: Blob, name: string) => mapPacks.mapPacksApi(getDb()).upload(file, name);
/** Coordinators: stops offering a pack (a local edit that syncs). */
export const retireMapPack = boundCommand(mapPacks.retireMapPack);
