/**
 * The files under a blob folder: the errors a body can end in, and the small fsync-safe
 * operations blob-store.ts builds on (write a streamed body, truncate, size, fsync a folder).
 */
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Why a body could not be taken: more than allowed, a connection cut midway, or fewer bytes than announced. */
export class BlobBodyError extends Error {
  constructor(readonly kind: 'too_large' | 'aborted' | 'length_mismatch') {
    super(`blob body: ${kind}`);
    this.name = 'BlobBodyError';
  }
}

/** A chunk that does not continue the partial upload (wrong start or total). */
export class OffsetMismatchError extends Error {
  constructor(readonly offset: number) {
    super(`the upload continues at byte ${offset}`);
    this.name = 'OffsetMismatchError';
  }
}

export interface Received {
  tempPath: string;
  sha256: string;
  size: number;
}

export interface PartialUpload {
  offset: number;
  total: number;
  mime: string;
}

export type Body = Readable & { complete?: boolean };

export type FinishResult = 'created' | 'existed' | 'mismatch';

export const SHA = /^[0-9a-f]{64}$/;

export function assertSha(sha256: string) {
  if (!SHA.test(sha256)) throw new Error('not a sha256 digest');
}

export async function fsyncDir(dir: string) {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

export async function truncate(file: string, length: number) {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(length);
  } finally {
    await handle.close();
  }
}

export async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Writes `body` to `file` (from `position`), at most `max` bytes, and
 * returns how many arrived. A connection cut midway throws `aborted` after
 * keeping what arrived; more than `max` throws `too_large`.
 */
export async function writeBody(
  body: Body,
  file: string,
  flags: 'w' | 'r+',
  position: number,
  max: number,
  onChunk?: (chunk: Buffer) => void,
): Promise<number> {
  const handle = await open(file, flags);
  let written = 0;
  try {
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (written + chunk.length > max) throw new BlobBodyError('too_large');
        onChunk?.(chunk);
        await handle.write(chunk, 0, chunk.length, position + written);
        written += chunk.length;
      }
    } catch (error) {
      if (error instanceof BlobBodyError) throw error;
      throw new BlobBodyError('aborted');
    }
    if (body.complete === false) throw new BlobBodyError('aborted');
    await handle.sync();
    return written;
  } finally {
    await handle.close();
  }
}
