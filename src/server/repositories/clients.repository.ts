/**
 * Per-client mutation counters: the highest mutation id applied (or
 * rejected) for each clientId. This is what makes a retried push harmless:
 * ids at or below it are duplicates. Read and written only inside the push
 * transaction, after the commit-sequence lock, so concurrent pushes of one
 * client cannot both apply the same id.
 */
import type { Db } from '../db/database';

export interface ClientRow {
  clientId: string;
  userId: string;
  lastMutationId: number;
}

export function createClientsRepository(db: Db) {
  return {
    async get(clientId: string): Promise<ClientRow | undefined> {
      const row = await db
        .selectFrom('clients')
        .selectAll()
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return (
        row && { clientId: row.client_id, userId: row.user_id, lastMutationId: Number(row.last_mutation_id) }
      );
    },

    /** Creates or advances the counter; `userId` records who pushed last from this client. */
    async save(client: ClientRow, now: string): Promise<void> {
      await db
        .insertInto('clients')
        .values({
          client_id: client.clientId,
          user_id: client.userId,
          last_mutation_id: client.lastMutationId,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('client_id').doUpdateSet({
            user_id: client.userId,
            last_mutation_id: client.lastMutationId,
            updated_at: now,
          }),
        )
        .execute();
    },
  };
}

export type ClientsRepository = ReturnType<typeof createClientsRepository>;
