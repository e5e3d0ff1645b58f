/**
 * `POST /api/v1/territory/import`: a coordinator uploads the borough's
 * GeoJSON of neighbourhood units and gets the import report. The body limit
 * is raised on this route only; authentication and the role check run before
 * the body is read, so nobody else can make the server parse 10 MiB.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_TERRITORY_BYTES } from '../../domain';
import { named } from '../http/openapi';
import { registerUploadRoute } from '../http/upload-route';
import type { AuthService } from '../services/auth.service';
import {
  territoryGeoJsonSchema,
  territoryImportReportSchema,
  type TerritoryService,
} from '../services/territory.service';

export function registerTerritoryRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; territory: TerritoryService },
) {
  registerUploadRoute(
    app,
    deps.auth,
    'territory.import',
    {
      url: '/api/v1/territory/import',
      bodyLimit: MAX_TERRITORY_BYTES,
      summary: 'Import neighbourhood units from GeoJSON (admin/coordinator; body ≤ 10 MiB; idempotent)',
      body: named('TerritoryGeoJson', territoryGeoJsonSchema),
      report: 'Units added, updated, unchanged and refused (with reasons), population, time',
      reportSchema: named('TerritoryImportReport', territoryImportReportSchema),
    },
    (user, body) => deps.territory.importTerritory(body, user),
  );
}
