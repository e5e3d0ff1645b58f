/**
 * The one set of schema migrations, in code, for SQLite and PostgreSQL alike.
 *
 * APPEND-ONLY: a migration that has shipped never changes what it builds (its
 * code may be tidied, its SQL may not; tests/integration/schema.test.ts pins
 * the resulting schema on both databases); a change is a new entry with the
 * next number. Types are kept portable (text, integer,
 * bigint) and every default that differs between dialects is set from code.
 * Migrations run in a transaction under Kysely's migration lock, so two
 * server instances starting together do not race.
 */
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { createIndex, createTable, type AnyDb } from './migration-schema';
import { migration0005LoginAttempts, migration0006Review, migration0007PullIndex } from './migrations-later';

const migration0001Initial: Migration = {
  async up(db: AnyDb) {
    await createTable(db, 'meta', { key: 'text primary key', value: 'text not null' });
    // The epoch is born with the database; a restored copy gets a new one at start (--new-epoch).
    await sql`insert into meta (key, value) values ('epoch', ${randomUUID()})`.execute(db);
    await sql`insert into meta (key, value) values ('created_at', ${new Date().toISOString()})`.execute(db);

    await createTable(db, 'commit_sequence', { id: 'integer primary key', value: 'bigint not null' });
    await sql`insert into commit_sequence (id, value) values (1, 0)`.execute(db);

    await createTable(db, 'users', {
      id: 'text primary key',
      username: 'text not null unique',
      display_name: 'text not null',
      role: 'text not null',
      password_hash: 'text not null',
      created_at: 'text not null',
    });

    await createTable(db, 'device_tokens', {
      id: 'text primary key',
      user_id: ['text', (c) => c.notNull().references('users.id').onDelete('cascade')],
      token_hash: 'text not null unique',
      device_label: 'text not null',
      created_at: 'text not null',
      last_used_at: 'text not null',
      revoked_at: 'text',
    });
    await createIndex(db, 'device_tokens', ['user_id']);

    await createTable(db, 'clients', {
      client_id: 'text primary key',
      user_id: ['text', (c) => c.notNull().references('users.id')],
      last_mutation_id: 'bigint not null',
      created_at: 'text not null',
      updated_at: 'text not null',
    });

    await createTable(
      db,
      'records',
      {
        entity: 'text not null',
        id: 'text not null',
        process_id: 'text',
        fields: 'text not null',
        hlcs: 'text not null',
        deleted: 'integer not null',
        seq: 'bigint not null',
        updated_at: 'text not null',
      },
      ['entity', 'id'],
    );
    // Unique: every write takes its own value of the commit sequence.
    await createIndex(db, 'records', ['seq'], { unique: true });
    await createIndex(db, 'records', ['process_id']);

    await createTable(db, 'process_members', { process_id: 'text not null', user_id: 'text not null' }, [
      'process_id',
      'user_id',
    ]);
    await createIndex(db, 'process_members', ['user_id']);

    await createTable(
      db,
      'rejected_mutations',
      {
        client_id: 'text not null',
        mutation_id: 'bigint not null',
        user_id: 'text not null',
        entity: 'text not null',
        record_id: 'text not null',
        code: 'text not null',
        message: 'text not null',
        mutation: 'text not null',
        created_at: 'text not null',
      },
      ['client_id', 'mutation_id'],
    );
    await createIndex(db, 'rejected_mutations', ['created_at']);
  },
};

/**
 * Blobs: what is stored (the bytes live in files under BLOB_DIR, named by
 * hash) and who uploaded what, so an uploader may read back their own blob
 * before any record that references it has synced.
 */
const migration0002Blobs: Migration = {
  async up(db: AnyDb) {
    await createTable(db, 'blobs', {
      sha256: 'text primary key',
      mime: 'text not null',
      size: 'bigint not null',
      created_at: 'text not null',
    });
    await createTable(
      db,
      'blob_uploads',
      { sha256: 'text not null', user_id: 'text not null', created_at: 'text not null' },
      ['sha256', 'user_id'],
    );
  },
};

/**
 * Directorate scope: a coordinator may be limited to some territorial
 * directorates (users.directorate_ids, JSON array, null = whole borough).
 * Two indexes mirror synced fields so scope is one join, never a scan of
 * record JSON: unit key → directorate (territorialUnit.directorateId) and
 * process → unit keys (process.unitKeys). Filled from the records already stored.
 */
const migration0003TerritoryScope: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('directorate_ids', 'text').execute();
    await createTable(db, 'unit_directorates', {
      unit_key: 'text primary key',
      directorate_id: 'text not null',
    });
    await createIndex(db, 'unit_directorates', ['directorate_id']);
    await createTable(db, 'process_units', { process_id: 'text not null', unit_key: 'text not null' }, [
      'process_id',
      'unit_key',
    ]);
    await createIndex(db, 'process_units', ['unit_key']);

    const rows = (
      await sql<{
        entity: string;
        id: string;
        fields: string;
      }>`select entity, id, fields from records where entity in ('territorialUnit', 'process')`.execute(db)
    ).rows;
    for (const row of rows) {
      const fields = JSON.parse(row.fields) as { key?: unknown; directorateId?: unknown; unitKeys?: unknown };
      if (row.entity === 'territorialUnit') {
        if (typeof fields.key === 'string' && typeof fields.directorateId === 'string') {
          await sql`insert into unit_directorates (unit_key, directorate_id) values (${fields.key}, ${fields.directorateId})`.execute(
            db,
          );
        }
      } else if (Array.isArray(fields.unitKeys)) {
        for (const key of new Set(fields.unitKeys.filter((k): k is string => typeof k === 'string'))) {
          await sql`insert into process_units (process_id, unit_key) values (${row.id}, ${key})`.execute(db);
        }
      }
    }
  },
};

/**
 * Accounts managed from the office: an account can be deactivated (kept, with
 * its data, but no longer able to sign in or sync) and can carry a one-time
 * code instead of a password after a reset (must_change_password = 1 until
 * its owner chooses one). Field users may name directorates too (whose
 * coordinators look after them). Enrolment codes put a tablet into service
 * without a password: only the SHA-256 of each code is stored.
 */
const migration0004Accounts: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('deactivated_at', 'text').execute();
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await createTable(db, 'enrolment_codes', {
      id: 'text primary key',
      user_id: 'text not null',
      code_hash: 'text not null unique',
      created_by: 'text not null',
      created_at: 'text not null',
      expires_at: 'text not null',
      used_at: 'text',
      revoked_at: 'text',
    });
    await createIndex(db, 'enrolment_codes', ['user_id']);
    await createIndex(db, 'enrolment_codes', ['created_at']);
  },
};

/** Name → migration. Names sort in application order. Append only. */
export const migrations: Record<string, Migration> = {
  '0001_initial': migration0001Initial,
  '0002_blobs': migration0002Blobs,
  '0003_territory_scope': migration0003TerritoryScope,
  '0004_accounts': migration0004Accounts,
  '0005_login_attempts': migration0005LoginAttempts,
  '0006_review': migration0006Review,
  '0007_pull_index': migration0007PullIndex,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/** Brings the database to the latest schema; throws (and changes nothing more) if a migration fails. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<void> {
  const migrator = new Migrator({ db: db as Kysely<unknown>, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
