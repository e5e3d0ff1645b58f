/**
 * `PUT/HEAD/GET /api/v1/blobs/:sha256` (spec: Blobs; resumable chunks: ADR 0002).
 *
 * Registered in their own encapsulated context: only here is a request
 * body taken raw, as a stream of any type (the service accepts image/* and
 * audio/* and answers 415 to the rest), and streamed to disk while it is
 * hashed — never buffered whole. Authentication runs on the request line,
 * before a byte of the body is read.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { authHook, authOf } from '../http/auth.hook';
import type { AuthService } from '../services/auth.service';
import type { BlobsService } from '../services/blobs.service';
import type { Body } from '../repositories/blob-store';

interface BlobParams {
  sha256: string;
}

const ROUTE = '/api/v1/blobs/:sha256';

function contentLength(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function registerBlobRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; blobs: BlobsService },
): Promise<void> {
  const onRequest = authHook(deps.auth);

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.put<{ Params: BlobParams }>(ROUTE, { onRequest }, async (request, reply) => {
      const { user } = authOf(request);
      const outcome = await deps.blobs.put(user, request.params.sha256, {
        contentType: request.headers['content-type'],
        contentLength: contentLength(request.headers['content-length']),
        contentRange: single(request.headers['content-range']),
        body: request.body as Body | undefined,
      });
      if (outcome.status === 202) {
        void reply.header('upload-offset', String(outcome.offset));
        return reply.code(202).send({ sha256: outcome.sha256, offset: outcome.offset, total: outcome.total });
      }
      return reply.code(outcome.status).send({ sha256: outcome.sha256, size: outcome.size });
    });

    scope.head<{ Params: BlobParams }>(ROUTE, { onRequest }, async (request, reply) => {
      const { user } = authOf(request);
      const outcome = await deps.blobs.head(user, request.params.sha256);
      return headReply(reply, outcome);
    });

    scope.get<{ Params: BlobParams }>(
      ROUTE,
      { onRequest, exposeHeadRoute: false },
      async (request, reply) => {
        const { user } = authOf(request);
        const blob = await deps.blobs.get(user, request.params.sha256);
        const etag = `"${blob.sha256}"`;
        void reply.headers({
          etag,
          // The bytes behind a hash never change; private because reading needs a token.
          'cache-control': 'private, max-age=31536000, immutable',
        });
        if (single(request.headers['if-none-match']) === etag) return reply.code(304).send();
        void reply.headers({ 'content-type': blob.mime, 'content-length': String(blob.size) });
        return reply.send(blob.open());
      },
    );
  });
}

function headReply(reply: FastifyReply, outcome: Awaited<ReturnType<BlobsService['head']>>) {
  if (outcome.stored) {
    void reply.headers({
      'content-type': outcome.mime,
      'content-length': String(outcome.size),
      'cache-control': 'private, max-age=31536000, immutable',
    });
    return reply.code(200).send();
  }
  void reply.header('upload-offset', String(outcome.offset));
  return reply.code(404).send();
}
