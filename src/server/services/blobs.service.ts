/**
 * Blob upload and download (spec: Blobs; resumable upload: ADR 0002).
 *
 * Content-addressed: a blob is named by the SHA-256 of its bytes and the
 * server checks the name before storing anything, so a retried, duplicated
 * or concurrent upload of the same bytes converges on one file, and an
 * interrupted one never leaves a wrong blob behind. Uploads are
 * resumable: a chunk carries `Content-Range`, HEAD tells how many bytes of
 * an unfinished upload arrived (`Upload-Offset`), and the last chunk
 * verifies the whole.
 *
 * Access: any signed-in user may upload. Reading back (GET, and HEAD alike)
 * needs a reason: the user uploaded those bytes themselves, or a live record
 * in their territorial scope references the hash — and a record may only
 * name a stored hash its writer could already read (apply-mutation.ts), so a
 * hash seen elsewhere is no key to the photo. Saying "already stored" (200)
 * only after hashing the sent bytes keeps a bare hash from being a key.
 */
import { z } from 'zod';
import { BLOB_LIMITS, normalizeBlobMime, SHA256_HEX, type User } from '../../domain';
import {
  BlobBodyError,
  OffsetMismatchError,
  type BlobStore,
  type Body,
  type FinishResult,
} from '../repositories/blob-store';
import type { BlobsRepository } from '../repositories/blobs.repository';
import type { RecordsRepository } from '../repositories/records.repository';
import {
  Forbidden,
  HashMismatch,
  NotFound,
  PayloadTooLarge,
  UnsupportedMediaType,
  UploadAborted,
  UploadOffsetMismatch,
  ValidationFailed,
} from './errors';
import { readScopeOf } from './scope';

/** The blob is stored (whole upload, or the last chunk). */
export const blobStoredSchema = z.object({ sha256: z.string(), size: z.number().int() });
/** A chunk was appended; the upload goes on at `offset`. */
export const blobProgressSchema = z.object({
  sha256: z.string(),
  offset: z.number().int(),
  total: z.number().int(),
});

export interface PutInput {
  contentType: string | undefined;
  contentLength: number | null;
  contentRange: string | undefined;
  body: Body | undefined;
}

export type PutOutcome =
  /** `created`: stored now; `existed`: already stored, and the bytes sent hash to the name. */
  | { status: 'created' | 'existed'; sha256: string; size: number }
  | { status: 'partial'; sha256: string; offset: number; total: number };

export type HeadOutcome = { stored: true; size: number; mime: string } | { stored: false; offset: number };

/** Partial uploads nobody has touched for a week are abandoned. */
const PARTIAL_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const tooLarge = () => new PayloadTooLarge(`A blob is at most ${BLOB_LIMITS.maxBytes} bytes (20 MiB)`);
const unsupported = () =>
  new UnsupportedMediaType('Blobs are images (not SVG) or audio: send image/* or audio/*');

function bodyError(error: unknown): unknown {
  if (!(error instanceof BlobBodyError)) return error;
  if (error.kind === 'too_large') return tooLarge();
  if (error.kind === 'length_mismatch')
    return new ValidationFailed('The body does not have as many bytes as Content-Range says');
  return new UploadAborted('The connection was cut before the body ended');
}

/** The blob name from the URL: a SHA-256 hex digest (upper case is accepted and lowered). */
export function parseBlobName(raw: string): string {
  const sha256 = raw.toLowerCase();
  if (!SHA256_HEX.test(sha256))
    throw new ValidationFailed('The blob name must be a SHA-256 hex digest', [
      { path: 'sha256', message: 'expected 64 hex digits' },
    ]);
  return sha256;
}

/** `bytes <start>-<end>/<total>` → the chunk's place in the blob. */
export function parseContentRange(header: string): { start: number; end: number; total: number } {
  const match = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/.exec(header.trim());
  const [start, end, total] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  if (start === undefined || end === undefined || total === undefined || start > end || end >= total) {
    throw new ValidationFailed(
      'Content-Range must be "bytes <start>-<end>/<total>" with start ≤ end < total',
      [{ path: 'content-range', message: 'invalid' }],
    );
  }
  return { start, end, total };
}

export interface BlobsServiceDeps {
  store: BlobStore;
  blobs: BlobsRepository;
  records: Pick<RecordsRepository, 'processIdsOfMember' | 'processIdsInDirectorates'>;
}

