/** First-run setup: no auth; open only while the server has no users (setup.service). */
import type { FastifyInstance } from 'fastify';
import { parseOrThrow } from '../http/errors';
import { setupRequestSchema, type SetupService } from '../services/setup.service';

export function registerSetupRoutes(app: FastifyInstance, setup: SetupService) {
  app.get('/api/v1/setup', async () => setup.status());

  app.post('/api/v1/setup', async (request) => {
    const input = parseOrThrow(setupRequestSchema, request.body);
    return setup.complete(input, request.ip);
  });
}
