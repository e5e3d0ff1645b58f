/**
 * Schema migrations from 0005 on (the set and the rules are in migrations.ts:
 * append-only, portable types, one transaction under the migration lock).
 */
import type { Kysely, Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * The login throttle's counters move from each process's memory to the database, so
 * several server instances behind a proxy share one set of limits.
 */
export const migration0005LoginAttempts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('pending', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('login_attempts_key_at')
      .on('login_attempts')
      .columns(['key', 'at'])
      .execute();
    await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute();
  },
};

/**
 * The coordinators' review queue: rejected changes get the process they
 * concern (when the server holds it, for scope) and a review state; the
 * delete/edit crossings the server settles are kept beside them; what a
 * coordinator did with an item (resolved, dismissed, asked the field) is an
 * append-only log, which the author's device also reads (its "novedades").
 */
export const migration0006Review: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('rejected_mutations').addColumn('process_id', 'text').execute();
    await db.schema
      .alterTable('rejected_mutations')
      .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('open'))
      .execute();
    await db.schema
      .createTable('review_conflicts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('mutation_id', 'bigint', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('process_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('mutation', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('review_state', 'text', (c) => c.notNull().defaultTo('open'))
      .execute();
    await db.schema
      .createIndex('review_conflicts_created_at')
      .on('review_conflicts')
      .column('created_at')
      .execute();
    await db.schema
      .createTable('review_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('subject_user_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('by_user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('review_events_item_id').on('review_events').column('item_id').execute();
    await db.schema
      .createIndex('review_events_subject')
      .on('review_events')
      .columns(['subject_user_id', 'created_at'])
      .execute();
  },
};

/**
 * A pull reads "the records of these processes, or reference records, after seq N". With an
 * index on seq alone both databases walked every record written after the cursor (every
 * device's writes since the last pull) and dropped the ones out of scope; with (process_id,
 * seq) each process is one range of exactly the rows to send. Reference records have no
 * process (apply-mutation.ts), so they are the range `process_id is null`. The index replaces
 * the one on process_id alone, which it covers.
 */
export const migration0007PullIndex: Migration = {
  async up(db: AnyDb) {
    await db.schema.createIndex('records_process_seq').on('records').columns(['process_id', 'seq']).execute();
    await db.schema.dropIndex('records_process_id').execute();
  },
};
