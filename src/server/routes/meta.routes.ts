/** Discovery: health (no auth), entity schemas and the OpenAPI document. */
import type { FastifyInstance } from 'fastify';
import { healthSchema } from '../../domain';
import type { Storage } from '../db/database';
import { authHook } from '../http/auth.hook';
import { failures, json, named } from '../http/openapi';
import type { AuthService } from '../services/auth.service';
import { entitySchemas, entitySchemasResponseSchema } from '../services/schema.service';

export function registerMetaRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; storage: Storage; version: string },
) {
  const onRequest = authHook(deps.auth);

  app.get(
    '/api/v1/health',
    {
      schema: {
        summary: 'Liveness and storage kind',
        security: [],
        response: { 200: json('Up', named('Health', healthSchema)) },
      },
    },
    async () => ({ status: 'ok' as const, version: deps.version, storage: deps.storage }),
  );

  app.get(
    '/api/v1/schema',
    {
      onRequest,
      schema: {
        summary: 'JSON Schema of every synced entity',
        response: {
          200: json('Entity schemas', named('EntitySchemas', entitySchemasResponseSchema)),
          ...failures(401),
        },
      },
    },
    async () => entitySchemas(),
  );

  app.get(
    '/api/v1/openapi.json',
    {
      onRequest,
      schema: {
        summary: 'This document',
        response: { 200: json('OpenAPI 3.1 document', { type: 'object' }), ...failures(401) },
      },
    },
    async () => app.swagger(),
  );
}
