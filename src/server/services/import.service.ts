/**
 * Import of a device's "everything not yet synced" file (domain/unsynced-file.ts),
 * the last resort when a tablet cannot sync.
 *
 * Every record in the file becomes a put carrying each field's original hlc
 * and goes through the same path as a push mutation (applyMutation: field-level
 * merge, the entity's schema, the importing user's scope), in ONE transaction
 * holding the commit-sequence lock — so pulls see the import in commit order,
 * a server fault leaves nothing half-imported, and a second import of the same
 * file changes nothing (equal hlcs never win). Newer edits already on the
 * server keep winning field by field; an older file never overwrites them.
 *
 * A record that cannot be applied (unknown entity, malformed, invalid or out of
 * scope) is listed in the report and skipped; the rest are applied.
 *
 * Photos and audio in the file go through the blob service like an upload by
 * the importing user (hash checked, same types and size limit, stored once),
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
import { HttpError } from '../http/errors';
import type { RepositoryStore } from '../repositories/repositories';
import { applyMutation } from './apply-mutation';
import type { BlobsService } from './blobs.service';

export type ImportStore = Pick<RepositoryStore, 'transaction'>;
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
      if (outcome.status === 201) report.stored++;
      else report.existing++;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      report.rejected.push({ sha256: blob.sha256, code: error.code, message: error.message });
    }
  }
  return report;
}

export function createImportService(store: ImportStore, deps: { blobs: Pick<BlobsService, 'put'> }) {
  async function importUnsynced(user: User, file: UnsyncedFile): Promise<ImportReport> {
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
    await store.transaction(async (repos) => {
      let seq = await repos.records.lockSequence();
      const startSeq = seq;
      // applyMutation takes a new seq only when the record changed: that tells applied from unchanged.
      const context = { repos, user, now: new Date().toISOString(), nextSeq: () => ++seq };
      for (const mutation of mutations) {
        const before = seq;
        const result = await applyMutation(context, mutation);
        const wrote = seq !== before;
        if (result.status === 'rejected') {
          rejected.push({
            entity: mutation.entity,
            id: mutation.recordId,
            code: result.code ?? 'rejected',
            message: result.message ?? '',
          });
        } else if (wrote) {
          applied++;
        } else {
          unchanged++;
        }
      }
      if (seq !== startSeq) await repos.records.setSequence(seq);
    });
    const blobs = await importBlobs(deps.blobs, user, file);
    return { applied, unchanged, rejected, blobs };
  }

  return { importUnsynced };
}

export type ImportService = ReturnType<typeof createImportService>;
