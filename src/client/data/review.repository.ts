/**
 * The office's review queue (rejected changes and delete/edit crossings in
 * the coordinator's scope). It lives on the server, not on the device: every
 * call needs the network and fails with `ApiError` code `network` offline
 * (the screens say so and offer to retry).
 */
import type {
  AskReviewRequest,
  DismissReviewRequest,
  ResolveReviewRequest,
  ReviewItem,
  ReviewItemDetail,
  ReviewItemState,
} from '../../domain';
import type { ApiClient } from '../net/api-client';
import { USERS_TIMEOUT_MS } from '../net/users-api';
import { accountApi } from './account.repository';
import type { TequioDb } from './db';

const api = (db: TequioDb) => accountApi(db, '', USERS_TIMEOUT_MS);

export interface ReviewFilter {
  state?: ReviewItemState;
  userId?: string;
}

/** Items in scope, newest first. */
export async function listReviewItems(
  db: TequioDb,
  filter: ReviewFilter = {},
  client: ApiClient = api(db),
): Promise<ReviewItem[]> {
  return (await client.listReviewItems(filter)).items;
}

export function getReviewItem(
  db: TequioDb,
  id: string,
  client: ApiClient = api(db),
): Promise<ReviewItemDetail> {
  return client.getReviewItem(id);
}

/** Writes the corrected values as the coordinator (the server's write path judges them) and closes the item. */
export function resolveReviewItem(
  db: TequioDb,
  id: string,
  body: ResolveReviewRequest,
  client: ApiClient = api(db),
): Promise<ReviewItemDetail> {
  return client.resolveReviewItem(id, body);
}

export function dismissReviewItem(
  db: TequioDb,
  id: string,
  body: DismissReviewRequest,
  client: ApiClient = api(db),
): Promise<ReviewItemDetail> {
  return client.dismissReviewItem(id, body);
}

/** A question to the change's author; their device shows it after its next sync. */
export function askReviewItem(
  db: TequioDb,
  id: string,
  body: AskReviewRequest,
  client: ApiClient = api(db),
): Promise<ReviewItemDetail> {
  return client.askReviewItem(id, body);
}
