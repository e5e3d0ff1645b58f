/**
 * Photos and audio on the device. A file is stored once per SHA-256 (the
 * same photo attached twice is one row) in the `blobs` table, as `pending`
 * until the server has confirmed the hash; only then may its copy be
 * evicted. Records hold a `BlobRef` (the hash and a few facts), never the
 * bytes, so a record syncs at once and the bytes follow (blob-uploader.ts).
 *
 * Photos are downscaled on the device first (long side 1600 px, JPEG), which
 * keeps uploads small on field connections and drops the camera's EXIF data
 * (location included). Storage full is a `StorageFullError` the UI shows;
 * nothing else is touched, so the record being edited stays savable.
 */
import { BLOB_LIMITS, normalizeBlobMime, type BlobRef } from '../../domain';
import type { LocalBlob, TequioDb } from './db';

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
 * uploader asks again (a HEAD per blob) and re-sends what is missing.
 */
export async function requeueConfirmedBlobs(db: TequioDb): Promise<number> {
  return db.blobs.where('status').equals('uploaded').modify({ status: 'pending', uploadedBytes: 0 });
}

/** Frees the space of confirmed copies older than `olderThan` (ISO). Pending copies are never touched. */
export async function evictConfirmedBlobs(db: TequioDb, olderThan: string): Promise<number> {
  return db.blobs
    .where('status')
    .equals('uploaded')
    .filter((row) => row.createdAt < olderThan)
    .delete();
}

/**
 * The bytes of a blob: the device's copy, else downloaded with `download`
 * and kept as a confirmed (evictable) copy so it also shows offline later.
 */
export async function loadBlob(
  db: TequioDb,
  sha256: string,
  download: (sha256: string) => Promise<Blob>,
): Promise<Blob> {
  const local = await db.blobs.get(sha256);
  if (local) return local.bytes;
  const bytes = await download(sha256);
  const mime = normalizeBlobMime(bytes.type) ?? 'application/octet-stream';
  await db.blobs
    .put({
      sha256,
      bytes,
      mime,
      size: bytes.size,
      createdAt: new Date().toISOString(),
      status: 'uploaded',
      uploadedBytes: bytes.size,
    })
    .catch(() => undefined); // a full device still shows the photo, it just does not keep it
  return bytes;
}
