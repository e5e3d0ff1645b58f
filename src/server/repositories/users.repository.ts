/**
 * Users (accounts). Usernames are stored lower-cased and unique; a duplicate
 * insert throws a unique violation that the service turns into a 409.
 */
import type { Role } from '../../domain';
import type { Db } from '../db/database';
import type { UsersTable } from '../db/schema';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  /** A coordinator limited to these directorates; absent = not limited. */
  directorateIds?: string[];
}

function parseDirectorates(text: string | null | undefined): string[] | undefined {
  if (!text) return undefined;
  const ids = JSON.parse(text) as unknown;
  return Array.isArray(ids) && ids.length > 0 ? ids.map(String) : undefined;
}

export function toUserRow(
  row: Omit<UsersTable, 'directorate_ids'> & { directorate_ids?: string | null },
): UserRow {
  const user: UserRow = {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
  const directorateIds = parseDirectorates(row.directorate_ids);
  if (directorateIds) user.directorateIds = directorateIds;
  return user;
}

export function createUsersRepository(db: Db) {
  return {
    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async findByUsername(username: string): Promise<UserRow | undefined> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row && toUserRow(row);
    },

    async findById(id: string): Promise<UserRow | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUserRow(row);
    },

    async list(): Promise<UserRow[]> {
      const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
      return rows.map(toUserRow);
    },

    /** Throws a unique violation (see isUniqueViolation) when the username is taken. */
    async insert(user: UserRow): Promise<void> {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: user.createdAt,
          directorate_ids: user.directorateIds?.length ? JSON.stringify(user.directorateIds) : null,
        })
        .execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
