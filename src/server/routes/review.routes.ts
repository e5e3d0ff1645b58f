/** The coordinators' review queue, and each field user's notices from it (review.service.ts). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  askReviewRequestSchema,
  dismissReviewRequestSchema,
  resolveReviewRequestSchema,
  REVIEW_ITEM_STATES,
  reviewItemDetailSchema,
  reviewItemIdSchema,
  reviewItemSchema,
  reviewNoticeSchema,
  type ReviewItemDetail,
  type User,
} from '../../domain';
import { callerRoutes } from '../http/caller-routes';
import { failure, failures, json, named } from '../http/openapi';
import type { AuthService } from '../services/auth.service';
import type { ReviewService } from '../services/review.service';

const listQuerySchema = z.object({
  state: z.enum(REVIEW_ITEM_STATES).optional().describe('Only items in this state'),
  userId: z.uuid().optional().describe('Only changes made by this user'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('At most this many, newest first (default 200)'),
});
const paramsSchema = z.object({ id: reviewItemIdSchema });
const noticesQuerySchema = z.object({
  since: z.iso
    .datetime()
    .optional()
    .describe('Only notices at or after this time (ISO); the device keeps the last one'),
});
const itemList = named('ReviewItemList', z.object({ items: z.array(named('ReviewItem', reviewItemSchema)) }));
const noticeList = named(
  'ReviewNoticeList',
  z.object({ notices: z.array(named('ReviewNotice', reviewNoticeSchema)) }),
);
const detail = named('ReviewItemDetail', reviewItemDetailSchema);
const refused = failure(
  'The corrected value was refused by the write path (review_refused), with the reason',
);
const closed = failure('The item is already resolved or dismissed (review_closed)');

export function registerReviewRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; review: ReviewService },
) {
  const routes = callerRoutes(app, deps.auth, 'review.manage');

  routes.get(
    '/api/v1/review/items',
    {
      summary: 'Rejected changes and delete/edit crossings in the caller’s scope (admin/coordinator)',
      querystring: listQuerySchema,
      response: {
        200: json('Review items', itemList),
        ...failures(400, 401, 403),
      },
    },
    async ({ user }, request) => {
      const { state, userId, limit } = request.query;
      return { items: await deps.review.list(user, { state, userId, limit: limit ?? 200 }) };
    },
  );

  routes.get(
    '/api/v1/review/items/:id',
    {
      summary: 'One review item with the record as stored now and what was done with it',
      params: paramsSchema,
      response: { 200: json('The item', detail), ...failures(400, 401, 403, 404) },
    },
    async ({ user }, request) => deps.review.get(user, request.params.id),
  );

  routes.post(
    '/api/v1/review/items/:id/resolve',
    {
      summary: 'Write a corrected value as the caller through the write path and close the item',
      params: paramsSchema,
      body: named('ResolveReviewRequest', resolveReviewRequestSchema),
      response: {
        200: json('The item', detail),
        ...failures(400, 401, 403, 404, 415),
        409: closed,
        422: refused,
      },
    },
    async ({ user }, request) => deps.review.resolve(user, request.params.id, request.body),
  );

  /** Dismiss and ask: a note to the change's author that answers with the item. */
  function noteRoute<Body extends typeof dismissReviewRequestSchema | typeof askReviewRequestSchema>(
    action: 'dismiss' | 'ask',
    summary: string,
    body: Body,
    run: (viewer: User, id: string, request: z.output<Body>) => Promise<ReviewItemDetail>,
  ) {
    routes.post(
      `/api/v1/review/items/:id/${action}`,
      {
        summary,
        params: paramsSchema,
        body,
        response: { 200: json('The item', detail), ...failures(400, 401, 403, 404, 415), 409: closed },
      },
      async ({ user }, request) => run(user, request.params.id, request.body as z.output<Body>),
    );
  }

  noteRoute(
    'dismiss',
    'Close the item with a note (its author’s device is told)',
    named('DismissReviewRequest', dismissReviewRequestSchema),
    deps.review.dismiss,
  );
  noteRoute(
    'ask',
    'Ask the change’s author about it (their device shows the message after its next sync)',
    named('AskReviewRequest', askReviewRequestSchema),
    deps.review.ask,
  );

  callerRoutes(app, deps.auth).get(
    '/api/v1/review/notices',
    {
      summary: 'What coordinators did with the caller’s own changes (read by their device at sync)',
      querystring: noticesQuerySchema,
      response: {
        200: json('Notices, oldest first', noticeList),
        ...failures(400, 401),
      },
    },
    async ({ user }, request) => ({ notices: await deps.review.notices(user, request.query.since) }),
  );
}
