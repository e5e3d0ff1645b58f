/**
 * Rejected mutations, kept so a coordinator can review what a device sent
 * and why it was refused (a rejection never blocks the device's queue, so
 * this table is where nothing gets silently lost).
 */
import type { Db } from '../db/database';

export interface RejectionRow {
  clientId: string;
  mutationId: number;
  userId: string;
  entity: string;
  recordId: string;
  code: string;
  message: string;
  /** The mutation as the client sent it. */
  mutation: unknown;
  createdAt: string;
  /** The process the change concerns when the server holds it (review scope). */
  processId?: string | null;
}

/** 9 columns × 500 rows: far under the parameter caps of both dialects. */
const ROWS_PER_STATEMENT = 500;

export function createRejectionsRepository(db: Db) {
  /** Several rejections, in multi-row statements. */
  async function insertMany(rejections: RejectionRow[]): Promise<void> {
    for (let start = 0; start < rejections.length; start += ROWS_PER_STATEMENT) {
      await db
        .insertInto('rejected_mutations')
        .values(
          rejections.slice(start, start + ROWS_PER_STATEMENT).map((rejection) => ({
            client_id: rejection.clientId,
            mutation_id: rejection.mutationId,
            user_id: rejection.userId,
            entity: rejection.entity,
            record_id: rejection.recordId,
            code: rejection.code,
            message: rejection.message,
            mutation: JSON.stringify(rejection.mutation),
            created_at: rejection.createdAt,
            process_id: rejection.processId ?? null,
            review_state: 'open',
          })),
        )
        .execute();
    }
  }

  return {
    async insert(rejection: RejectionRow): Promise<void> {
      await insertMany([rejection]);
    },

    insertMany,

    /** Newest first. */
    /** `userIds`: only changes made by these users (the viewer's people); absent = everyone's. */
    async list(options: { limit: number; userId?: string; userIds?: string[] }): Promise<RejectionRow[]> {
      let query = db
        .selectFrom('rejected_mutations')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('client_id')
        .orderBy('mutation_id', 'desc')
        .limit(options.limit);
      if (options.userId) query = query.where('user_id', '=', options.userId);
      if (options.userIds) {
        if (options.userIds.length === 0) return [];
        query = query.where('user_id', 'in', options.userIds);
      }
      const rows = await query.execute();
      return rows.map((row) => ({
        clientId: row.client_id,
        mutationId: Number(row.mutation_id),
        userId: row.user_id,
        entity: row.entity,
        recordId: row.record_id,
        code: row.code,
        message: row.message,
        mutation: JSON.parse(row.mutation) as unknown,
        createdAt: row.created_at,
        processId: row.process_id,
      }));
    },
  };
}

export type RejectionsRepository = ReturnType<typeof createRejectionsRepository>;
