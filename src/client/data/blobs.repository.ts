/**
 * Photos and audio on the device. A file is stored once per SHA-256 (the
 * same photo attached twice is one row) in the `blobs` table, as `pending`
 * until the server has confirmed the hash; only then may its copy be
 * evicted under storage pressure (blob-eviction.ts says when), leaving a
 * note in `evictedBlobs` and downloading it again when it is shown. Records hold a `BlobRef` (the hash and a few facts), never the
 * bytes, so a record syncs at once and the bytes follow (blob-uploader.ts).
 *
 * Photos are downscaled on the device first (long side 1600 px, JPEG), which
 * keeps uploads small on field connections and drops the camera's EXIF data
 * (location included). Storage full is a `StorageFullError` the UI shows;
 * nothing else is touched, so the record being edited stays savable.
 */
import { BLOB_LIMITS, normalizeBlobMime, type BlobRef } from '../../domain';
import type { EvictedBlob, LocalBlob, TequioDb } from './db';

/** The device has no room left for this file. Nothing was written; the record can still be saved without it. */
export class StorageFullError extends Error {
  readonly i18nKey = 'photos.storageFull';
  constructor(cause?: unknown) {
    super('The device storage is full', { cause });
    this.name = 'StorageFullError';
  }
}

/** The file is larger than the server accepts (20 MiB) or not a photo/audio type. */
export class UnsupportedBlobError extends Error {
  constructor(
    readonly reason: 'too_large' | 'unsupported_type',
    readonly i18nKey = reason === 'too_large' ? 'photos.tooLarge' : 'photos.unsupported',
  ) {
    super(
      reason === 'too_large' ? 'The file is larger than 20 MiB' : 'Only photos and audio can be attached',
    );
    this.name = 'UnsupportedBlobError';
  }
}

export interface ResizedImage {
  blob: Blob;
  width: number;
  height: number;
}

/** Downscales an image; null when it cannot be decoded here (the original is then kept as is). */
export type ImageResizer = (
  file: Blob,
  options: { maxSide: number; quality: number },
) => Promise<ResizedImage | null>;

/** Downscaling with the canvas API (createImageBitmap + OffscreenCanvas or a canvas element). */
export const canvasResizer: ImageResizer = async (file, { maxSide, quality }) => {
  if (typeof createImageBitmap !== 'function') return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null; // e.g. HEIC where the browser cannot decode it
  }
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    if (scale === 1 && file.type === 'image/jpeg') return { blob: file, width, height };
    if (typeof OffscreenCanvas === 'function') {
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
      return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality }), width, height };
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    return blob ? { blob, width, height } : null;
  } finally {
    bitmap.close();
  }
};

export async function sha256Hex(blob: Blob): Promise<string> {
  // A view made here: some environments hand out buffers from another realm.
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await blob.arrayBuffer()));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** True for the "no space left" failures of IndexedDB across browsers (Dexie may wrap them). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

function takenAtOf(file: Blob): string | undefined {
  const modified = (file as Partial<File>).lastModified;
  return typeof modified === 'number' && modified > 0 ? new Date(modified).toISOString() : undefined;
}

/**
 * Stores a photo or audio file as it is and returns its reference. The same
 * bytes twice give the same reference and one row. Throws
 * `UnsupportedBlobError` (too large, wrong type) or `StorageFullError`.
 */
