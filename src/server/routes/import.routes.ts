/**
 * `POST /api/v1/sync/import`: a coordinator uploads a device's "everything not
 * yet synced" file. The only route with a body limit above the push limit
 * (photos travel inside as base64); authentication and the role check run
 * before the body is read, so nobody else can make the server parse 50 MiB.
 */
import type { FastifyInstance } from 'fastify';
import { importReportSchema, MAX_IMPORT_BYTES, unsyncedFileSchema } from '../../domain';
import { named } from '../http/openapi';
import { registerUploadRoute } from '../http/upload-route';
import type { AuthService } from '../services/auth.service';
import type { ImportService } from '../services/import.service';

export function registerImportRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; importer: ImportService },
) {
  registerUploadRoute(
    app,
    deps.auth,
    'sync.import',
    {
      url: '/api/v1/sync/import',
      bodyLimit: MAX_IMPORT_BYTES,
      summary: 'Import a device’s unsynced-changes file (admin/coordinator; body ≤ 50 MiB)',
      body: named('UnsyncedFile', unsyncedFileSchema),
      report: 'Applied, unchanged and rejected records',
      reportSchema: named('ImportReport', importReportSchema),
    },
    deps.importer.importUnsynced,
  );
}
