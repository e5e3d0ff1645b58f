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
  /** A coordinator limited to these directorates, or the directorates a field user works in; absent = none. */
  directorateIds?: string[];
  /** When the account was deactivated (it cannot sign in or sync); absent = active. */
  deactivatedAt?: string;
  /** The password is a one-time code from a reset: its owner chooses a new one at the next sign-in. */
  mustChangePassword?: boolean;
}

/** What an edit of an account may change (users.service / accounts.service decide who may). */
export interface UserPatch {
  displayName?: string;
  role?: Role;
  directorateIds?: string[];
  /** null reactivates. */
  deactivatedAt?: string | null;
}

function parseDirectorates(text: string | null | undefined): string[] | undefined {
  if (!text) return undefined;
  const ids = JSON.parse(text) as unknown;
  return Array.isArray(ids) && ids.length > 0 ? ids.map(String) : undefined;
}

type StoredUser = Omit<UsersTable, 'directorate_ids' | 'deactivated_at' | 'must_change_password'> & {
  directorate_ids?: string | null;
  deactivated_at?: string | null;
  must_change_password?: number | null;
};

export function toUserRow(row: StoredUser): UserRow {
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
  if (row.deactivated_at) user.deactivatedAt = row.deactivated_at;
  if (Number(row.must_change_password ?? 0) === 1) user.mustChangePassword = true;
  return user;
}

function directoratesText(ids: string[] | undefined): string | null {
  return ids?.length ? JSON.stringify([...new Set(ids)]) : null;
}

export function createUsersRepository(db: Db) {
  async function findBy(column: 'id' | 'username', value: string): Promise<UserRow | undefined> {
    const row = await db.selectFrom('users').selectAll().where(column, '=', value).executeTakeFirst();
    return row && toUserRow(row);
  }

  return {
    async count(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    findByUsername(username: string): Promise<UserRow | undefined> {
      return findBy('username', username);
    },

    findById(id: string): Promise<UserRow | undefined> {
      return findBy('id', id);
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
          directorate_ids: directoratesText(user.directorateIds),
          deactivated_at: user.deactivatedAt ?? null,
          must_change_password: user.mustChangePassword ? 1 : 0,
        })
        .execute();
    },

    /** Changes what the patch names; false when there is no such account. */
    async update(id: string, patch: UserPatch): Promise<boolean> {
      const set: Partial<UsersTable> = {};
      if (patch.displayName !== undefined) set.display_name = patch.displayName;
      if (patch.role !== undefined) set.role = patch.role;
      if (patch.directorateIds !== undefined) set.directorate_ids = directoratesText(patch.directorateIds);
      if (patch.deactivatedAt !== undefined) set.deactivated_at = patch.deactivatedAt;
      if (Object.keys(set).length === 0) return false;
      const result = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Stores a new password hash; `mustChange`: it is a one-time code to be replaced at the next sign-in. */
    async setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0 })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
