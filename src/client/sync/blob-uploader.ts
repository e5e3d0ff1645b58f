/**
 * Uploads the device's pending photos and audio (plain TypeScript; the
 * sync engine runs it at the start of every cycle, before the mutations).
 *
 * Offline or cut off it loses nothing: a blob stays `pending` with its
 * bytes until the server confirms the hash (HEAD 200 or PUT 200/201). Large
 * files go in 1 MiB chunks; after an interruption the next attempt asks
 * the server how far it got (HEAD → Upload-Offset) and goes on from there,
 * so a 20 MB recording on a weak signal arrives in pieces instead of
 * starting over. A blob that keeps failing waits (exponential backoff per
 * blob) without holding up the others or the records. Uploads are
 * idempotent: the server names blobs by hash, so a repeated or concurrent
 * upload of the same bytes stores them once.
 */
import { BLOB_LIMITS } from '../../domain';
import type { LocalBlob, TequioDb } from '../data/db';
import { accountToken } from '../data/account.repository';
import { ApiError, type HttpOptions } from '../net/api-client';
import { createBlobsApi, type BlobsApi } from '../net/blobs-api';
import { backoffDelay, type BackoffOptions } from './backoff';

export interface UploadReport {
  /** Blobs the server confirmed in this pass. */
  confirmed: number;
  failed: number;
  /** Bytes sent in this pass (including chunks that were cut). */
  bytesSent: number;
  /** Code of the failure that stopped the pass (network, unauthenticated…), if any. */
  error?: string;
}

/** Without `api`, the blobs client is made of `baseUrl`, `fetch` and `getToken` (default: the account's token). */
export interface BlobUploaderOptions extends Pick<HttpOptions, 'baseUrl' | 'getToken' | 'fetch'> {
  db: TequioDb;
  api?: BlobsApi;
  chunkBytes?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  now?: () => number;
  /** Stop starting new chunks after this long in one pass (ms), so records are not held up for long. */
  budgetMs?: number;
}

export interface BlobUploader {
  /** Uploads what is due; never throws (failures are in the report and on each blob). */
  uploadPending(): Promise<UploadReport>;
}

const DEFAULT_BLOB_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 30 * 60_000 };

/** Failures that say nothing about this blob (the network, the server, the account): stop the pass. */
function stopsThePass(error: ApiError): boolean {
  return error.status === 0 || error.status === 401 || error.retriable;
}

function expectedOffset(error: ApiError): number | null {
  const detail = error.details[0] as { expected?: unknown } | undefined;
  return typeof detail?.expected === 'number' ? detail.expected : null;
}

export function createBlobUploader(options: BlobUploaderOptions): BlobUploader {
  const { db } = options;
  const api =
    options.api ??
    createBlobsApi({
      baseUrl: options.baseUrl ?? '',
      fetch: options.fetch,
      getToken: options.getToken ?? accountToken(db),
    });
  const chunkBytes = options.chunkBytes ?? BLOB_LIMITS.chunkBytes;
  const backoff = options.backoff ?? DEFAULT_BLOB_BACKOFF;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const budgetMs = options.budgetMs ?? 60_000;
  let running: Promise<UploadReport> | null = null;

  async function confirm(blob: LocalBlob) {
    await db.blobs.update(blob.sha256, {
      status: 'uploaded',
      uploadedBytes: blob.size,
      confirmedAt: new Date(now()).toISOString(),
      attempts: 0,
      nextAttemptAt: undefined,
      lastError: undefined,
    });
  }

  async function fail(blob: LocalBlob, error: ApiError) {
    const attempts = (blob.attempts ?? 0) + 1;
    await db.blobs.update(blob.sha256, {
      attempts,
      nextAttemptAt: new Date(now() + backoffDelay(attempts - 1, backoff, random)).toISOString(),
      lastError: error.code,
    });
  }

  /** Sends one blob, resuming where the server is; resolves once the server holds it. */
  async function upload(blob: LocalBlob, deadline: number, report: UploadReport): Promise<boolean> {
    const head = await api.head(blob.sha256);
    if (head.stored) return true;
    if (blob.size <= chunkBytes) {
      report.bytesSent += blob.size;
      return (await api.put(blob.sha256, blob.mime, blob.bytes)).stored;
    }
    let offset = head.offset < blob.size ? head.offset : 0;
    while (now() < deadline) {
      const chunk = blob.bytes.slice(offset, Math.min(offset + chunkBytes, blob.size));
      try {
        report.bytesSent += chunk.size;
        const result = await api.put(blob.sha256, blob.mime, chunk, { start: offset, total: blob.size });
        if (result.stored) return true;
        offset = result.offset;
        await db.blobs.update(blob.sha256, { uploadedBytes: offset });
      } catch (error) {
        const expected = error instanceof ApiError ? expectedOffset(error) : null;
        if (!(error instanceof ApiError && error.code === 'upload_offset_mismatch' && expected !== null))
          throw error;
        offset = expected < blob.size ? expected : 0; // the server knows better where we are
      }
    }
    return false; // out of time for this pass: the next one resumes from the server's offset
  }

  async function pass(): Promise<UploadReport> {
    const report: UploadReport = { confirmed: 0, failed: 0, bytesSent: 0 };
    const deadline = now() + budgetMs;
    const nowIso = new Date(now()).toISOString();
    const due = (await db.blobs.where('status').equals('pending').toArray())
      .filter((b) => !b.nextAttemptAt || b.nextAttemptAt <= nowIso)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    for (const blob of due) {
      if (now() >= deadline) break;
      try {
        if (await upload(blob, deadline, report)) {
          await confirm(blob);
          report.confirmed++;
        }
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error));
        report.failed++;
        await fail(blob, e).catch(() => undefined);
        if (stopsThePass(e)) {
          report.error = e.code;
          break;
        }
      }
    }
    return report;
  }

  return {
    uploadPending() {
      // One pass at a time per uploader; a second call shares the pass in progress.
      running ??= pass()
        .catch((error: unknown) => ({
          confirmed: 0,
          failed: 0,
          bytesSent: 0,
          error: error instanceof Error ? error.message : String(error),
        }))
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
