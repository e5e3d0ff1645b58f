/**
 * Photos and audio in a backup. The bytes live as files named by their
 * SHA-256 under the blob folder (`<aa>/<sha256>`), not in the database, so
 * a backup that held only the tables would restore records pointing at
 * photos the new server does not have — and the tablets delete their copy
 * once the server has confirmed it. A backup therefore carries the files:
 *
 *   {"blob":"<sha256>","size":1234}   then the bytes as JSON strings of base64, ≤ 1 MiB each
 *
 * Restoring verifies every file against its name and writes it through a
 * temp file and a rename, so a blob appears whole or not at all. Files are
 * immutable and content-addressed: writing one that exists changes nothing,
 * so restoring blobs needs no transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BackupFormatError } from './backup-format';

const SHA = /^[0-9a-f]{64}$/;
const CHUNK_BYTES = 1024 * 1024;

export const blobLineSchema = z.object({ blob: z.string().regex(SHA), size: z.number().int().min(0) });

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Every stored blob file (partial uploads and temp files are not blobs yet). */
async function* storedBlobs(blobDir: string): AsyncGenerator<{ sha256: string; file: string }> {
  for (const prefix of await list(blobDir)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of await list(path.join(blobDir, prefix))) {
      if (SHA.test(name) && name.startsWith(prefix))
        yield { sha256: name, file: path.join(blobDir, prefix, name) };
    }
  }
}

/** The backup lines of every blob under `blobDir`; `counter.count` counts them. */
export async function* blobLines(blobDir: string, counter: { count: number }): AsyncGenerator<string> {
  for await (const { sha256, file } of storedBlobs(blobDir)) {
    const { size } = await stat(file);
    yield `${JSON.stringify({ blob: sha256, size })}\n`;
    for await (const chunk of createReadStream(file, {
      highWaterMark: CHUNK_BYTES,
    }) as AsyncIterable<Buffer>) {
      yield `${JSON.stringify(chunk.toString('base64'))}\n`;
    }
    counter.count += 1;
  }
}

/** Receives blobs line by line during a restore and puts each one in place once verified. */
export function createBlobReceiver(blobDir: string) {
  const tmpDir = path.join(blobDir, '.tmp');
  let current: {
    sha256: string;
    size: number;
    temp: string;
    handle: FileHandle;
    hash: ReturnType<typeof createHash>;
    written: number;
    lineNumber: number;
  } | null = null;
  let received = 0;

  async function abandon() {
    if (!current) return;
    await current.handle.close().catch(() => undefined);
    await rm(current.temp, { force: true });
    current = null;
  }

  return {
    get received() {
      return received;
    },
    get open() {
      return current !== null;
    },

    async start(sha256: string, size: number, lineNumber: number) {
      await this.finish();
      await mkdir(tmpDir, { recursive: true });
      const temp = path.join(tmpDir, `restore-${randomUUID()}`);
      current = {
        sha256,
        size,
        temp,
        handle: await open(temp, 'w'),
        hash: createHash('sha256'),
        written: 0,
        lineNumber,
      };
    },

    async write(base64: string, lineNumber: number) {
      if (!current) throw new BackupFormatError(lineNumber, 'blob bytes before any blob');
      const bytes = Buffer.from(base64, 'base64');
      current.hash.update(bytes);
      await current.handle.write(bytes);
      current.written += bytes.length;
    },

    /** Verifies the blob being received and moves it to `<aa>/<sha256>`. */
    async finish() {
      if (!current) return;
      const blob = current;
      if (blob.written !== blob.size || blob.hash.digest('hex') !== blob.sha256) {
        await abandon();
        throw new BackupFormatError(blob.lineNumber, `blob ${blob.sha256} does not match its bytes`);
      }
      await blob.handle.sync();
      await blob.handle.close();
      const target = path.join(blobDir, blob.sha256.slice(0, 2), blob.sha256);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(blob.temp, target);
      current = null;
      received += 1;
    },

    abandon,
  };
}

export type BlobReceiver = ReturnType<typeof createBlobReceiver>;
