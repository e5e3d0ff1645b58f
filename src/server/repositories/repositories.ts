/**
 * Wiring of the repositories over one database handle, and the unit of work
 * for the sync path: `transaction(fn)` hands `fn` repositories bound to one
 * database transaction, committed when `fn` resolves and rolled back when
 * it throws (so a failed batch leaves no partial write).
 */
import type { DatabaseHandle } from '../db/database';
import { createBlobsRepository } from './blobs.repository';
import { createClientsRepository } from './clients.repository';
import { createEnrolmentRepository } from './enrolment.repository';
import { createGroupCommit, type SharedTransaction } from './group-commit';
import { createMetaRepository } from './meta.repository';
import { createRecordsRepository } from './records.repository';
import { createRejectionsRepository } from './rejections.repository';
import { createReviewRepository } from './review.repository';
import { createTokensRepository } from './tokens.repository';
import { createUsersRepository } from './users.repository';

function bind(handle: DatabaseHandle, db = handle.db, shared?: SharedTransaction) {
  return {
    /** Set when the transaction is shared by a group of pushes (group-commit.ts). */
    shared,
    users: createUsersRepository(db),
    tokens: createTokensRepository(db),
    records: createRecordsRepository(db, handle.storage),
    clients: createClientsRepository(db),
    rejections: createRejectionsRepository(db),
    meta: createMetaRepository(db),
    blobs: createBlobsRepository(db),
    enrolment: createEnrolmentRepository(db),
    review: createReviewRepository(db),
  };
}

export type Repositories = ReturnType<typeof bind>;

export interface RepositoryStore extends Repositories {
  transaction<T>(fn: (repositories: Repositories) => Promise<T>): Promise<T>;
  /**
   * `transaction` for pushes: `fn` may share its transaction (and its commit) with other
   * pushes waiting at the same time, each under its own savepoint (group-commit.ts).
   */
  groupTransaction<T>(fn: (repositories: Repositories) => Promise<T>): Promise<T>;
}

export function createRepositories(handle: DatabaseHandle): RepositoryStore {
  return {
    ...bind(handle),
    transaction: (fn) => handle.writes.transaction().execute((trx) => fn(bind(handle, trx))),
    groupTransaction: createGroupCommit(handle.writes, (trx, shared) => bind(handle, trx, shared)),
  };
}
