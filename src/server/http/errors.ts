/**
 * The one place where failures become the contract's answers: status, body
 * `{ error: { code, message, details? } }` and headers (spec/sync-protocol.md:
 * Errors). Services throw domain errors (services/errors.ts); routes refuse
 * input through their schemas (validation.ts); Fastify's own errors (body
 * parsing, limits) and the few answers only HTTP knows (HttpError) end here
 * too. Malformed input always becomes a precise 4xx; only a real server
 * fault becomes a 500, and its internals are logged, never sent.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import {
  DomainError,
  RateLimited,
  UploadOffsetMismatch,
  type ErrorDetail,
  type ErrorKind,
} from '../services/errors';
import { InvalidRequestPart, zodDetails } from './validation';

/** An answer in HTTP terms, for what only the HTTP layer knows (framing, headers, ranges). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown[],
    /** Extra response headers (e.g. Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const invalidRequest = (message: string, details?: ErrorDetail[]) =>
  new HttpError(400, 'invalid_request', message, details);
const notFound = (message = 'Not found') => new HttpError(404, 'not_found', message);

/** The status of every kind of domain error (the spec's table of errors). */
const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  unprocessable: 422,
  rate_limited: 429,
};

/** The headers a domain error's answer carries: where to resume, how long to wait. */
function headersOf(error: DomainError): Record<string, string> | undefined {
  if (error instanceof RateLimited) return { 'retry-after': String(error.retryAfterSeconds) };
  if (error instanceof UploadOffsetMismatch) return { 'upload-offset': String(error.offset) };
  return undefined;
}

function fromDomainError(error: DomainError): HttpError {
  return new HttpError(STATUS[error.kind], error.code, error.message, error.details, headersOf(error));
}

function sendError(reply: FastifyReply, error: HttpError) {
  if (error.headers) void reply.headers(error.headers);
  const body: { code: string; message: string; details?: unknown[] } = {
    code: error.code,
    message: error.message,
  };
  if (error.details) body.details = error.details;
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send({ error: body });
}

/** PostgreSQL: character_not_in_repertoire (NUL in text), untranslatable_character. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/** Fastify's own errors (body parsing, limits) mapped to the contract's codes. */
function fromFastifyError(error: FastifyError): HttpError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid_json', 'The body is not valid JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload_too_large', 'The body is larger than the limit (5 MiB)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return invalidRequest('Content-Length does not match the body');
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (error.validation) return invalidRequest(error.message);
  if (status === 404) return notFound();
  if (status >= 400 && status < 500) return new HttpError(status, 'bad_request', error.message);
  return null;
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendError(reply, notFound(`No route for ${request.method} ${request.url.split('?')[0]}`));
}

/** The contract's answer to `error`, or null for a server fault. */
export function toHttpError(error: unknown, request?: FastifyRequest): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof DomainError) return fromDomainError(error);
  if (error instanceof InvalidRequestPart) return fromDomainError(error.toDomainError(request));
  if (error instanceof ZodError) return invalidRequest('Invalid request', zodDetails(error));
  const fastifyError = error as FastifyError;
  const mapped = fromFastifyError(fastifyError);
  if (mapped) return mapped;
  // Last line of defence: text PostgreSQL cannot store (NUL) can only have come from the request.
  if (UNSTORABLE_TEXT.has(String(fastifyError.code))) {
    return invalidRequest('The request holds text that cannot be stored (e.g. a NUL character)');
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = toHttpError(error, request);
    if (answer) return sendError(reply, answer);
    // Only the error's own text and stack: driver errors can carry row values in other properties.
    request.log.error(
      { err: { type: error.name, code: error.code, message: error.message, stack: error.stack } },
      'request failed',
    );
    return sendError(reply, new HttpError(500, 'internal_error', 'Internal server error'));
  });
}

/**
 * Requests so malformed that Node's HTTP parser refuses them (garbage
 * request lines, oversized headers, broken chunked encoding, a body cut
 * short) never reach Fastify's routes or hooks. They still get the
 * contract's error body and the security headers, then the connection is
 * closed: after a framing error nothing more on it can be trusted.
 */
export function createClientErrorHandler(securityHeaders: Record<string, string>) {
  return (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request line or headers are too large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout', 'The request took too long to arrive']
          : [400, 'bad_request', 'Malformed HTTP request'];
    const body = JSON.stringify({ error: { code, message } });
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
      ...securityHeaders,
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
  };
}

/**
 * Errors of Fastify's router (a URL with broken percent-encoding) are
 * answered before any hook runs; this gives them the contract's body and
 * the security headers like every other answer.
 */
export function createFrameworkErrorHandler(securityHeaders: Record<string, string>) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    void reply.headers(securityHeaders);
    const mapped =
      error.code === 'FST_ERR_BAD_URL'
        ? invalidRequest('The URL is not valid (broken percent-encoding)')
        : (fromFastifyError(error) ?? new HttpError(400, 'bad_request', 'The request could not be routed'));
    return sendError(reply, mapped);
  };
}
