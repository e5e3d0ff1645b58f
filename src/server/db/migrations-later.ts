/**
 * Schema migrations from 0005 on (the set and the rules are in migrations.ts:
 * append-only, portable types, one transaction under the migration lock).
 */
import type { Migration } from 'kysely';
import { createIndex, createTable, type AnyDb } from './migration-schema';

/**
 * The login throttle's counters move from each process's memory to the database, so
 * several server instances behind a proxy share one set of limits.
 */
export const migration0005LoginAttempts: Migration = {
  async up(db: AnyDb) {
    await createTable(db, 'login_attempts', {
      id: 'text primary key',
      key: 'text not null',
      at: 'bigint not null',
      pending: 'integer not null',
    });
    await createIndex(db, 'login_attempts', ['key', 'at']);
    await createIndex(db, 'login_attempts', ['at']);
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
    await createTable(db, 'review_conflicts', {
      id: 'text primary key',
      client_id: 'text not null',
      mutation_id: 'bigint not null',
      user_id: 'text not null',
      entity: 'text not null',
      record_id: 'text not null',
      process_id: 'text',
      kind: 'text not null',
      fields: 'text not null',
      mutation: 'text not null',
      created_at: 'text not null',
      review_state: ['text', (c) => c.notNull().defaultTo('open')],
    });
    await createIndex(db, 'review_conflicts', ['created_at']);
    await createTable(db, 'review_events', {
      id: 'text primary key',
      item_id: 'text not null',
      subject_user_id: 'text not null',
      action: 'text not null',
      note: 'text not null',
      by_user_id: 'text not null',
      created_at: 'text not null',
    });
    await createIndex(db, 'review_events', ['item_id']);
    await createIndex(db, 'review_events', ['subject_user_id', 'created_at'], {
      name: 'review_events_subject',
    });
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
    await createIndex(db, 'records', ['process_id', 'seq'], { name: 'records_process_seq' });
    await db.schema.dropIndex('records_process_id').execute();
  },
};
