/** Push, pull and the review list of rejected mutations (spec: Push, Pull). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PROTOCOL_LIMITS, pushRequestSchema } from '../../domain';
import { authHook, authOf } from '../http/auth.hook';
import { parseOrThrow } from '../http/errors';
import type { AuthService } from '../services/auth.service';
import type { SyncService } from '../services/sync.service';

const limit = z.coerce.number().int().min(1).max(PROTOCOL_LIMITS.maxPullLimit);

const pullQuerySchema = z.object({ cursor: z.string().max(1000).optional(), limit: limit.optional() });
const rejectionsQuerySchema = z.object({
  userId: z.uuid().optional(),
  limit: limit.optional(),
});

export function registerSyncRoutes(app: FastifyInstance, deps: { auth: AuthService; sync: SyncService }) {
  const onRequest = authHook(deps.auth);

  app.post('/api/v1/sync/push', { onRequest }, async (request) => {
    const { user } = authOf(request);
    const input = parseOrThrow(pushRequestSchema, request.body);
    return deps.sync.push(user, input);
  });

  app.get('/api/v1/sync/pull', { onRequest }, async (request) => {
    const { user } = authOf(request);
    const query = parseOrThrow(pullQuerySchema, request.query, 'query');
    return deps.sync.pull(user, query);
  });

  app.get('/api/v1/sync/rejections', { onRequest }, async (request) => {
    const { user } = authOf(request, 'rejections.list');
    const query = parseOrThrow(rejectionsQuerySchema, request.query, 'query');
    return {
      rejections: await deps.sync.listRejections(user, { limit: query.limit ?? 200, userId: query.userId }),
    };
  });
}
