/**
 * The "everything not yet synced" file: a device's last resort when it
 * cannot reach the server for too long (or its storage is at risk). The
 * device writes it, a coordinator uploads it, and the server applies its
 * records through the same field-level merge as a push, each field with the
 * hlc it was written with — so importing a file twice, or importing changes
 * that later sync on their own, is harmless.
 */
import { z } from 'zod';
import { SHA256_HEX } from './entities/blob-ref';
import { hlcSchema } from './hlc';
import { userSchema } from './protocol';

export const UNSYNCED_FILE_FORMAT = 'tequio-unsynced';
export const UNSYNCED_FILE_VERSION = 1;
/** The import endpoint accepts bodies up to this size (photos travel inside, as base64). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A record as the device stores it: merged fields plus the hlc of every field. */
export const exportedRecordSchema = z.object({
  id: z.string().min(1).max(100),
  fields: z.record(z.string(), z.unknown()),
  hlcs: z.record(z.string(), hlcSchema),
  deleted: z.boolean(),
});
export type ExportedRecord = z.infer<typeof exportedRecordSchema>;

export const exportedBlobSchema = z.object({
  sha256: z.string().regex(SHA256_HEX),
  mime: z.string().min(1).max(200),
  base64: z.string(),
});
export type ExportedBlob = z.infer<typeof exportedBlobSchema>;

export const unsyncedFileSchema = z.object({
  format: z.literal(UNSYNCED_FILE_FORMAT),
  version: z.literal(UNSYNCED_FILE_VERSION),
  exportedAt: z.string().min(1).max(64),
  clientId: z.string().min(1).max(100),
  /** Who was signed in on the device (never the token). */
  user: userSchema.nullable(),
  /** The device's outbox, for the record: the server applies `records`, which already hold every pending write. */
  mutations: z.array(z.record(z.string(), z.unknown())),
  /** Per entity name, every record a pending mutation touches. */
  records: z.record(z.string().min(1).max(64), z.array(exportedRecordSchema)),
  /** Photos and audio not yet confirmed by the server. */
  blobs: z.array(exportedBlobSchema).optional(),
});
export type UnsyncedFile = z.infer<typeof unsyncedFileSchema>;

export const importRejectionSchema = z.object({
  entity: z.string(),
  id: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportRejection = z.infer<typeof importRejectionSchema>;

export const importReportSchema = z.object({
  /** Records that changed something on the server. */
  applied: z.number().int(),
  /** Records the server already held as they are (a second import, or changes that synced since). */
  unchanged: z.number().int(),
  rejected: z.array(importRejectionSchema),
  /** Photos and audio: newly stored, already on the server, or refused (bad hash, type, size). */
  blobs: z.object({
    stored: z.number().int(),
    existing: z.number().int(),
    rejected: z.array(z.object({ sha256: z.string(), code: z.string(), message: z.string() })),
  }),
});
export type ImportReport = z.infer<typeof importReportSchema>;
