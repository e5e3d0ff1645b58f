/**
 * `POST /api/v1/sync/import`: a coordinator uploads a device's "everything not
 * yet synced" file. The only route with a body limit above the push limit
 * (photos travel inside as base64); authentication and the role check run
 * before the body is read, so nobody else can make the server parse 50 MiB.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_IMPORT_BYTES, unsyncedFileSchema } from '../../domain';
import { authHook, authOf } from '../http/auth.hook';
import { forbidden, parseOrThrow } from '../http/errors';
import type { AuthService } from '../services/auth.service';
import type { ImportService } from '../services/import.service';
import { isManager } from '../services/scope';

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
        if (!isManager(authOf(request).user.role)) throw forbidden('Only coordinators can import files');
      },
    },
    async (request) => {
      const { user } = authOf(request, ['admin', 'coordinator']);
      const file = parseOrThrow(unsyncedFileSchema, request.body);
      return deps.importer.importUnsynced(user, file);
    },
  );
}
