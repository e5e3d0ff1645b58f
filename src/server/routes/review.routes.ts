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
import { authOf, guardedBy } from '../http/auth.hook';
import { failure, failures, json, named } from '../http/openapi';
import type { ZodTypeProvider } from '../http/validation';
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
  const guard = guardedBy(deps.auth, 'review.manage');
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/review/items',
    {
      ...guard,
      schema: {
        summary: 'Rejected changes and delete/edit crossings in the caller’s scope (admin/coordinator)',
        querystring: listQuerySchema,
        response: {
          200: json('Review items', itemList),
          ...failures(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { state, userId, limit } = request.query;
      const user = authOf(request, 'review.manage').user;
      return { items: await deps.review.list(user, { state, userId, limit: limit ?? 200 }) };
    },
  );

  routes.get(
    '/api/v1/review/items/:id',
    {
      ...guard,
      schema: {
        summary: 'One review item with the record as stored now and what was done with it',
        params: paramsSchema,
        response: { 200: json('The item', detail), ...failures(400, 401, 403, 404) },
      },
    },
    async (request) => deps.review.get(authOf(request, 'review.manage').user, request.params.id),
  );

  routes.post(
    '/api/v1/review/items/:id/resolve',
    {
      ...guard,
      schema: {
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
    },
    async (request) =>
      deps.review.resolve(authOf(request, 'review.manage').user, request.params.id, request.body),
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
        ...guard,
        schema: {
          summary,
          params: paramsSchema,
          body,
          response: { 200: json('The item', detail), ...failures(400, 401, 403, 404, 415), 409: closed },
        },
      },
      async (request) =>
        run(authOf(request, 'review.manage').user, request.params.id, request.body as z.output<Body>),
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

  routes.get(
    '/api/v1/review/notices',
    {
      onRequest: guard.onRequest,
      schema: {
        summary: 'What coordinators did with the caller’s own changes (read by their device at sync)',
        querystring: noticesQuerySchema,
        response: {
          200: json('Notices, oldest first', noticeList),
          ...failures(400, 401),
        },
      },
    },
    async (request) => ({ notices: await deps.review.notices(authOf(request).user, request.query.since) }),
  );
}
