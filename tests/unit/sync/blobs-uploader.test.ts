import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain';
import { storeBlob } from '../../../src/client/data/blobs.repository';
import { TequioDb } from '../../../src/client/data/db';
import { ApiError } from '../../../src/client/net/api-client';
import type { BlobsApi, PutResult } from '../../../src/client/net/blobs-api';
import { createBlobUploader } from '../../../src/client/sync/blob-uploader';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A server in memory: what it holds per hash, with a hook to fail chosen calls. */
function fakeServer(
  fail: (call: { method: string; sha256: string; start?: number }) => ApiError | null = () => null,
) {
  const held = new Map<string, number>();
  const done = new Set<string>();
  const calls: string[] = [];
  const api: BlobsApi = {
    async head(sha256) {
      calls.push(`HEAD ${sha256.slice(0, 4)}`);
      const error = fail({ method: 'HEAD', sha256 });
      if (error) throw error;
      return done.has(sha256) ? { stored: true } : { stored: false, offset: held.get(sha256) ?? 0 };
    },
    async put(sha256, _mime, bytes, range): Promise<PutResult> {
      calls.push(`PUT ${sha256.slice(0, 4)} ${range ? range.start : 'whole'}`);
      const error = fail({ method: 'PUT', sha256, start: range?.start });
      if (error) throw error;
      if (!range) {
        done.add(sha256);
        return { stored: true, created: true };
      }
      const offset = held.get(sha256) ?? 0;
      if (range.start !== offset)
        throw new ApiError(409, 'upload_offset_mismatch', 'offset', [{ expected: offset }]);
      const next = offset + bytes.size;
      held.set(sha256, next);
      if (next === range.total) {
        done.add(sha256);
        return { stored: true, created: true };
      }
      return { stored: false, offset: next };
    },
    get: () => Promise.reject(new Error('not used')),
  };
  return { api, calls, done, held };
}

const audio = (text: string, size = 0) => new Blob([text, new Uint8Array(size)], { type: 'audio/webm' });

describe('blob uploader', () => {
  it('sends small blobs whole and big ones in chunks, and marks them confirmed', async () => {
    const small = await storeBlob(db, audio('small'));
    const big = await storeBlob(db, audio('big', 2500));
    const server = fakeServer();
    const uploader = createBlobUploader({ db, api: server.api, chunkBytes: 1000 });
    const report = await uploader.uploadPending();
    expect(report).toMatchObject({ confirmed: 2, failed: 0 });
    expect(server.done).toEqual(new Set([small.sha256, big.sha256]));
    expect(server.calls.filter((c) => c.startsWith(`PUT ${big.sha256.slice(0, 4)}`))).toEqual([
      `PUT ${big.sha256.slice(0, 4)} 0`,
      `PUT ${big.sha256.slice(0, 4)} 1000`,
      `PUT ${big.sha256.slice(0, 4)} 2000`,
    ]);
    const rows = await db.blobs.toArray();
    expect(rows.map((r) => [r.status, r.uploadedBytes === r.size])).toEqual([
      ['uploaded', true],
      ['uploaded', true],
    ]);
    // Nothing left to do: the next pass sends nothing.
    server.calls.length = 0;
    expect((await uploader.uploadPending()).confirmed).toBe(0);
    expect(server.calls).toEqual([]);
  });

  it('a blob the server refuses waits (backoff) without holding up the others; the copy stays', async () => {
    const refused = await storeBlob(db, audio('refused'));
    const fine = await storeBlob(db, audio('fine'));
    let clock = Date.parse('2026-11-20T12:00:00Z');
    const server = fakeServer(({ method, sha256 }) =>
      method === 'PUT' && sha256 === refused.sha256
        ? new ApiError(415, 'unsupported_media_type', 'no')
        : null,
    );
    const uploader = createBlobUploader({
      db,
      api: server.api,
      now: () => clock,
      random: () => 1,
      backoff: { baseMs: 60_000, maxMs: 600_000 },
    });
    const report = await uploader.uploadPending();
    expect(report).toMatchObject({ confirmed: 1, failed: 1 });
    expect(report.error).toBeUndefined();
    const waiting = (await db.blobs.get(refused.sha256))!;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'unsupported_media_type' });
    expect(waiting.nextAttemptAt).toBe('2026-11-20T12:01:00.000Z');
    expect((await db.blobs.get(fine.sha256))!.status).toBe('uploaded');

    server.calls.length = 0;
    clock += 30_000;
    await uploader.uploadPending();
    expect(server.calls).toEqual([]); // not due yet
    clock += 31_000;
    await uploader.uploadPending();
    expect(server.calls).toEqual([
      `HEAD ${refused.sha256.slice(0, 4)}`,
      `PUT ${refused.sha256.slice(0, 4)} whole`,
    ]);
    expect((await db.blobs.get(refused.sha256))!.attempts).toBe(2);
  });

  it('offline or signed out, the pass stops at the first blob and reports why', async () => {
    await storeBlob(db, audio('one'));
    await storeBlob(db, audio('two'));
    for (const [error, code] of [
      [new ApiError(0, 'network', 'offline'), 'network'],
      [new ApiError(401, 'unauthenticated', 'revoked'), 'unauthenticated'],
    ] as const) {
      const server = fakeServer(() => error);
      const report = await createBlobUploader({
        db,
        api: server.api,
        backoff: { baseMs: 0, maxMs: 0 },
      }).uploadPending();
      expect(report).toMatchObject({ confirmed: 0, failed: 1, error: code });
      expect(server.calls).toHaveLength(1);
    }
    expect((await db.blobs.toArray()).every((b) => b.status === 'pending')).toBe(true);
  });

  it('resumes from where the server is, and follows the server when it says another offset', async () => {
    const big = await storeBlob(db, audio('resume', 4000));
    const server = fakeServer();
    server.held.set(big.sha256, 1500); // an earlier attempt got this far
    const calls: string[] = [];
    const api: BlobsApi = {
      ...server.api,
      // A stale HEAD (an old chunk was still being written): the PUT's 409 corrects it.
      head: async (sha) =>
        (calls.push('HEAD'), await server.api.head(sha)).stored
          ? { stored: true }
          : { stored: false, offset: 500 },
      put: (sha, mime, bytes, range) => (
        calls.push(`PUT ${range?.start}`),
        server.api.put(sha, mime, bytes, range)
      ),
    };
    const report = await createBlobUploader({ db, api, chunkBytes: 1000 }).uploadPending();
    expect(report.confirmed).toBe(1);
    expect(calls).toEqual(['HEAD', 'PUT 500', 'PUT 1500', 'PUT 2500', 'PUT 3500']);
  });
});
