/**
 * Offline map packs on this device. The list is reference data (`mapPack`
 * records every device pulls); the PMTiles file of a pack is downloaded only
 * when someone asks for it, kept in `mapPackFiles` (device only, never
 * synced) and read from there by every map — tiles never come from the
 * network while a map is drawn. Uploading a pack is the coordinator's job
 * and needs the network; retiring one is an ordinary local edit that syncs.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { MapPack } from '../../domain';
import { ApiError } from '../net/api-client';
import { StorageFullError } from './blobs.repository';
import type { MapPackFile, TequioDb } from './db';
import { toView } from './entities.repository';
import { writeLocal } from './records.repository';

export type MapPackView = MapPack & { id: string };
export interface MapPackListItem extends MapPackView {
  /** The file is on this device (usable offline). */
  downloaded: boolean;
  downloadedAt: string | null;
}
export interface OfflineBasemap {
  key: string;
  bytes: Blob;
}
export interface MapPackUploadResult {
  id: string;
  sha256: string;
  size: number;
  /** False when the same file was already on the server (nothing changed). */
  created: boolean;
}

/** Newest first; retired packs last. */
export async function listMapPacks(db: TequioDb): Promise<MapPackListItem[]> {
  const [rows, files] = await Promise.all([
    db.mapPacks.filter((r) => !r.deleted).toArray(),
    db.mapPackFiles.toArray(),
  ]);
  const fileOf = new Map<string, Pick<MapPackFile, 'sha256' | 'downloadedAt'>>(
    files.map((f) => [f.sha256, { sha256: f.sha256, downloadedAt: f.downloadedAt }]),
  );
  return rows
    .map((r) => {
      const pack = toView<MapPack>(r);
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

async function tokenOf(db: TequioDb): Promise<string | undefined> {
  return (await db.getMeta('account'))?.token;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string } } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  return new ApiError(
    response.status,
    body?.error?.code ?? `http_${response.status}`,
    body?.error?.message ?? response.statusText,
  );
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function isQuotaError(error: unknown): boolean {
  const names = [(error as Error)?.name, ((error as { inner?: Error })?.inner as Error | undefined)?.name];
  return names.includes('QuotaExceededError');
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
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const token = await tokenOf(db);
  let bytes: Blob;
  try {
    const response = await doFetch(`${options.baseUrl ?? ''}/api/v1/map-packs/${sha256}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      cache: 'no-store',
    });
    if (!response.ok) throw await errorOf(response);
    const total = Number(response.headers.get('content-length')) || 0;
    if (response.body && options.onProgress && total > 0) {
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value as Uint8Array<ArrayBuffer>);
        received += value.length;
        options.onProgress(Math.min(1, received / total));
      }
      bytes = new Blob(parts);
    } else {
      bytes = await response.blob();
    }
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }
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

/** Coordinators: sends a .pmtiles file to the server (needs the network). The list arrives with the next sync. */
export async function uploadMapPack(
  db: TequioDb,
  file: Blob,
  name: string,
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): Promise<MapPackUploadResult> {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const token = await tokenOf(db);
  let response: Response;
  try {
    response = await doFetch(
      `${options.baseUrl ?? ''}/api/v1/map-packs?name=${encodeURIComponent(name.trim())}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/vnd.pmtiles',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: file,
        cache: 'no-store',
      },
    );
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
  }
  if (response.status !== 200 && response.status !== 201) throw await errorOf(response);
  const body = (await response.json()) as { id: string; sha256: string; size: number };
  return { id: body.id, sha256: body.sha256, size: body.size, created: response.status === 201 };
}

/** Coordinators: stops offering a pack (devices that hold it keep it until they remove it). */
export async function retireMapPack(db: TequioDb, id: string): Promise<void> {
  await writeLocal(db, 'mapPack', id, { op: 'put', fields: { active: false } }, { mustExist: true });
}

export function createMapPackHooks(getDb: () => TequioDb) {
  return {
    /** Every listed pack, with whether its file is on this device; undefined while loading. */
    useMapPacks: () => useLiveQuery(() => listMapPacks(getDb()), []),
    /** The basemap every map draws under its data, or null (plain style). */
    useOfflineBasemap: (): OfflineBasemap | null =>
      useLiveQuery(() => offlineBasemap(getDb()), [], null) ?? null,
  };
}
