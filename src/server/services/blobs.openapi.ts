/**
 * The OpenAPI description of the blob endpoints (spec: Blobs; resumable
 * chunks: ADR 0002). Their bodies are raw bytes and their answers carry
 * headers (Upload-Offset), which the JSON operations table in
 * openapi.service.ts does not describe, so they are written out here,
 * with the response schemas taken from the zod schemas the routes use.
 */
import { blobProgressSchema, blobStoredSchema } from './blobs.service';
import { toJsonSchema } from './schema.service';

const json = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
const error = (description: string) => ({ description, content: json('Error') });
const shaParam = {
  name: 'sha256',
  in: 'path',
  required: true,
  description: 'SHA-256 of the bytes, 64 hex digits',
  schema: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' },
};
const uploadOffset = {
  'Upload-Offset': {
    description: 'Bytes of an unfinished upload the server holds for this user',
    schema: { type: 'integer', minimum: 0 },
  },
};
const bytes = { schema: { type: 'string', contentMediaType: 'application/octet-stream' } };

export const blobComponents: Record<string, unknown> = {
  BlobStored: toJsonSchema(blobStoredSchema),
  BlobUploadProgress: toJsonSchema(blobProgressSchema),
};

export const blobPaths: Record<string, Record<string, unknown>> = {
  '/api/v1/blobs/{sha256}': {
    put: {
      summary: 'Upload a photo or audio file by its hash, whole or in resumable chunks (≤ 20 MiB)',
      operationId: 'putBlobsSha256',
      parameters: [
        shaParam,
        {
          name: 'Content-Range',
          in: 'header',
          required: false,
          description: 'Resumable upload: `bytes <start>-<end>/<total>`; start must equal the Upload-Offset',
          schema: { type: 'string' },
        },
      ],
      requestBody: { required: true, content: { 'image/*': bytes, 'audio/*': bytes } },
      responses: {
        201: { description: 'Stored (whole upload or last chunk)', content: json('BlobStored') },
        200: { description: 'Already stored; the bytes sent hash to the name', content: json('BlobStored') },
        202: {
          description: 'Chunk appended; continue at Upload-Offset',
          headers: uploadOffset,
          content: json('BlobUploadProgress'),
        },
        400: error('Bad name, Content-Range or body (invalid_request, upload_aborted)'),
        401: error('unauthenticated'),
        409: {
          ...error('upload_offset_mismatch: the chunk does not start at the offset'),
          headers: uploadOffset,
        },
        413: error('payload_too_large (over 20 MiB)'),
        415: error('unsupported_media_type (images except SVG, and audio only)'),
        422: error('hash_mismatch: the bytes do not hash to the name; a chunked upload starts over'),
      },
    },
    head: {
      summary: 'Whether the server holds a blob; for an unfinished upload, how many bytes arrived',
      operationId: 'headBlobsSha256',
      parameters: [shaParam],
      responses: {
        200: { description: 'Stored' },
        400: { description: 'Not a SHA-256 name' },
        401: { description: 'unauthenticated' },
        404: { description: 'Not stored; Upload-Offset says where to resume', headers: uploadOffset },
      },
    },
    get: {
      summary: 'The bytes (immutable); for their uploader or whoever may read a live record holding the hash',
      operationId: 'getBlobsSha256',
      parameters: [shaParam],
      responses: {
        200: { description: 'The bytes, with their type', content: { 'image/*': bytes, 'audio/*': bytes } },
        304: { description: 'Not modified (If-None-Match with the ETag)' },
        400: error('invalid_request'),
        401: error('unauthenticated'),
        403: error('forbidden: no record in the user’s scope holds this blob'),
        404: error('not_found'),
      },
    },
  },
};
