/**
 * Import of a device's "everything not yet synced" file (domain/unsynced-file.ts),
 * the last resort when a tablet cannot sync.
 *
 * The changes are applied as the user the file says made them (authorOf), when
 * the importing coordinator may act for that person; otherwise nothing is
 * applied and the answer says why. Every record in the file becomes a put
 * carrying each field's original hlc and goes through the server's one write
 * path (write-path.ts: merge, schema, the author's authorisation, the clock
 * bound — a far-future stamp is re-stamped as in a push), in ONE transaction
 * holding the commit-sequence lock — so pulls see the import in commit order,
 * a server fault leaves nothing half-imported, and a second import of the same
 * file changes nothing (equal hlcs never win). Newer edits already on the
 * server keep winning field by field; an older file never overwrites them.
 *
 * A record that cannot be applied (unknown entity, malformed, invalid or out of
 * scope) is listed in the report and skipped; the rest are applied.
 *
 * Photos and audio in the file go through the blob service like an upload by
 * the file's user (hash checked, same types and size limit, stored once),
 * after the records; a refused blob is listed and the rest are kept.
 */
import { Readable } from 'node:stream';
import {
  isEntityName,
  maxHlc,
  mutationSchema,
  type EntityName,
  type ExportedRecord,
  type ImportReport,
  type ImportRejection,
  type Mutation,
  type UnsyncedFile,
  type User,
} from '../../domain';
import type { RepositoryStore } from '../repositories/repositories';
import { publicUser } from './auth.service';
import { mayManageUser } from './authorization-people';
import type { BlobsService } from './blobs.service';
import { DomainError, Forbidden } from './errors';
import { withWriter } from './write-path';

export type ImportStore = Pick<RepositoryStore, 'transaction' | 'users' | 'records'>;
type BlobReport = ImportReport['blobs'];

type Prepared = { mutation: Mutation & { entity: EntityName } } | { rejection: ImportRejection };

/** The put that restores `record` with its original stamps, or why it cannot be one. */
function toMutation(entity: string, record: ExportedRecord, id: number): Prepared {
  const reject = (code: string, message: string): Prepared => ({
    rejection: { entity, id: record.id, code, message },
  });
  if (!isEntityName(entity)) return reject('unknown_entity', `Unknown entity: ${entity}`);
  const fields: Record<string, unknown> = { ...record.fields };
  // The tombstone travels as a field with its own stamp, like any other.
  if (record.hlcs.deleted) fields.deleted = record.deleted;
  const hlc = maxHlc(record.hlcs);
  if (!hlc) return reject('invalid_record', 'The record carries no hlc');
  const parsed = mutationSchema.safeParse({
    id,
    entity,
    recordId: record.id,
    op: 'put',
    fields,
    hlc,
    hlcs: record.hlcs,
  });
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`)
      .join('; ');
    return reject('invalid_record', message);
  }
  return { mutation: parsed.data as Mutation & { entity: EntityName } };
}

/** Stores the file's blobs through the blob service; a refusal is reported, never thrown. */
async function importBlobs(
  blobs: Pick<BlobsService, 'put'>,
  user: User,
  file: UnsyncedFile,
): Promise<BlobReport> {
  const report: BlobReport = { stored: 0, existing: 0, rejected: [] };
  for (const blob of file.blobs ?? []) {
    const bytes = Buffer.from(blob.base64, 'base64');
    try {
      const outcome = await blobs.put(user, blob.sha256, {
        contentType: blob.mime,
        contentLength: bytes.length,
        contentRange: undefined,
        body: Readable.from([bytes]),
      });
      if (outcome.status === 'created') report.stored++;
      else report.existing++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      report.rejected.push({ sha256: blob.sha256, code: error.code, message: error.message });
    }
  }
  return report;
}

/**
 * The account the file's changes are applied as: the user the file says was
 * signed in on the device, as the server knows them now (their current role and
 * scope, never the file's copy), when the importer may act for them.
 */
async function authorOf(store: ImportStore, importer: User, file: UnsyncedFile): Promise<User> {
  const refuse = (message: string) => new Forbidden(message, [{ path: 'user', message }]);
  if (!file.user) {
    throw refuse('El archivo no dice quién lo hizo / the file does not say who made it');
  }
  const row = await store.users.findById(file.user.id);
  if (!row) {
    throw refuse(
      `El usuario ${file.user.username} del archivo no existe en este servidor / the file's user does not exist here`,
    );
  }
  if (!(await mayManageUser(store, importer, row.id))) {
    throw refuse(
      `No coordinas a ${row.username}: no puedes importar sus cambios / you may not act for ${row.username}`,
    );
  }
  return publicUser(row);
}

export function createImportService(store: ImportStore, deps: { blobs: Pick<BlobsService, 'put'> }) {
  async function importUnsynced(importer: User, file: UnsyncedFile): Promise<ImportReport> {
    const author = await authorOf(store, importer, file);
    const rejected: ImportRejection[] = [];
    const mutations: (Mutation & { entity: EntityName })[] = [];
    for (const [entity, records] of Object.entries(file.records)) {
      for (const record of records) {
        const prepared = toMutation(entity, record, mutations.length + rejected.length + 1);
        if ('rejection' in prepared) rejected.push(prepared.rejection);
        else mutations.push(prepared.mutation);
      }
    }

    let applied = 0;
    let unchanged = 0;
    await store.transaction((repos) =>
      withWriter(repos, async (writer) => {
        for (const mutation of mutations) {
          // One at a time: a record that took a new seq changed something (applied), else unchanged.
          const before = writer.written();
          const [result] = await writer.apply(author, [mutation]);
          if (result?.status === 'rejected') {
            rejected.push({
              entity: mutation.entity,
              id: mutation.recordId,
              code: result.code ?? 'rejected',
              message: result.message ?? '',
            });
          } else if (writer.written() !== before) {
            applied++;
          } else {
            unchanged++;
          }
        }
      }),
    );
    const blobs = await importBlobs(deps.blobs, author, file);
    return { applied, unchanged, rejected, blobs };
  }

  return { importUnsynced };
}

export type ImportService = ReturnType<typeof createImportService>;
