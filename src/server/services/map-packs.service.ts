/**
 * Offline map packs: the office uploads a PMTiles basemap extract once; the
 * server keeps the file as `<MAP_PACK_DIR>/<sha256>.pmtiles` and lists it as
 * a `mapPack` reference record that every device pulls. Devices download the
 * file when someone chooses to (GET, with Range), never while drawing a map.
 *
 * The upload streams to a temporary file while it is hashed (never buffered
 * whole), the PMTiles v3 header is checked, and only then is the file renamed
 * into place and the record written — through the same merge path as a push
 * (write-path.ts), in one transaction holding the commit-sequence lock and
 * stamped by the server's own HLC, like the territory import. The record id
 * derives from the hash, so the same file uploaded again changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { bytesToHeader, TileType } from 'pmtiles';
import { v5 } from 'uuid';
import { z } from 'zod';
import { type MapPack, type User } from '../../domain';
import type { RepositoryStore } from '../repositories/repositories';
import {
  DomainError,
  Forbidden,
  NotFound,
  PayloadTooLarge,
  Unprocessable,
  UnsupportedMediaType,
  UploadAborted,
  ValidationFailed,
} from './errors';
import { withWriter } from './write-path';

/** The largest pack the server takes (a borough extract to zoom 15 is a few tens of MiB). */
export const MAX_MAP_PACK_BYTES = 200 * 1024 * 1024;
export const MAP_PACK_TYPES = ['application/vnd.pmtiles', 'application/octet-stream'] as const;

const PACK_NAMESPACE = '0c6f3e52-8d4b-4a77-b1f2-6a9c2e0d5f18';
const HEADER_BYTES = 127;
const SHA = /^[0-9a-f]{64}$/;

/** The record id of the pack whose file hashes to `sha256` (the same on every server). */
export function mapPackIdOf(sha256: string): string {
  return v5(`mapPack:${sha256}`, PACK_NAMESPACE);
}

