/**
 * `POST /api/v1/territory/import`: a coordinator uploads the borough's
 * GeoJSON of neighbourhood units and gets the import report. The body limit
 * is raised on this route only; authentication and the role check run before
 * the body is read, so nobody else can make the server parse 10 MiB.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_TERRITORY_BYTES } from '../../domain';
import { authHook, authOf } from '../http/auth.hook';
import { parseOrThrow } from '../http/errors';
import type { AuthService } from '../services/auth.service';
import { territoryGeoJsonSchema, type TerritoryService } from '../services/territory.service';

export function registerTerritoryRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; territory: TerritoryService },
) {
  const authenticate = authHook(deps.auth);

  app.post(
    '/api/v1/territory/import',
    {
      bodyLimit: MAX_TERRITORY_BYTES,
      onRequest: async (request, reply) => {
        await authenticate.call(app, request, reply);
        authOf(request, 'territory.import');
      },
    },
    async (request) => {
      const { user } = authOf(request, 'territory.import');
      parseOrThrow(territoryGeoJsonSchema, request.body);
      return deps.territory.importTerritory(request.body, user);
    },
  );
}
