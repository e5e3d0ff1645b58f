/**
 * `POST /api/v1/sync/import`: a coordinator uploads a device's "everything not
 * yet synced" file. The only route with a body limit above the push limit
 * (photos travel inside as base64); authentication and the role check run
 * before the body is read, so nobody else can make the server parse 50 MiB.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_IMPORT_BYTES, unsyncedFileSchema } from '../../domain';
import { authHook, authOf } from '../http/auth.hook';
import { parseOrThrow } from '../http/errors';
import type { AuthService } from '../services/auth.service';
import type { ImportService } from '../services/import.service';

export function registerImportRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; importer: ImportService },
) {
  const authenticate = authHook(deps.auth);

  app.post(
    '/api/v1/sync/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      onRequest: async (request, reply) => {
        await authenticate.call(app, request, reply);
        authOf(request, 'sync.import');
      },
    },
    async (request) => {
      const { user } = authOf(request, 'sync.import');
      const file = parseOrThrow(unsyncedFileSchema, request.body);
      return deps.importer.importUnsynced(user, file);
    },
  );
}