export function createBlobsService({ store, blobs, records }: BlobsServiceDeps) {
  void store.sweep(PARTIAL_MAX_AGE_MS).catch(() => undefined);

  async function isStored(sha256: string) {
    const row = await blobs.get(sha256);
    return row && (await store.size(sha256)) !== null ? row : null;
  }

  async function stored(user: User, sha256: string, mime: string, result: 'created' | 'existed') {
    const size = (await store.size(sha256)) ?? 0;
    const now = new Date().toISOString();
    await blobs.insert({ sha256, mime, size }, now);
    await blobs.recordUpload(sha256, user.id, now);
    return { status: result, sha256, size };
  }

  async function finished(user: User, sha256: string, mime: string, result: FinishResult) {
    if (result === 'mismatch') throw new HashMismatch();
    return stored(user, sha256, mime, result);
  }

  /**
   * Checked like GET: a stored blob the caller may not read answers as not
   * stored (404, their own upload's offset), so a bare hash reveals neither the
   * blob nor its size; a device that really holds the bytes uploads them and
   * the server, having hashed them, records it as an uploader.
   */
  async function head(user: User, rawName: string): Promise<HeadOutcome> {
    const sha256 = parseBlobName(rawName);
    const row = await isStored(sha256);
    if (row && (await canRead(user, sha256))) return { stored: true, size: row.size, mime: row.mime };
    const partial = await store.partial(user.id, sha256);
    if (partial && partial.offset === partial.total) {
      // The last chunk arrived but the server stopped before finishing: finish now.
      const result = await store.finishPartial(user.id, sha256);
      if (result !== 'mismatch') {
        const done = await stored(user, sha256, partial.mime, result);
        return { stored: true, size: done.size, mime: partial.mime };
      }
      return { stored: false, offset: 0 };
    }
    return { stored: false, offset: partial?.offset ?? 0 };
  }

  async function putWhole(user: User, sha256: string, mime: string, input: PutInput): Promise<PutOutcome> {
    const received = await store.receive(input.body!, BLOB_LIMITS.maxBytes).catch((e: unknown) => {
      throw bodyError(e);
    });
    if (received.size === 0) {
      await store.discard(received.tempPath);
      throw new ValidationFailed('The body is empty');
    }
    if (received.sha256 !== sha256) {
      await store.discard(received.tempPath);
      throw new HashMismatch();
    }
    return stored(user, sha256, mime, await store.commit(received.tempPath, sha256));
  }

  async function putChunk(user: User, sha256: string, mime: string, input: PutInput): Promise<PutOutcome> {
    const range = parseContentRange(input.contentRange!);
    if (range.total > BLOB_LIMITS.maxBytes) throw tooLarge();
    const length = range.end - range.start + 1;
    if (input.contentLength !== null && input.contentLength !== length) {
      throw new ValidationFailed('Content-Length does not match Content-Range');
    }
    const existing = await isStored(sha256);
    if (existing && range.start === 0 && range.end === range.total - 1) {
      // One chunk holding everything is a plain upload.
      return putWhole(user, sha256, mime, input);
    }
    try {
      const { offset, finished: result } = await store.appendChunk(user.id, sha256, {
        ...range,
        length,
        mime,
        body: input.body!,
      });
      if (result) return finished(user, sha256, mime, result);
      return { status: 'partial', sha256, offset, total: range.total };
    } catch (error) {
      if (error instanceof OffsetMismatchError) throw new UploadOffsetMismatch(error.offset);
      throw bodyError(error);
    }
  }

  async function put(user: User, rawName: string, input: PutInput): Promise<PutOutcome> {
    const sha256 = parseBlobName(rawName);
    const mime = normalizeBlobMime(input.contentType);
    if (!mime) throw unsupported();
    if (input.contentLength !== null && input.contentLength > BLOB_LIMITS.maxBytes) throw tooLarge();
    if (!input.body || input.contentLength === 0) throw new ValidationFailed('The body is empty');
    return input.contentRange === undefined
      ? putWhole(user, sha256, mime, input)
      : putChunk(user, sha256, mime, input);
  }

  /** Who may download: the uploader, or anyone who may read a live record referencing the hash. */
  async function canRead(user: User, sha256: string): Promise<boolean> {
    if (await blobs.hasUploaded(sha256, user.id)) return true;
    return blobs.isReferenced(sha256, (await readScopeOf(records, user)).filter);
  }

  async function get(user: User, rawName: string) {
    const sha256 = parseBlobName(rawName);
    const row = await isStored(sha256);
    if (!row) throw new NotFound('No such blob');
    if (!(await canRead(user, sha256))) throw new Forbidden('No record you can read holds this blob');
    return { sha256, mime: row.mime, size: row.size, open: () => store.read(sha256) };
  }

  return { head, put, get };
}

export type BlobsService = ReturnType<typeof createBlobsService>;
