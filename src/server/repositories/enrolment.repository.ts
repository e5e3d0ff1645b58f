/**
 * One-time enrolment codes. Only the SHA-256 of a code is stored; a code is
 * consumed by one conditional update (unused, unrevoked, unexpired), so two
 * tablets presenting the same code at once cannot both get a token.
 */
import type { Db } from '../db/database';
import type { EnrolmentCodesTable } from '../db/schema';

export interface EnrolmentRow {
  id: string;
  userId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

const columns = ['id', 'user_id', 'created_by', 'created_at', 'expires_at', 'used_at', 'revoked_at'] as const;

function toRow(row: Omit<EnrolmentCodesTable, 'code_hash'>): EnrolmentRow {
  return {
    id: row.id,
    userId: row.user_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  };
}

export function createEnrolmentRepository(db: Db) {
  async function findBy(column: 'id' | 'code_hash', value: string) {
    return db.selectFrom('enrolment_codes').select(columns).where(column, '=', value).executeTakeFirst();
  }

  /** Revokes the codes not yet used of `only`; returns how many. */
  async function revokeUnused(
    now: string,
    only: { column: 'id' | 'user_id'; value: string },
  ): Promise<number> {
    const result = await db
      .updateTable('enrolment_codes')
      .set({ revoked_at: now })
      .where(only.column, '=', only.value)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  return {
    async insert(code: EnrolmentRow & { codeHash: string }): Promise<void> {
      await db
        .insertInto('enrolment_codes')
        .values({
          id: code.id,
          user_id: code.userId,
          code_hash: code.codeHash,
          created_by: code.createdBy,
          created_at: code.createdAt,
          expires_at: code.expiresAt,
          used_at: null,
          revoked_at: null,
        })
        .execute();
    },

    async findById(id: string): Promise<EnrolmentRow | undefined> {
      const row = await findBy('id', id);
      return row && toRow(row);
    },

    /** Codes issued since `since`, newest first; for these users only unless `userIds` is 'all'. */
    async listSince(since: string, userIds: string[] | 'all'): Promise<EnrolmentRow[]> {
      if (userIds !== 'all' && userIds.length === 0) return [];
      let query = db
        .selectFrom('enrolment_codes')
        .select(columns)
        .where('created_at', '>=', since)
        .orderBy('created_at', 'desc')
        .limit(500);
      if (userIds !== 'all') query = query.where('user_id', 'in', userIds);
      return (await query.execute()).map(toRow);
    },

    /**
     * Marks the live code with this hash used, in one statement; returns it, or undefined
     * when no live code has this hash (unknown, used, revoked or expired).
     */
    async consume(codeHash: string, now: string): Promise<EnrolmentRow | undefined> {
      const row = await findBy('code_hash', codeHash);
      if (!row) return undefined;
      const result = await db
        .updateTable('enrolment_codes')
        .set({ used_at: now })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? toRow({ ...row, used_at: now }) : undefined;
    },

    /** Revokes a code not yet used; false when it was used or revoked already. */
    async revoke(id: string, now: string): Promise<boolean> {
      return (await revokeUnused(now, { column: 'id', value: id })) > 0;
    },

    /** Revokes a user's unused codes (their account was deactivated). */
    async revokeAllOfUser(userId: string, now: string): Promise<void> {
      await revokeUnused(now, { column: 'user_id', value: userId });
    },
  };
}

export type EnrolmentRepository = ReturnType<typeof createEnrolmentRepository>;