export const mapPackUploadedSchema = z.object({
  id: z.uuid(),
  sha256: z.string(),
  size: z.number().int(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  minZoom: z.number().int(),
  maxZoom: z.number().int(),
});
export type MapPackUploaded = z.infer<typeof mapPackUploadedSchema>;

export const mapPackNameSchema = z.string().trim().min(2).max(120);

const tooLarge = () => new PayloadTooLarge(`A map pack is at most ${MAX_MAP_PACK_BYTES} bytes (200 MiB)`);
const notPmtiles = (why: string) =>
  new Unprocessable('invalid_map_pack', `Not a PMTiles v3 vector archive: ${why}`);
const unsupported = () => new UnsupportedMediaType('Send the .pmtiles file as application/vnd.pmtiles');
const cut = () => new UploadAborted('The upload was cut before the end');

type Body = Readable & { complete?: boolean };

export interface UploadInput {
  name: string | undefined;
  contentType: string | undefined;
  contentLength: number | null;
  body: Body | undefined;
}

export type MapPackStore = Pick<RepositoryStore, 'transaction'>;

/** The header's facts a record needs; throws `invalid_map_pack` explaining what is wrong. */
export function readPackHeader(bytes: Uint8Array): Pick<MapPack, 'bounds' | 'minZoom' | 'maxZoom'> {
  if (bytes.length < HEADER_BYTES) throw notPmtiles('too short');
  if (new TextDecoder().decode(bytes.subarray(0, 7)) !== 'PMTiles') throw notPmtiles('no PMTiles magic');
  if (bytes[7] !== 3) throw notPmtiles(`spec version ${bytes[7]}, not 3`);
  const copy = bytes.slice(0, HEADER_BYTES);
  const header = bytesToHeader(copy.buffer);
  if (header.tileType !== TileType.Mvt) throw notPmtiles('the tiles are not vector (MVT) tiles');
  const { minZoom, maxZoom, minLon, minLat, maxLon, maxLat } = header;
  if (!(minZoom >= 0 && minZoom <= maxZoom && maxZoom <= 24)) throw notPmtiles('bad zoom range');
  const lonOk = (v: number) => Number.isFinite(v) && v >= -180 && v <= 180;
  const latOk = (v: number) => Number.isFinite(v) && v >= -90 && v <= 90;
  if (
    !lonOk(minLon) ||
    !lonOk(maxLon) ||
    !latOk(minLat) ||
    !latOk(maxLat) ||
    minLon > maxLon ||
    minLat > maxLat
  ) {
    throw notPmtiles('bad bounds');
  }
  if (header.rootDirectoryLength <= 0 || header.numAddressedTiles <= 0) throw notPmtiles('no tiles');
  return { bounds: [minLon, minLat, maxLon, maxLat], minZoom, maxZoom };
}

async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

export function createMapPacksService(deps: { dir: string; store: MapPackStore; maxBytes?: number }) {
  const maxBytes = deps.maxBytes ?? MAX_MAP_PACK_BYTES;
  const tmpDir = path.join(deps.dir, '.tmp');
  const fileOf = (sha256: string) => path.join(deps.dir, `${sha256}.pmtiles`);

  /** Streams the body to a temporary file, hashing it; keeps the first bytes for the header check. */
  async function receive(
    body: Body,
  ): Promise<{ tempPath: string; sha256: string; size: number; head: Uint8Array }> {
    await mkdir(tmpDir, { recursive: true });
    const tempPath = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    const handle = await open(tempPath, 'w');
    const head = new Uint8Array(HEADER_BYTES);
    let size = 0;
    try {
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          if (size + chunk.length > maxBytes) throw tooLarge();
          if (size < HEADER_BYTES) head.set(chunk.subarray(0, HEADER_BYTES - size), size);
          hash.update(chunk);
          await handle.write(chunk, 0, chunk.length, size);
          size += chunk.length;
        }
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw cut();
      }
      if (body.complete === false) throw cut();
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(tempPath, { force: true });
      throw error;
    }
    await handle.close();
    return {
      tempPath,
      sha256: hash.digest('hex'),
      size,
      head: head.subarray(0, Math.min(size, HEADER_BYTES)),
    };
  }

  /** Writes the pack's record unless it exists; true when it was written now. */
  async function writeRecord(user: User, pack: MapPack): Promise<boolean> {
    const id = mapPackIdOf(pack.sha256);
    let written = false;
    await deps.store.transaction((repos) =>
      withWriter(repos, async (writer) => {
        const stored = await repos.records.get('mapPack', id);
        if (stored && !stored.state.deleted) return;
        for (const hlc of Object.values(stored?.state.hlcs ?? {})) writer.clock.receive(hlc);
        const [result] = await writer.apply(user, [
          {
            id: 1,
            entity: 'mapPack',
            recordId: id,
            op: 'put',
            fields: pack,
            hlc: writer.clock.tick(),
          },
        ]);
        if (result?.status === 'rejected') {
          const message = result.message ?? 'The map pack record was refused';
          throw result.code === 'forbidden'
            ? new Forbidden(message)
            : new Unprocessable(result.code ?? 'rejected', message);
        }
        written = true;
      }),
    );
    return written;
  }

  async function upload(
    user: User,
    input: UploadInput,
  ): Promise<{ created: boolean; pack: MapPackUploaded }> {
    const mime = input.contentType?.split(';')[0]?.trim().toLowerCase();
    if (!mime || !(MAP_PACK_TYPES as readonly string[]).includes(mime)) throw unsupported();
    const name = mapPackNameSchema.safeParse(input.name ?? '');
    if (!name.success) throw new ValidationFailed('`name` (2 to 120 characters) is required in the query');
    if (input.contentLength !== null && input.contentLength > maxBytes) throw tooLarge();
    if (!input.body || input.contentLength === 0) throw new ValidationFailed('The body is empty');

    const received = await receive(input.body);
    let header: ReturnType<typeof readPackHeader>;
    try {
      header = readPackHeader(received.head);
    } catch (error) {
      await rm(received.tempPath, { force: true });
      throw error;
    }
    const target = fileOf(received.sha256);
    if ((await fileSize(target)) === null) await rename(received.tempPath, target);
    else await rm(received.tempPath, { force: true });

    const pack: MapPack = {
      name: name.data,
      sha256: received.sha256,
      size: received.size,
      ...header,
      uploadedAt: new Date().toISOString(),
      active: true,
    };
    const created = await writeRecord(user, pack);
    return {
      created,
      pack: { id: mapPackIdOf(pack.sha256), sha256: pack.sha256, size: pack.size, ...header },
    };
  }

  /** The stored file, for streaming (whole or a byte range). */
  async function file(
    rawName: string,
  ): Promise<{ sha256: string; size: number; open: (range?: { start: number; end: number }) => ReadStream }> {
    const sha256 = rawName.toLowerCase();
    if (!SHA.test(sha256)) throw new ValidationFailed('A map pack is named by its SHA-256 (64 hex digits)');
    const target = fileOf(sha256);
    const size = await fileSize(target);
    if (size === null) throw new NotFound('No such map pack');
    return { sha256, size, open: (range) => createReadStream(target, range) };
  }

  return { upload, file };
}

export type MapPacksService = ReturnType<typeof createMapPacksService>;
