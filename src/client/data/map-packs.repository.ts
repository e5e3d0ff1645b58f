/**
 * Offline map packs on this device. The list is reference data (`mapPack`
 * records every device pulls); the PMTiles file of a pack is downloaded only
 * when someone asks for it, kept in `mapPackFiles` (device only, never
 * synced) and read from there by every map — tiles never come from the
 * network while a map is drawn. Downloading needs the network
 * (net/map-packs-api.ts; uploading is there too, the coordinator's job);
 * retiring a pack is an ordinary local edit that syncs.
 */
import type { MapPack } from '../../domain';
import { ApiError } from '../net/api-client';
import { createMapPacksApi, type MapPacksApi } from '../net/map-packs-api';
import { accountToken } from './account.repository';
import { isQuotaError, sha256Hex, StorageFullError } from './blobs.repository';
import type { MapPackFile, TequioDb } from './db';
import { isLive, toView, writeLocal, type View } from './records.repository';

export type MapPackView = View<MapPack>;
export interface MapPackListItem extends MapPackView {
  /** The file is on this device (usable offline). */
  downloaded: boolean;
  downloadedAt: string | null;
}
export interface OfflineBasemap {
  key: string;
  bytes: Blob;
}

/** Newest first; retired packs last. */
export async function listMapPacks(db: TequioDb): Promise<MapPackListItem[]> {
  const [rows, files] = await Promise.all([db.mapPacks.toArray(), db.mapPackFiles.toArray()]);
  const fileOf = new Map<string, Pick<MapPackFile, 'sha256' | 'downloadedAt'>>(
    files.map((f) => [f.sha256, { sha256: f.sha256, downloadedAt: f.downloadedAt }]),
  );
  return rows
    .filter(isLive)
    .map((r) => {
      const pack = toView(r);
      const file = fileOf.get(pack.sha256);
      return { ...pack, downloaded: Boolean(file), downloadedAt: file?.downloadedAt ?? null };
    })
    .sort((a, b) => Number(b.active) - Number(a.active) || b.uploadedAt.localeCompare(a.uploadedAt));
}

/** The newest active pack whose file is on this device, as a map takes it; null when there is none. */
export async function offlineBasemap(db: TequioDb): Promise<OfflineBasemap | null> {
  const packs = await listMapPacks(db);
  for (const pack of packs) {
    if (!pack.active || !pack.downloaded) continue;
    const file = await db.mapPackFiles.get(pack.sha256);
    if (file) return { key: file.sha256, bytes: file.bytes };
  }
  return null;
}

/** The map pack API of the signed-in account. */
export function mapPacksApi(
  db: TequioDb,
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): MapPacksApi {
  return createMapPacksApi({ ...options, getToken: accountToken(db) });
}

/**
 * Downloads a pack's file (needs the network; ApiError `network` offline),
 * checks it hashes to its name and keeps it on the device. `onProgress`
 * receives the fraction received (0…1) when the size is known.
 */
export async function downloadMapPack(
  db: TequioDb,
  sha256: string,
  options: { baseUrl?: string; onProgress?: (fraction: number) => void; fetch?: typeof fetch } = {},
): Promise<void> {
  const bytes = await mapPacksApi(db, options).download(sha256, options.onProgress);
  if ((await sha256Hex(bytes)) !== sha256) {
    throw new ApiError(0, 'network', 'The download was incomplete; try again');
  }
  const file: MapPackFile = {
    sha256,
    bytes: new Blob([bytes], { type: 'application/vnd.pmtiles' }),
    size: bytes.size,
    downloadedAt: new Date().toISOString(),
  };
  try {
    await db.mapPackFiles.put(file);
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

/** Frees the space a downloaded pack takes on this device (the list keeps it, to download again). */
export async function removeMapPackFile(db: TequioDb, sha256: string): Promise<void> {
  await db.mapPackFiles.delete(sha256);
}

/** Coordinators: stops offering a pack (devices that hold it keep it until they remove it). */
export async function retireMapPack(db: TequioDb, id: string): Promise<void> {
  await writeLocal(db, 'mapPack', id, { op: 'put', fields: { active: false } }, { mustExist: true });
}
