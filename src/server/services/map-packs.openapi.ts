/**
 * The OpenAPI description of the map-pack endpoints: their bodies are raw
 * PMTiles bytes and the download honours `Range`, which the JSON operations
 * table in openapi.service.ts does not describe, so they are written out
 * here (like blobs.openapi.ts), with the answer's schema from the service.
 */
import { mapPackUploadedSchema } from './map-packs.service';
import { toJsonSchema } from './schema.service';

const json = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
const error = (description: string) => ({ description, content: json('Error') });
const bytes = { schema: { type: 'string', contentMediaType: 'application/vnd.pmtiles' } };

export const mapPackComponents: Record<string, unknown> = {
  MapPackUploaded: toJsonSchema(mapPackUploadedSchema),
};

export const mapPackPaths: Record<string, Record<string, unknown>> = {
  '/api/v1/map-packs': {
    post: {
      summary:
        'Coordinators: upload an offline map pack (PMTiles v3, vector tiles, ≤ 200 MiB); it becomes a `mapPack` record every device pulls',
      operationId: 'postMapPacks',
      parameters: [
        {
          name: 'name',
          in: 'query',
          required: true,
          description: 'Name shown to users (2 to 120 characters)',
          schema: { type: 'string', minLength: 2, maxLength: 120 },
        },
      ],
      requestBody: {
        required: true,
        content: { 'application/vnd.pmtiles': bytes, 'application/octet-stream': bytes },
      },
      responses: {
        201: { description: 'Stored and listed', content: json('MapPackUploaded') },
        200: {
          description: 'The same file was already listed; nothing changed',
          content: json('MapPackUploaded'),
        },
        400: error('invalid_request (no name, empty body) or upload_aborted'),
        401: error('unauthenticated'),
        403: error('forbidden: only coordinators and administrators'),
        413: error('payload_too_large (over 200 MiB)'),
        415: error('unsupported_media_type (send application/vnd.pmtiles or application/octet-stream)'),
        422: error('invalid_map_pack: not a PMTiles v3 archive of vector tiles'),
      },
    },
  },
  '/api/v1/map-packs/{sha256}': {
    get: {
      summary: 'The file of a map pack (immutable), whole or one byte range; for any signed-in user',
      operationId: 'getMapPacksSha256',
      parameters: [
        {
          name: 'sha256',
          in: 'path',
          required: true,
          description: 'SHA-256 of the file, 64 hex digits',
          schema: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' },
        },
        {
          name: 'Range',
          in: 'header',
          required: false,
          description: 'One range, `bytes=<start>-<end>`, `bytes=<start>-` or `bytes=-<suffix>`',
          schema: { type: 'string' },
        },
      ],
      responses: {
        200: { description: 'The whole file', content: { 'application/vnd.pmtiles': bytes } },
        206: {
          description: 'The requested range (Content-Range)',
          content: { 'application/vnd.pmtiles': bytes },
        },
        304: { description: 'Not modified (If-None-Match with the ETag)' },
        400: error('invalid_request: not a SHA-256 name'),
        401: error('unauthenticated'),
        404: error('not_found'),
        416: error('range_not_satisfiable'),
      },
    },
  },
};
