/** The review queue for the office's screens (review.repository.ts); needs the network. */
import type { AskReviewRequest, DismissReviewRequest, ResolveReviewRequest } from '../../domain';
import { getDb } from './current-db';
import * as review from './review.repository';

export type { ReviewItem, ReviewItemDetail, ReviewItemState } from '../../domain';
export type { ReviewFilter } from './review.repository';

export const listReviewItems = (filter?: review.ReviewFilter) => review.listReviewItems(getDb(), filter);
export const getReviewItem = (id: string) => review.getReviewItem(getDb(), id);
export const resolveReviewItem = (id: string, body: ResolveReviewRequest) =>
  review.resolveReviewItem(getDb(), id, body);
export const dismissReviewItem = (id: string, body: DismissReviewRequest) =>
  review.dismissReviewItem(getDb(), id, body);
export const askReviewItem = (id: string, body: AskReviewRequest) => review.askReviewItem(getDb(), id, body);
