/**
 * `POST /api/v1/map-packs?name=…` (coordinators: upload a PMTiles basemap
 * extract) and `GET /api/v1/map-packs/:sha256` (anyone signed in: the file,
 * whole or by `Range`). Registered in their own encapsulated context so only
 * here is a body taken raw, as a stream, and never buffered; authentication
 * and the role check run on the request line, before a byte of it is read.
 */
import type { FastifyInstance } from 'fastify';
import { authHook, authOf } from '../http/auth.hook';
import { HttpError } from '../http/errors';
import type { AuthService } from '../services/auth.service';
import type { MapPacksService } from '../services/map-packs.service';

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function contentLength(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

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
  const authenticate = authHook(deps.auth);

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post<{ Querystring: { name?: string } }>(
      '/api/v1/map-packs',
      {
        onRequest: async (request, reply) => {
          await authenticate.call(app, request, reply);
          authOf(request, 'mapPack.upload');
        },
      },
      async (request, reply) => {
        const { user } = authOf(request, 'mapPack.upload');
        const query = request.query as Record<string, unknown>;
        const { status, pack } = await deps.mapPacks.upload(user, {
          name: typeof query.name === 'string' ? query.name : undefined,
          contentType: request.headers['content-type'],
          contentLength: contentLength(request.headers['content-length']),
          body: request.body as Parameters<MapPacksService['upload']>[1]['body'],
        });
        return reply.code(status).send(pack);
      },
    );

    scope.get<{ Params: { sha256: string } }>(
      '/api/v1/map-packs/:sha256',
      { onRequest: authenticate, exposeHeadRoute: false },
      async (request, reply) => {
        authOf(request);
        const file = await deps.mapPacks.file(request.params.sha256);
        const etag = `"${file.sha256}"`;
        void reply.headers({
          etag,
          'accept-ranges': 'bytes',
          // The bytes behind a hash never change; private because reading needs a token.
          'cache-control': 'private, max-age=31536000, immutable',
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
