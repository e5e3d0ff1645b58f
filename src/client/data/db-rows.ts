/**
 * The shapes of the rows the device's database keeps (db.ts): synced records
 * with the hlc of every field, the outbox, refused changes, photos and audio,
 * crossed deletes and edits, the GPS buffer, map packs and the `meta` values.
 */
import type { Table } from 'dexie';
import type { EntityFields, EntityName, FieldHlcs, Fields, Hlc, Mutation, User } from '../../domain';

/**
 * A record as the device keeps it: the merged fields and the hlc of each.
 * Typed by its entity (`StoredRecord<Process>`): every local write is checked
 * against the entity's schema (records.repository.ts) and the server checks
 * every record it hands out, so a live record holds what the schema says. A
 * tombstone may hold any part of its fields (a delete pulled for a record
 * this device never saw holds none), hence the two shapes.
 */
export type StoredRecord<F extends Fields = Fields> = LiveRecord<F> | DeletedRecord<F>;

export interface LiveRecord<F extends Fields = Fields> {
  id: string;
  fields: F;
  hlcs: FieldHlcs;
  deleted: false;
}

export interface DeletedRecord<F extends Fields = Fields> {
  id: string;
  fields: Partial<F>;
  hlcs: FieldHlcs;
  deleted: true;
}

/** The table of one entity, its rows typed by the entity's schema (domain/registry.ts). */
export type EntityTable<N extends EntityName> = Table<StoredRecord<EntityFields<N>>, string>;

export type OutboxEntry = Mutation & { createdAt: string };

export interface RejectedChange {
  key?: number;
  mutationId: number;
  entity: string;
  recordId: string;
  op: 'put' | 'delete';
  code: string;
  message: string;
  at: string;
  fields?: Fields;
}

/** What the office changed that this device's user cares about (novedades.repository.ts). */
export type NovedadKind =
  | 'project_status'
  | 'project_progress'
  | 'commitment_who'
  | 'rejected'
  | 'review_resolved'
  | 'review_dismissed'
  | 'review_asked';

export interface Novedad {
  /** Stable per event, so seeing it again (a retried sync) adds nothing. */
  id: string;
  kind: NovedadKind;
  /** When it happened (the server's time for review notices, else when this device learned it). */
  at: string;
  entity: string;
  recordId: string;
  /** The record's title or name, to recognise it. */
  title: string | null;
  /** The rejection's code (rejected, review_*). */
  code?: string;
  /** The coordinator's note or question (review_*). */
  note?: string;
  /** Who acted (review_*). */
  byName?: string;
  /** The value before and after (project_*, commitment_who). */
  from?: unknown;
  to?: unknown;
  /** 1 once the user marked it read (an index: 0 | 1). */
  read: 0 | 1;
}

/** A photo or audio file kept on the device (by SHA-256) until the server has confirmed it. */
export interface LocalBlob {
  sha256: string;
  bytes: Blob;
  mime: string;
  size: number;
  width?: number;
  height?: number;
  createdAt: string;
  /** `pending` until the server confirmed the hash (HEAD 200, PUT 200/201); then the copy may be evicted. */
  status: 'pending' | 'uploaded';
  /** Bytes the server holds of an interrupted upload (progress; the server's Upload-Offset is the truth). */
  uploadedBytes: number;
  /** Failed attempts in a row, for backoff; reset by a confirmed upload. */
  attempts?: number;
  nextAttemptAt?: string;
  lastError?: string;
  /** When the server confirmed the hash (or the copy was downloaded from it); eviction waits a week after it. */
  confirmedAt?: string;
  /** When the copy was last shown on a screen (least recently used goes first). */
  lastUsedAt?: string;
}

/**
 * A confirmed copy freed under storage pressure (blob-eviction.ts): the bytes are on the server
 * only and come back when the photo is shown online. Kept so the app knows the server holds it.
 */
export interface EvictedBlob {
  sha256: string;
  mime: string;
  size: number;
  width?: number;
  height?: number;
  createdAt: string;
  confirmedAt: string;
  evictedAt: string;
}

/**
 * A delete and an edit of the same record that did not know of each other
 * (conflicts.repository.ts). The merge already settled it — the tombstone
 * hides the edit — but the people involved must be able to see it and undo it.
 */
export interface ConflictEntry {
  key?: number;
  entity: string;
  recordId: string;
  /** `edited_after_delete`: someone edited after the delete without having seen it;
   * `deleted_while_edited`: a delete arrived for a record edited here meanwhile;
   * `edit_of_deleted`: an edit arrived for a record this device already held as deleted. */
  kind: 'edited_after_delete' | 'deleted_while_edited' | 'edit_of_deleted';
  /** The fields whose edits the tombstone hides. */
  fields: string[];
  deletedHlc: Hlc;
  detectedAt: string;
  dismissedAt?: string;
}

/** A point recorded but not yet sealed into a synced chunk. */
export interface BufferedTrackPoint {
  key?: number;
  sessionId: string;
  processId: string;
  segmentId: string;
  source: 'gps' | 'manual';
  lon: number;
  lat: number;
  acc: number | null;
  t: string;
}

/** A downloaded map pack (PMTiles bytes) kept on the device. */
export interface MapPackFile {
  sha256: string;
  bytes: Blob;
  size: number;
  downloadedAt: string;
}

export interface Account {
  user: User;
  token: string;
}

export interface MetaValues {
  clientId: string;
  nextMutationId: number;
  hlc: Hlc | null;
  serverEpoch: string | null;
  cursor: string | null;
  account: Account | null;
  lastSyncAt: string | null;
  /** Fields edited here, by `entity:id`, acknowledged by the server but not yet seen again in a pull (conflicts). */
  awaitingEcho: Record<string, string[]> | null;
  /** The browser's answer to `navigator.storage.persist()`, asked once after sign-in (storage.repository.ts). */
  storagePersisted: boolean | null;
  /** Server time minus device time, kept while the device is off by more than the warning threshold (device-clock.ts). */
  clockOffsetMs: number | null;
  /** Changes of this device the server stored with its own time (`clock_ahead`), for the sync page. */
  restamped: RestampedChanges | null;
  /** By user id: the time of the last review notice received (asked again from there at each sync). */
  reviewNoticesSince: Record<string, string> | null;
}

/** How many changes of this device the server re-stamped with its own time, and when it last did (server time). */
export interface RestampedChanges {
  count: number;
  lastAt: string;
}

export type MetaKey = keyof MetaValues;
/** One row of `meta`: a key of `MetaValues` and its value. */
export interface MetaRow {
  key: string;
  value: unknown;
}
