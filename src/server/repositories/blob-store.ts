/**
 * Blob bytes on disk: `<root>/<aa>/<sha256>`, one file per hash, so the
 * same photo sent twice is stored once.
 *
 * Crash safety: a blob appears under its name only whole and verified. A
 * plain upload is written to `<root>/.tmp/`, hashed as it streams in,
 * fsynced and then renamed into place (rename is atomic on one file
 * system). A resumable upload grows a per-uploader file under
 * `<root>/.partial/<owner>/<sha256>` (its size is the Upload-Offset, so it
 * survives a server restart); only when the last byte has arrived is it
 * hashed, fsynced and renamed. A cut connection keeps the bytes that
 * arrived; a wrong hash discards the whole partial upload.
 *
 * Appends to one partial upload are serialised by an in-process lock: a
 * chunk retried while the cut one is still being written waits for it, then
 * sees the true offset. Several instances share one blob folder: the proxy
 * sends every request for one blob to one instance (deploy/nginx, ADR 0009).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  assertSha,
  BlobBodyError,
  fsyncDir,
  OffsetMismatchError,
  sizeOf,
  truncate,
  writeBody,
  type Body,
  type FinishResult,
  type PartialUpload,
  type Received,
} from './blob-files';

export {
  BlobBodyError,
  OffsetMismatchError,
  type Body,
  type FinishResult,
  type PartialUpload,
  type Received,
};

export function createBlobStore(root: string) {
  const tmpDir = path.join(root, '.tmp');
  const partialRoot = path.join(root, '.partial');
  const locks = new Map<string, Promise<unknown>>();

  const finalPath = (sha256: string) => {
    assertSha(sha256);
    return path.join(root, sha256.slice(0, 2), sha256);
  };
  const ownerDir = (owner: string) =>
    path.join(partialRoot, createHash('sha256').update(owner).digest('hex').slice(0, 32));
  const partialPath = (owner: string, sha256: string) => {
    assertSha(sha256);
    return path.join(ownerDir(owner), sha256);
  };

  /** Runs `fn` after every earlier call with the same key has finished. */
  function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = locks.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    locks.set(key, tail);
    void tail.then(() => {
      if (locks.get(key) === tail) locks.delete(key);
    });
    return run;
  }

  async function readMeta(owner: string, sha256: string): Promise<{ total: number; mime: string } | null> {
    try {
      const meta = JSON.parse(await readFile(`${partialPath(owner, sha256)}.json`, 'utf8')) as {
        total?: unknown;
        mime?: unknown;
      };
      if (typeof meta.total !== 'number' || typeof meta.mime !== 'string') return null;
      return { total: meta.total, mime: meta.mime };
    } catch {
      return null;
    }
  }

  /** Moves a verified file to its final name; 'existed' when the blob was already there. */
  async function commit(source: string, sha256: string): Promise<'created' | 'existed'> {
    const target = finalPath(sha256);
    if ((await sizeOf(target)) !== null) {
      await rm(source, { force: true });
      return 'existed';
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(source, target);
    await fsyncDir(path.dirname(target));
    return 'created';
  }

  async function hashFile(file: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
    return hash.digest('hex');
  }

  /** Verifies a whole partial upload and moves it into place (call under its lock). */
  async function finish(owner: string, sha256: string): Promise<FinishResult> {
    const file = partialPath(owner, sha256);
    const digest = await hashFile(file).catch(() => null);
    if (digest !== sha256) {
      await dropPartial(owner, sha256);
      return 'mismatch';
    }
    const result = await commit(file, sha256);
    await rm(`${file}.json`, { force: true });
    return result;
  }

  async function dropPartial(owner: string, sha256: string): Promise<void> {
    const file = partialPath(owner, sha256);
    await rm(file, { force: true });
    await rm(`${file}.json`, { force: true });
  }

  return {
    root,

    /** Size of a stored blob, or null. */
    size: (sha256: string): Promise<number | null> => sizeOf(finalPath(sha256)),

    read: (sha256: string): ReadStream => createReadStream(finalPath(sha256)),

    /** Streams a whole body to a temp file, hashing it on the way; at most `maxBytes`. */
    async receive(body: Body, maxBytes: number): Promise<Received> {
      await mkdir(tmpDir, { recursive: true });
      const tempPath = path.join(tmpDir, randomUUID());
      const hash = createHash('sha256');
      try {
        const size = await writeBody(body, tempPath, 'w', 0, maxBytes, (chunk) => hash.update(chunk));
        return { tempPath, sha256: hash.digest('hex'), size };
      } catch (error) {
        await rm(tempPath, { force: true });
        throw error;
      }
    },

    commit,

    discard: (tempPath: string) => rm(tempPath, { force: true }),

    /** The partial upload of `sha256` by `owner`, or null. */
    async partial(owner: string, sha256: string): Promise<PartialUpload | null> {
      const meta = await readMeta(owner, sha256);
      const offset = await sizeOf(partialPath(owner, sha256));
      return meta && offset !== null ? { offset, total: meta.total, mime: meta.mime } : null;
    },

    /**
     * Appends bytes `start`…`start + length - 1` of a `total`-byte blob to
     * `owner`'s partial upload and returns the new offset. A chunk at 0
     * with another total starts over; any other start must equal the
     * current offset (else OffsetMismatchError). The chunk that reaches
     * `total` also finishes the upload (see `finishPartial`).
     */
    appendChunk(
      owner: string,
      sha256: string,
      chunk: { start: number; length: number; total: number; mime: string; body: Body },
    ): Promise<{ offset: number; finished?: FinishResult }> {
      const file = partialPath(owner, sha256);
      return withLock(file, async () => {
        let meta = await readMeta(owner, sha256);
        let offset = (await sizeOf(file)) ?? 0;
        if (!meta || meta.total !== chunk.total) {
          if (chunk.start !== 0) throw new OffsetMismatchError(0);
          offset = 0;
        }
        if (chunk.start !== offset) throw new OffsetMismatchError(offset);
        if (offset === 0) {
          await mkdir(path.dirname(file), { recursive: true });
          meta = { total: chunk.total, mime: chunk.mime };
          await writeFile(`${file}.json`, JSON.stringify(meta));
          await writeFile(file, '');
        }
        const written = await writeBody(chunk.body, file, 'r+', chunk.start, chunk.length).catch(
          async (error: unknown) => {
            // More than the range announced: forget this chunk, keep the earlier ones.
            if (error instanceof BlobBodyError && error.kind === 'too_large')
              await truncate(file, chunk.start);
            throw error;
          },
        );
        if (written !== chunk.length) {
          await truncate(file, chunk.start);
          throw new BlobBodyError('length_mismatch');
        }
        const next = chunk.start + written;
        return next === chunk.total
          ? { offset: next, finished: await finish(owner, sha256) }
          : { offset: next };
      });
    },

    /**
     * Verifies a complete partial upload against its name: on a match it
     * becomes the blob ('created', or 'existed' when someone else stored
     * it meanwhile); on a mismatch it is discarded ('mismatch').
     */
    finishPartial(owner: string, sha256: string): Promise<FinishResult> {
      return withLock(partialPath(owner, sha256), () => finish(owner, sha256));
    },

    dropPartial,

    /** Deletes partial uploads and temp files untouched for `maxAgeMs` (abandoned by their devices). */
    async sweep(maxAgeMs: number, now = Date.now()): Promise<number> {
      let removed = 0;
      const old = async (file: string) => {
        try {
          return now - (await stat(file)).mtimeMs > maxAgeMs;
        } catch {
          return false;
        }
      };
      const list = async (dir: string) => readdir(dir).catch(() => [] as string[]);
      for (const name of await list(tmpDir)) {
        const file = path.join(tmpDir, name);
        if (await old(file)) {
          await rm(file, { force: true });
          removed++;
        }
      }
      for (const owner of await list(partialRoot)) {
        const dir = path.join(partialRoot, owner);
        for (const name of await list(dir)) {
          const file = path.join(dir, name);
          if (!name.endsWith('.json') && (await old(file))) {
            await rm(file, { force: true });
            await rm(`${file}.json`, { force: true });
            removed++;
          }
        }
      }
      return removed;
    },
  };
}

export type BlobStore = ReturnType<typeof createBlobStore>;
