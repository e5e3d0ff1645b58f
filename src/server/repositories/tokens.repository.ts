/**
 * Device tokens. Only the SHA-256 of a token is stored, so a leaked database
 * does not leak working credentials. A token is live while `revoked_at` is null.
 */
import type { Db } from '../db/database';
import type { DeviceTokensTable } from '../db/schema';
import { toUserRow, type UserRow } from './users.repository';

export interface DeviceTokenRow {
  id: string;
  userId: string;
  deviceLabel: string;
  createdAt: string;
  lastUsedAt: string;
  revokedAt: string | null;
}

function toDeviceTokenRow(row: Omit<DeviceTokensTable, 'token_hash'>): DeviceTokenRow {
  return {
    id: row.id,
    userId: row.user_id,
    deviceLabel: row.device_label,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

const tokenColumns = ['id', 'user_id', 'device_label', 'created_at', 'last_used_at', 'revoked_at'] as const;

export function createTokensRepository(db: Db) {
  /** Revokes the live tokens (those of `only` when given); returns how many. */
  async function revokeLive(
    now: string,
    only?: { column: 'id' | 'user_id'; value: string },
  ): Promise<number> {
    let query = db.updateTable('device_tokens').set({ revoked_at: now }).where('revoked_at', 'is', null);
    if (only) query = query.where(only.column, '=', only.value);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  return {
    async insert(token: { id: string; userId: string; tokenHash: string; deviceLabel: string; now: string }) {
      await db
        .insertInto('device_tokens')
        .values({
          id: token.id,
          user_id: token.userId,
          token_hash: token.tokenHash,
          device_label: token.deviceLabel,
          created_at: token.now,
          last_used_at: token.now,
          revoked_at: null,
        })
        .execute();
    },

    /** The live (not revoked) token with this hash and its user. */
    async findActiveByHash(tokenHash: string): Promise<{ token: DeviceTokenRow; user: UserRow } | undefined> {
      const row = await db
        .selectFrom('device_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select([
          't.id as token_id',
          't.device_label',
          't.created_at as token_created_at',
          't.last_used_at',
          't.revoked_at',
          'u.id',
          'u.username',
          'u.display_name',
          'u.role',
          'u.password_hash',
          'u.created_at',
          'u.directorate_ids',
          'u.deactivated_at',
          'u.must_change_password',
        ])
        .where('t.token_hash', '=', tokenHash)
        .where('t.revoked_at', 'is', null)
        // A deactivated account's tokens are revoked with it; this holds even for one missed.
        .where('u.deactivated_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        token: {
          id: row.token_id,
          userId: row.id,
          deviceLabel: row.device_label,
          createdAt: row.token_created_at,
          lastUsedAt: row.last_used_at,
          revokedAt: row.revoked_at,
        },
        user: toUserRow(row),
      };
    },

    async findById(id: string): Promise<DeviceTokenRow | undefined> {
      const row = await db
        .selectFrom('device_tokens')
        .select(tokenColumns)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toDeviceTokenRow(row);
    },

    async listByUser(userId: string): Promise<DeviceTokenRow[]> {
      const rows = await db
        .selectFrom('device_tokens')
        .select(tokenColumns)
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toDeviceTokenRow);
    },

    async touch(id: string, now: string): Promise<void> {
      await db.updateTable('device_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
    },

    /** Revokes a live token; false when it was already revoked or does not exist. */
    async revoke(id: string, now: string): Promise<boolean> {
      return (await revokeLive(now, { column: 'id', value: id })) > 0;
    },

    /** Revokes every live token of one user (deactivation, password reset); returns how many. */
    revokeAllOfUser(userId: string, now: string): Promise<number> {
      return revokeLive(now, { column: 'user_id', value: userId });
    },

    /** Revokes every live token (all devices must sign in again); returns how many. */
    revokeAll(now: string): Promise<number> {
      return revokeLive(now);
    },
  };
}

export type TokensRepository = ReturnType<typeof createTokensRepository>;
