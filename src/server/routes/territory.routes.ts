/**
 * `POST /api/v1/territory/import`: a coordinator uploads the borough's
 * GeoJSON of neighbourhood units and gets the import report. The body limit
 * is raised on this route only; authentication and the role check run before
 * the body is read, so nobody else can make the server parse 10 MiB.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_TERRITORY_BYTES } from '../../domain';
import { authBeforeBody, authOf } from '../http/auth.hook';
import { failures, json, named } from '../http/openapi';
import type { ZodTypeProvider } from '../http/validation';
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
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/territory/import',
    {
      bodyLimit: MAX_TERRITORY_BYTES,
      onRequest: authBeforeBody(deps.auth, 'territory.import'),
      schema: {
        summary: 'Import neighbourhood units from GeoJSON (admin/coordinator; body ≤ 10 MiB; idempotent)',
        body: named('TerritoryGeoJson', territoryGeoJsonSchema),
        response: {
          200: json(
            'Units added, updated, unchanged and refused (with reasons), population, time',
            named('TerritoryImportReport', territoryImportReportSchema),
          ),
          ...failures(400, 401, 403, 413, 415),
        },
      },
    },
    async (request) => deps.territory.importTerritory(request.body, authOf(request, 'territory.import').user),
  );
}
