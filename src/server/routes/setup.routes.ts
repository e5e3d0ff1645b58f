/** First-run setup: no auth; open only while the server has no users (setup.service). */
import type { FastifyInstance } from 'fastify';
import { loginResponseSchema } from '../../domain';
import { failures, json, named } from '../http/openapi';
import type { ZodTypeProvider } from '../http/validation';
import { setupRequestSchema, setupStatusSchema, type SetupService } from '../services/setup.service';

export function registerSetupRoutes(app: FastifyInstance, setup: SetupService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/setup',
    {
      schema: {
        summary: 'Whether the server still needs its first admin',
        security: [],
        response: { 200: json('Setup status', named('SetupStatus', setupStatusSchema)) },
      },
    },
    async () => setup.status(),
  );

  routes.post(
    '/api/v1/setup',
    {
      schema: {
        summary: 'Create the first admin with the one-time setup code',
        security: [],
        body: named('SetupRequest', setupRequestSchema),
        response: {
          200: json('First admin created and signed in', named('LoginResponse', loginResponseSchema)),
          ...failures(400, 403, 409, 415, 429),
        },
      },
    },
    async (request) => setup.complete(request.body, request.ip),
  );
}
