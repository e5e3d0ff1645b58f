/**
 * The one set of schema migrations, in code, for SQLite and PostgreSQL alike.
 *
 * APPEND-ONLY: a migration that has shipped is never edited; a change is a
 * new entry with the next number. Types are kept portable (text, integer,
 * bigint) and every default that differs between dialects is set from code.
 * Migrations run in a transaction under Kysely's migration lock, so two
 * server instances starting together do not race.
 */
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { migration0005LoginAttempts, migration0006Review, migration0007PullIndex } from './migrations-later';

// Migrations must not depend on today's table types, which describe only the latest schema.
type AnyDb = Kysely<unknown>;

const migration0001Initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    // The epoch is born with the database; a restored copy gets a new one at start (--new-epoch).
    await sql`insert into meta (key, value) values ('epoch', ${randomUUID()})`.execute(db);
    await sql`insert into meta (key, value) values ('created_at', ${new Date().toISOString()})`.execute(db);

    await db.schema
      .createTable('commit_sequence')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into commit_sequence (id, value) values (1, 0)`.execute(db);

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('device_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('device_label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('device_tokens_user_id').on('device_tokens').column('user_id').execute();

    await db.schema
      .createTable('clients')
      .addColumn('client_id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('last_mutation_id', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('records')
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('process_id', 'text')
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('hlcs', 'text', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_pk', ['entity', 'id'])
      .execute();
    // Unique: every write takes its own value of the commit sequence.
    await db.schema.createIndex('records_seq').on('records').column('seq').unique().execute();
    await db.schema.createIndex('records_process_id').on('records').column('process_id').execute();

    await db.schema
      .createTable('process_members')
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('process_members_pk', ['process_id', 'user_id'])
      .execute();
    await db.schema.createIndex('process_members_user_id').on('process_members').column('user_id').execute();

    await db.schema
      .createTable('rejected_mutations')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('mutation_id', 'bigint', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('mutation', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rejected_mutations_pk', ['client_id', 'mutation_id'])
      .execute();
    await db.schema
      .createIndex('rejected_mutations_created_at')
      .on('rejected_mutations')
      .column('created_at')
      .execute();
  },
};

/**
 * Blobs: what is stored (the bytes live in files under BLOB_DIR, named by
 * hash) and who uploaded what, so an uploader may read back their own blob
 * before any record that references it has synced.
 */
const migration0002Blobs: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('blobs')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('blob_uploads')
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('blob_uploads_pk', ['sha256', 'user_id'])
      .execute();
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
    await db.schema
      .createTable('unit_directorates')
      .addColumn('unit_key', 'text', (c) => c.primaryKey())
      .addColumn('directorate_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('unit_directorates_directorate_id')
      .on('unit_directorates')
      .column('directorate_id')
      .execute();
    await db.schema
      .createTable('process_units')
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addColumn('unit_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('process_units_pk', ['process_id', 'unit_key'])
      .execute();
    await db.schema.createIndex('process_units_unit_key').on('process_units').column('unit_key').execute();

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
    await db.schema
      .createTable('enrolment_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('enrolment_codes_user_id').on('enrolment_codes').column('user_id').execute();
    await db.schema
      .createIndex('enrolment_codes_created_at')
      .on('enrolment_codes')
      .column('created_at')
      .execute();
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
