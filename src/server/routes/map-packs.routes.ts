/**
 * `POST /api/v1/map-packs?name=…` (coordinators: upload a PMTiles basemap
 * extract) and `GET /api/v1/map-packs/:sha256` (anyone signed in: the file,
 * whole or by `Range`). Registered in their own encapsulated context so only
 * here is a body taken raw, as a stream, and never buffered; authentication
 * and the role check run on the request line, before a byte of it is read.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authBeforeBody, authHook, authOf } from '../http/auth.hook';
import { HttpError } from '../http/errors';
import { bytes, failure, json, named, noBody } from '../http/openapi';
import {
  contentLength,
  IMMUTABLE_PRIVATE,
  registerRawBodyRoutes,
  sha256Params,
  single,
} from '../http/raw-body';
import type { AuthService } from '../services/auth.service';
import {
  mapPackNameSchema,
  mapPackUploadedSchema,
  type MapPacksService,
} from '../services/map-packs.service';

// The service checks the name, the type and the bytes: described here.
const uploadQuery = z.object({
  name: mapPackNameSchema.describe('Name shown to users (2 to 120 characters)'),
});
const fileParams = sha256Params('the file');
const rangeHeaders = z.object({
  range: z
    .string()
    .optional()
    .describe('One range, `bytes=<start>-<end>`, `bytes=<start>-` or `bytes=-<suffix>`'),
});
const pmtiles = bytes('application/vnd.pmtiles');
const uploaded = named('MapPackUploaded', mapPackUploadedSchema);

const uploadSchema = {
  summary:
    'Coordinators: upload an offline map pack (PMTiles v3, vector tiles, ≤ 200 MiB); it becomes a `mapPack` record every device pulls',
  querystring: uploadQuery,
  body: bytes('application/vnd.pmtiles', 'application/octet-stream'),
  response: {
    201: json('Stored and listed', uploaded),
    200: json('The same file was already listed; nothing changed', uploaded),
    400: failure('invalid_request (no name, empty body) or upload_aborted'),
    401: failure('unauthenticated'),
    403: failure('forbidden: only coordinators and administrators'),
    413: failure('payload_too_large (over 200 MiB)'),
    415: failure('unsupported_media_type (send application/vnd.pmtiles or application/octet-stream)'),
    422: failure('invalid_map_pack: not a PMTiles v3 archive of vector tiles'),
  },
};

const fileSchema = {
  summary: 'The file of a map pack (immutable), whole or one byte range; for any signed-in user',
  params: fileParams,
  headers: rangeHeaders,
  response: {
    200: { description: 'The whole file', ...pmtiles },
    206: { description: 'The requested range (Content-Range)', ...pmtiles },
    304: noBody('Not modified (If-None-Match with the ETag)'),
    400: failure('invalid_request: not a SHA-256 name'),
    401: failure('unauthenticated'),
    404: failure('not_found'),
    416: failure('range_not_satisfiable'),
  },
};

/** One `bytes=` range of a `size`-byte file: inclusive bounds, `null` when unsatisfiable, `undefined` when absent or ignored. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or another unit: send the whole file, as RFC 9110 allows.
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}

export async function registerMapPackRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; mapPacks: MapPacksService },
): Promise<void> {
  await registerRawBodyRoutes(app, (scope) => {
    scope.post<{ Querystring: { name?: string } }>(
      '/api/v1/map-packs',
      {
        onRequest: authBeforeBody(deps.auth, 'mapPack.upload'),
        schema: uploadSchema,
      },
      async (request, reply) => {
        const { user } = authOf(request, 'mapPack.upload');
        const query = request.query as Record<string, unknown>;
        const { created, pack } = await deps.mapPacks.upload(user, {
          name: typeof query.name === 'string' ? query.name : undefined,
          contentType: request.headers['content-type'],
          contentLength: contentLength(request.headers['content-length']),
          body: request.body as Parameters<MapPacksService['upload']>[1]['body'],
        });
        return reply.code(created ? 201 : 200).send(pack);
      },
    );

    scope.get<{ Params: { sha256: string } }>(
      '/api/v1/map-packs/:sha256',
      { onRequest: authHook(deps.auth), exposeHeadRoute: false, schema: fileSchema },
      async (request, reply) => {
        authOf(request);
        const file = await deps.mapPacks.file(request.params.sha256);
        const etag = `"${file.sha256}"`;
        void reply.headers({
          etag,
          'accept-ranges': 'bytes',
          'cache-control': IMMUTABLE_PRIVATE,
          'content-type': 'application/vnd.pmtiles',
        });
        if (single(request.headers['if-none-match']) === etag) return reply.code(304).send();
        const range = parseRange(single(request.headers.range), file.size);
        if (range === null) {
          throw new HttpError(416, 'range_not_satisfiable', `The file has ${file.size} bytes`, undefined, {
            'content-range': `bytes */${file.size}`,
          });
        }
        if (range) {
          void reply.headers({
            'content-range': `bytes ${range.start}-${range.end}/${file.size}`,
            'content-length': String(range.end - range.start + 1),
          });
          return reply.code(206).send(file.open(range));
        }
        void reply.header('content-length', String(file.size));
        return reply.send(file.open());
      },
    );
  });
}
