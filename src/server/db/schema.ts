/**
 * Kysely table types. Portable on purpose: timestamps are ISO-8601 text,
 * booleans are 0/1 integers, JSON is text, and 64-bit integers come back as
 * JS numbers on both dialects (see database.ts), so one query layer serves
 * SQLite and PostgreSQL.
 */
export interface MetaTable {
  key: string;
  value: string;
}

/** One row (id = 1): the commit sequence. Locked first by every writing sync transaction. */
export interface CommitSequenceTable {
  id: number;
  value: number;
}

export interface UsersTable {
  id: string;
  /** Lower-cased; unique. */
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: string;
  /**
   * JSON array of directorate ids: a coordinator limited to them, or the directorates a field
   * user works in; null = none.
   */
  directorate_ids: string | null;
  /** Set when the account was deactivated: it keeps its data but cannot sign in or sync. */
  deactivated_at: string | null;
  /** 1 after a reset: the stored hash is of a one-time code its owner replaces at the next sign-in. */
  must_change_password: number;
}

/** One-time enrolment codes: a tablet redeems one for its own device token. */
export interface EnrolmentCodesTable {
  id: string;
  user_id: string;
  /** SHA-256 (hex) of the normalised code; the code itself is never stored. */
  code_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface DeviceTokensTable {
  id: string;
  user_id: string;
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  device_label: string;
  created_at: string;
  last_used_at: string;
  revoked_at: string | null;
}

export interface ClientsTable {
  client_id: string;
  user_id: string;
  last_mutation_id: number;
  created_at: string;
  updated_at: string;
}

export interface RecordsTable {
  entity: string;
  id: string;
  process_id: string | null;
  /** JSON object of the record's fields (without the tombstone). */
  fields: string;
  /** JSON object field → hlc, including `deleted` once a delete was written. */
  hlcs: string;
  deleted: number;
  seq: number;
  updated_at: string;
}

export interface ProcessMembersTable {
  process_id: string;
  user_id: string;
}

/** The columns of a change in the review queue: a rejected one or a settled crossing. */
export interface ReviewedChangeColumns {
  client_id: string;
  mutation_id: number;
  user_id: string;
  entity: string;
  record_id: string;
  /** The process the change concerns when the server holds it (review scope); null otherwise. */
  process_id: string | null;
  /** The mutation as received (JSON). */
  mutation: string;
  created_at: string;
  /** open | resolved | dismissed | asked (the review queue). */
  review_state: string;
}

export interface RejectedMutationsTable extends ReviewedChangeColumns {
  code: string;
  message: string;
}

/** A delete/edit crossing the server settled while applying a push (the review queue). */
export interface ReviewConflictsTable extends ReviewedChangeColumns {
  id: string;
  /** edit_of_deleted | deleted_while_edited */
  kind: string;
  /** JSON array of the fields concerned. */
  fields: string;
}

/** What a coordinator did with a review item (append-only); the author's device reads its own. */
export interface ReviewEventsTable {
  id: string;
  item_id: string;
  /** Who made the change the item is about (the person the note or question reaches). */
  subject_user_id: string;
  /** resolved | dismissed | asked */
  action: string;
  note: string;
  by_user_id: string;
  created_at: string;
}

/** Mirror of territorialUnit.directorateId (units without a directorate have no row). */
export interface UnitDirectoratesTable {
  unit_key: string;
  directorate_id: string;
}

/** Mirror of process.unitKeys. */
export interface ProcessUnitsTable {
  process_id: string;
  unit_key: string;
}

/** A stored blob (the bytes are the file BLOB_DIR/<aa>/<sha256>). */
export interface BlobsTable {
  sha256: string;
  mime: string;
  size: number;
  created_at: string;
}

/** Who has uploaded (and so may read back) a blob. */
export interface BlobUploadsTable {
  sha256: string;
  user_id: string;
  created_at: string;
}

/**
 * The login throttle's counters (services/login-throttle.ts), shared by every server
 * instance: one row per attempt and counter key (`ip:…`, `u:<SHA-256 of the username>`, `d:<device-key nonce>`),
 * kept for the throttle's window.
 */
export interface LoginAttemptsTable {
  id: string;
  key: string;
  /** Epoch milliseconds. */
  at: number;
  /** 1 while the attempt waits for its verdict (it counts as a failure meanwhile). */
  pending: number;
}

export interface Tables {
  meta: MetaTable;
  commit_sequence: CommitSequenceTable;
  users: UsersTable;
  device_tokens: DeviceTokensTable;
  clients: ClientsTable;
  records: RecordsTable;
  process_members: ProcessMembersTable;
  rejected_mutations: RejectedMutationsTable;
  blobs: BlobsTable;
  blob_uploads: BlobUploadsTable;
  unit_directorates: UnitDirectoratesTable;
  process_units: ProcessUnitsTable;
  enrolment_codes: EnrolmentCodesTable;
  login_attempts: LoginAttemptsTable;
  review_conflicts: ReviewConflictsTable;
  review_events: ReviewEventsTable;
}
