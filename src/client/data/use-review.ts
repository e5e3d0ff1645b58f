/**
 * The office's review queue (rejected changes and delete/edit crossings in
 * the coordinator's scope). It lives on the server, not on the device: every
 * call needs the network and fails with `ApiError` code `network` offline
 * (the screens say so and offer to retry).
 */
import type { ApiClient } from '../net/api-client';
import { officeApi } from './account.repository';
import { getDb } from './current-db';

export type { ReviewItem, ReviewItemDetail, ReviewItemState } from '../../domain';
export type ReviewFilter = NonNullable<Parameters<ApiClient['listReviewItems']>[0]>;

const api = () => officeApi(getDb());

/** Items in scope, newest first. */
export const listReviewItems = async (filter: ReviewFilter = {}) =>
  (await api().listReviewItems(filter)).items;
export const getReviewItem: ApiClient['getReviewItem'] = (id) => api().getReviewItem(id);
/** Writes the corrected values as the coordinator (the server's write path judges them) and closes the item. */
export const resolveReviewItem: ApiClient['resolveReviewItem'] = (id, body) =>
  api().resolveReviewItem(id, body);
export const dismissReviewItem: ApiClient['dismissReviewItem'] = (id, body) =>
  api().dismissReviewItem(id, body);
/** A question to the change's author; their device shows it after its next sync. */
export const askReviewItem: ApiClient['askReviewItem'] = (id, body) => api().askReviewItem(id, body);
