/** Discovery: health (no auth), entity schemas and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import { authHook } from '../http/auth.hook';
import type { Storage } from '../db/database';
import type { AuthService } from '../services/auth.service';
import { openApiDocument } from '../services/openapi.service';
import { entitySchemas } from '../services/schema.service';

export function registerMetaRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; storage: Storage; version: string },
) {
  const onRequest = authHook(deps.auth);

  app.get('/api/v1/health', async () => ({
    status: 'ok' as const,
    version: deps.version,
    storage: deps.storage,
  }));

  app.get('/api/v1/schema', { onRequest }, async () => entitySchemas());

  app.get('/api/v1/openapi.json', { onRequest }, async () => openApiDocument(deps.version));
}