export async function storeBlob(
  db: TequioDb,
  file: Blob,
  facts: { width?: number; height?: number; takenAt?: string } = {},
): Promise<BlobRef> {
  const mime = normalizeBlobMime(file.type);
  if (!mime) throw new UnsupportedBlobError('unsupported_type');
  if (file.size === 0) throw new UnsupportedBlobError('unsupported_type');
  if (file.size > BLOB_LIMITS.maxBytes) throw new UnsupportedBlobError('too_large');
  const sha256 = await sha256Hex(file);
  const ref: BlobRef = { sha256, mime };
  if (facts.width && facts.height) Object.assign(ref, { width: facts.width, height: facts.height });
  if (facts.takenAt) ref.takenAt = facts.takenAt;
  try {
    await db.transaction('rw', db.blobs, async () => {
      if (await db.blobs.get(sha256)) return;
      const row: LocalBlob = {
        sha256,
        bytes: file,
        mime,
        size: file.size,
        createdAt: new Date().toISOString(),
        status: 'pending',
        uploadedBytes: 0,
        ...(ref.width ? { width: ref.width, height: ref.height } : {}),
      };
      await db.blobs.add(row);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
  return ref;
}

/** Downscales a photo on the device (long side 1600 px, JPEG) and stores it; see `storeBlob`. */
export async function storePhoto(
  db: TequioDb,
  file: Blob,
  options: { resize?: ImageResizer } = {},
): Promise<BlobRef> {
  if (!normalizeBlobMime(file.type)?.startsWith('image/')) throw new UnsupportedBlobError('unsupported_type');
  const resize = options.resize ?? canvasResizer;
  const resized = await resize(file, {
    maxSide: BLOB_LIMITS.imageLongSide,
    quality: BLOB_LIMITS.imageQuality,
  });
  const bytes = resized?.blob ?? file;
  return storeBlob(db, bytes, { width: resized?.width, height: resized?.height, takenAt: takenAtOf(file) });
}

export function getLocalBlob(db: TequioDb, sha256: string): Promise<LocalBlob | undefined> {
  return db.blobs.get(sha256);
}

/** Blobs the server has not confirmed yet (count and bytes), for the sync screen. */
export async function pendingBlobs(db: TequioDb): Promise<{ count: number; bytes: number }> {
  const rows = await db.blobs.where('status').equals('pending').toArray();
  return { count: rows.length, bytes: rows.reduce((sum, row) => sum + row.size, 0) };
}

/**
 * After a server restore (new epoch) the server may have lost blobs it had
 * confirmed: every copy still on the device goes back to `pending`, so the
 * uploader asks again (a HEAD per blob) and re-sends what is missing — and
 * none of them may be evicted until the restored server confirms it again.
 * Copies already evicted cannot be re-sent; eviction waits a week after the
 * confirmation so a restore from a backup up to a week old still holds them.
 */
export async function requeueConfirmedBlobs(db: TequioDb): Promise<number> {
  return db.blobs
    .where('status')
    .equals('uploaded')
    .modify({ status: 'pending', uploadedBytes: 0, confirmedAt: undefined });
}

/**
 * Frees the device copies of these blobs, keeping a note of each (`evictedBlobs`) so the app
 * knows the server holds it and downloads it when it is shown (`loadBlob`). Only copies still
 * confirmed when the transaction runs are freed: one a new server epoch turned back to
 * `pending` in the meantime stays, so nothing the server may lack is ever dropped.
 * Returns what was freed.
 */
export async function evictBlobs(
  db: TequioDb,
  hashes: readonly string[],
  now: Date = new Date(),
): Promise<{ evicted: number; freedBytes: number }> {
  return db.transaction('rw', db.blobs, db.evictedBlobs, async () => {
    const rows = await db.blobs.bulkGet([...hashes]);
    const confirmed = rows.filter((row): row is LocalBlob => row?.status === 'uploaded');
    const evictedAt = now.toISOString();
    const notes: EvictedBlob[] = confirmed.map((row) => ({
      sha256: row.sha256,
      mime: row.mime,
      size: row.size,
      ...(row.width ? { width: row.width, height: row.height } : {}),
      createdAt: row.createdAt,
      confirmedAt: row.confirmedAt ?? row.createdAt,
      evictedAt,
    }));
    await db.evictedBlobs.bulkPut(notes);
    await db.blobs.bulkDelete(confirmed.map((row) => row.sha256));
    return { evicted: confirmed.length, freedBytes: confirmed.reduce((sum, row) => sum + row.size, 0) };
  });
}

/** Frees every confirmed copy made before `olderThan` (ISO), whatever the pressure; pending copies stay. */
export async function evictConfirmedBlobs(db: TequioDb, olderThan: string): Promise<number> {
  const old = await db.blobs
    .where('status')
    .equals('uploaded')
    .filter((row) => row.createdAt < olderThan)
    .primaryKeys();
  return (await evictBlobs(db, old)).evicted;
}

/** A copy shown again is recent again; noted at most once an hour so showing photos writes little. */
const USE_NOTE_MS = 60 * 60 * 1000;

/**
 * The bytes of a blob: the device's copy, else downloaded with `download`
 * and kept as a confirmed copy, so it also shows offline later (and is not
 * freed again for a week). A download fails offline (the caller shows the
 * photo as kept on the server); a full device still gets the bytes shown.
 */
export async function loadBlob(
  db: TequioDb,
  sha256: string,
  download: (sha256: string) => Promise<Blob>,
  now: () => Date = () => new Date(),
): Promise<Blob> {
  const local = await db.blobs.get(sha256);
  if (local) {
    const usedAt = now();
    // Noted on the side: showing the photo never waits for this write.
    if (!local.lastUsedAt || usedAt.getTime() - Date.parse(local.lastUsedAt) > USE_NOTE_MS)
      void db.blobs.update(sha256, { lastUsedAt: usedAt.toISOString() }).catch(() => undefined);
    return local.bytes;
  }
  const bytes = await download(sha256);
  const at = now().toISOString();
  await db
    .transaction('rw', db.blobs, db.evictedBlobs, async () => {
      if (await db.blobs.get(sha256)) return; // stored here meanwhile (the same photo taken again)
      const evicted = await db.evictedBlobs.get(sha256);
      const row: LocalBlob = {
        sha256,
        bytes,
        mime: evicted?.mime ?? normalizeBlobMime(bytes.type) ?? 'application/octet-stream',
        size: bytes.size,
        ...(evicted?.width ? { width: evicted.width, height: evicted.height } : {}),
        createdAt: evicted?.createdAt ?? at,
        status: 'uploaded',
        uploadedBytes: bytes.size,
        confirmedAt: at,
        lastUsedAt: at,
      };
      await db.blobs.put(row);
      await db.evictedBlobs.delete(sha256);
    })
    .catch(() => undefined); // a full device still shows the photo, it just does not keep it
  return bytes;
}

/** Whether the device freed its copy of this blob (the server holds it). */
export async function isEvicted(db: TequioDb, sha256: string): Promise<boolean> {
  return (await db.evictedBlobs.get(sha256)) !== undefined;
}

/** Photos and audio freed on this device (count and bytes), for the sync screen. */
export async function evictedBlobsSummary(db: TequioDb): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  await db.evictedBlobs.each((row) => {
    count++;
    bytes += row.size;
  });
  return { count, bytes };
}
