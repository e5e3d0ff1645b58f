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
import { z } from 'zod';
import { authHook, authOf } from '../http/auth.hook';
import { bytes, failure, json, named, noBody } from '../http/openapi';
import {
  contentLength,
  IMMUTABLE_PRIVATE,
  registerRawBodyRoutes,
  sha256Params,
  single,
} from '../http/raw-body';
import type { AuthService } from '../services/auth.service';
import { blobProgressSchema, blobStoredSchema, type BlobsService } from '../services/blobs.service';
import type { Body } from '../repositories/blob-store';

interface BlobParams {
  sha256: string;
}

const ROUTE = '/api/v1/blobs/:sha256';

// The service checks the name, the range and the type (shared with the import path): described here.
const params = sha256Params('the bytes');
const putHeaders = z.object({
  'content-range': z
    .string()
    .optional()
    .describe('Resumable upload: `bytes <start>-<end>/<total>`; start must equal the Upload-Offset'),
});
const uploadOffset = {
  'Upload-Offset': {
    description: 'Bytes of an unfinished upload the server holds for this user',
    type: 'integer',
    minimum: 0,
  },
};
const media = bytes('image/*', 'audio/*');
const stored = named('BlobStored', blobStoredSchema);

export async function registerBlobRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; blobs: BlobsService },
): Promise<void> {
  const onRequest = authHook(deps.auth);

  await registerRawBodyRoutes(app, (scope) => {
    const putSchema = {
      summary: 'Upload a photo or audio file by its hash, whole or in resumable chunks (≤ 20 MiB)',
      params,
      headers: putHeaders,
      body: media,
      response: {
        201: json('Stored (whole upload or last chunk)', stored),
        200: json('Already stored; the bytes sent hash to the name', stored),
        202: {
          ...json(
            'Chunk appended; continue at Upload-Offset',
            named('BlobUploadProgress', blobProgressSchema),
          ),
          headers: uploadOffset,
        },
        400: failure('Bad name, Content-Range or body (invalid_request, upload_aborted)'),
        401: failure('unauthenticated'),
        409: {
          ...failure('upload_offset_mismatch: the chunk does not start at the offset'),
          headers: uploadOffset,
        },
        413: failure('payload_too_large (over 20 MiB)'),
        415: failure('unsupported_media_type (images except SVG, and audio only)'),
        422: failure('hash_mismatch: the bytes do not hash to the name; a chunked upload starts over'),
      },
    };
    scope.put<{ Params: BlobParams }>(ROUTE, { onRequest, schema: putSchema }, async (request, reply) => {
      const { user } = authOf(request);
      const outcome = await deps.blobs.put(user, request.params.sha256, {
        contentType: request.headers['content-type'],
        contentLength: contentLength(request.headers['content-length']),
        contentRange: single(request.headers['content-range']),
        body: request.body as Body | undefined,
      });
      if (outcome.status === 'partial') {
        void reply.header('upload-offset', String(outcome.offset));
        return reply.code(202).send({ sha256: outcome.sha256, offset: outcome.offset, total: outcome.total });
      }
      const status = outcome.status === 'created' ? 201 : 200;
      return reply.code(status).send({ sha256: outcome.sha256, size: outcome.size });
    });

    const headSchema = {
      summary: 'Whether the server holds a blob; for an unfinished upload, how many bytes arrived',
      params,
      response: {
        200: noBody('Stored'),
        400: noBody('Not a SHA-256 name'),
        401: noBody('unauthenticated'),
        404: noBody('Not stored; Upload-Offset says where to resume', uploadOffset),
      },
    };
    const head = { onRequest, schema: headSchema, config: { swagger: { exposeHeadRoute: true } } };
    scope.head<{ Params: BlobParams }>(ROUTE, head, async (request, reply) => {
      const { user } = authOf(request);
      const outcome = await deps.blobs.head(user, request.params.sha256);
      return headReply(reply, outcome);
    });

    const getSchema = {
      summary: 'The bytes (immutable); for their uploader or whoever may read a live record holding the hash',
      params,
      response: {
        200: { description: 'The bytes, with their type', ...media },
        304: noBody('Not modified (If-None-Match with the ETag)'),
        400: failure('invalid_request'),
        401: failure('unauthenticated'),
        403: failure('forbidden: no record in the user’s scope holds this blob'),
        404: failure('not_found'),
      },
    };
    scope.get<{ Params: BlobParams }>(
      ROUTE,
      { onRequest, exposeHeadRoute: false, schema: getSchema },
      async (request, reply) => {
        const { user } = authOf(request);
        const blob = await deps.blobs.get(user, request.params.sha256);
        const etag = `"${blob.sha256}"`;
        void reply.headers({ etag, 'cache-control': IMMUTABLE_PRIVATE });
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
      'cache-control': IMMUTABLE_PRIVATE,
    });
    return reply.code(200).send();
  }
  void reply.header('upload-offset', String(outcome.offset));
  return reply.code(404).send();
}
