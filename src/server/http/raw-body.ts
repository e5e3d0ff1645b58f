/**
 * Routes whose body is bytes (blobs, map packs): registered in their own
 * encapsulated context where a body of any type is taken raw, as a stream,
 * and never buffered; their services check the name, the type and the bytes,
 * so the route schemas only describe them. Plus the header readings and the
 * caching those routes share.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeOnlyCompiler } from './validation';

/** Registers `routes` in a context of their own that takes every body raw. */
export async function registerRawBodyRoutes(
  app: FastifyInstance,
  routes: (scope: FastifyInstance) => void,
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.setValidatorCompiler(describeOnlyCompiler);
    routes(scope);
  });
}

/** The params of a route that names bytes by their hash: `:sha256`, SHA-256 of `what`. */
export function sha256Params(what: string) {
  return z.object({
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .describe(`SHA-256 of ${what}, 64 hex digits`),
  });
}

/** The bytes behind a hash never change; private because reading needs a token. */
export const IMMUTABLE_PRIVATE = 'private, max-age=31536000, immutable';

/** A header sent once or several times: its first value. */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Content-Length as a number; null when absent or not a plain decimal. */
export function contentLength(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}
