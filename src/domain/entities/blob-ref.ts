/**
 * Blobs (photos, audio) are content-addressed: a record holds a `BlobRef`
 * naming the bytes by their SHA-256, never the bytes themselves. The same
 * photo attached twice is the same hash, so it is stored and sent once.
 */
import { z } from 'zod';

export const BLOB_LIMITS = {
  /** Largest blob the server accepts (spec: ≤ 20 MiB). */
  maxBytes: 20 * 1024 * 1024,
  /** Size of one resumable upload chunk. */
  chunkBytes: 1024 * 1024,
  /** Photos are downscaled on the device so their long side is at most this. */
  imageLongSide: 1600,
  /** JPEG/WebP quality used when a photo is re-encoded. */
  imageQuality: 0.8,
} as const;

export const SHA256_HEX = /^[0-9a-f]{64}$/;
export const sha256Schema = z.string().regex(SHA256_HEX, 'must be a lower-case SHA-256 hex digest');

/**
 * Photos and audio only. SVG is refused: it is a document that can carry
 * scripts, and field photos never need it.
 */
const BLOB_MIME = /^(image\/(?!svg)[a-z0-9][a-z0-9.+-]{0,60}|audio\/[a-z0-9][a-z0-9.+-]{0,60})$/;

/** `image/jpeg; q=1` → `image/jpeg`, or null when the type is not a photo or audio type. */
export function normalizeBlobMime(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  return BLOB_MIME.test(mime) ? mime : null;
}

export const blobMimeSchema = z
  .string()
  .max(100)
  .refine((m) => normalizeBlobMime(m) === m, 'must be an image or audio type');

export const blobRefSchema = z.object({
  sha256: sha256Schema,
  mime: blobMimeSchema,
  width: z.number().int().min(1).max(100_000).optional(),
  height: z.number().int().min(1).max(100_000).optional(),
  takenAt: z.iso.datetime({ offset: true }).optional(),
});
export type BlobRef = z.infer<typeof blobRefSchema>;

/**
 * Every blob hash a record's fields reference: any object, at any depth,
 * with a `sha256` string that is a valid digest. The server uses it to
 * decide who may download a blob (whoever may read a record that holds it).
 */
export function collectBlobHashes(value: unknown, found: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > 32 || value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    for (const item of value) collectBlobHashes(item, found, depth + 1);
    return found;
  }
  const object = value as Record<string, unknown>;
  const sha = object.sha256;
  if (typeof sha === 'string' && SHA256_HEX.test(sha)) found.add(sha);
  for (const item of Object.values(object)) collectBlobHashes(item, found, depth + 1);
  return found;
}
