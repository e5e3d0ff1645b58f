/** Push, pull and the review list of rejected mutations (spec: Push, Pull). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PROTOCOL_LIMITS, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../../domain';
import { callerRoutes } from '../http/caller-routes';
import { failures, json, named } from '../http/openapi';
import type { AuthService } from '../services/auth.service';
import { rejectionViewSchema, type SyncService } from '../services/sync.service';

const limit = z.coerce.number().int().min(1).max(PROTOCOL_LIMITS.maxPullLimit);

const pullQuerySchema = z.object({
  cursor: z.string().max(1000).optional().describe('Opaque cursor from the previous pull'),
  limit: limit.optional().describe(`Page size (default ${PROTOCOL_LIMITS.defaultPullLimit})`),
  estimate: z
    .enum(['0', '1'])
    .optional()
    .describe(
      '1: also answer `remaining`, an estimate of the records still to come after this page (progress of a first download). Optional extension; servers without it ignore the parameter.',
    ),
});
const rejectionsQuerySchema = z.object({
  userId: z.uuid().optional().describe('Only this user’s'),
  limit: limit.optional().describe('At most this many, newest first (default 200)'),
});

const rejectionList = named('RejectionList', z.object({ rejections: z.array(rejectionViewSchema) }));

export function registerSyncRoutes(app: FastifyInstance, deps: { auth: AuthService; sync: SyncService }) {
  const signedIn = callerRoutes(app, deps.auth);

  signedIn.post(
    '/api/v1/sync/push',
    {
      summary: 'Push a batch of mutations (one transaction)',
      body: named('PushRequest', pushRequestSchema),
      response: {
        200: json('Committed', named('PushResponse', pushResponseSchema)),
        ...failures(400, 401, 403, 409, 413, 415),
      },
    },
    async ({ user }, request) => deps.sync.push(user, request.body),
  );

  signedIn.get(
    '/api/v1/sync/pull',
    {
      summary: 'Pull changes after a cursor, in commit order',
      querystring: pullQuerySchema,
      response: {
        200: json('A page of changes', named('PullResponse', pullResponseSchema)),
        ...failures(400, 401, 409),
      },
    },
    async ({ user }, request, reply) => {
      const { cursor, limit, estimate } = request.query;
      // Already JSON (sync.service.ts): sent as it is, not serialized again.
      const body = await deps.sync.pullJson(user, { cursor, limit, estimate: estimate === '1' });
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  callerRoutes(app, deps.auth, 'rejections.list').get(
    '/api/v1/sync/rejections',
    {
      summary: 'Rejected mutations for review (admin/coordinator)',
      querystring: rejectionsQuerySchema,
      response: {
        200: json('Rejections', rejectionList),
        ...failures(400, 401, 403),
      },
    },
    async ({ user }, request) => {
      const { limit, userId } = request.query;
      return { rejections: await deps.sync.listRejections(user, { limit: limit ?? 200, userId }) };
    },
  );
}
