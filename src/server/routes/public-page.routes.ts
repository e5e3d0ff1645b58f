/**
 * `GET /publico/:processId` and `GET /publico/:processId/fotos/:sha256`: a
 * published process's public page and the photos it shows, with no account;
 * `GET /p/:code`, the short address on its poster (the id's last 8 hex digits),
 * (ADR 0008; docs/authorization.md, "The public page"). Every answer is
 * revalidated (`Cache-Control: no-cache` with an ETag): a phone that keeps
 * the page asks again each time and gets a 304 while nothing changed, and a
 * 404 as soon as the process is unpublished. The page travels compressed
 * (brotli or gzip, as the browser accepts) like every text answer (app.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { bytes, failure, noBody } from '../http/openapi';
import { NotFound } from '../services/errors';
import { renderNotPublished } from '../services/public-page-render';
import type { PublicPageService } from '../services/public-page.service';

const html = (description: string) => ({
  description,
  content: { 'text/html': { schema: { type: 'string' } } },
});
const processId = z.string().max(100).describe('The process id (a UUID)');
const REVALIDATE = 'no-cache';

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sendHtml(reply: FastifyReply, html: string) {
  return reply.header('content-type', 'text/html; charset=utf-8').send(html);
}

function notPublished(reply: FastifyReply) {
  return reply
    .code(404)
    .headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    .send(renderNotPublished());
}

export function registerPublicPageRoutes(app: FastifyInstance, deps: { publicPage: PublicPageService }) {
  app.get<{ Params: { code: string } }>(
    '/p/:code',
    {
      schema: {
        summary: 'The short address printed on a poster: redirects to the published process’s page',
        security: [],
        params: z.object({ code: z.string().max(100).describe('The last 8 hex digits of the process id') }),
        response: {
          302: noBody('To `/publico/<processId>`', { Location: { type: 'string' } }),
          404: html('No single published process has this code'),
        },
      },
    },
    async (request, reply) => {
      try {
        const processId = await deps.publicPage.resolveShort(request.params.code);
        return reply.header('cache-control', REVALIDATE).redirect(`/publico/${processId}`, 302);
      } catch (error) {
        if (error instanceof NotFound) return notPublished(reply);
        throw error;
      }
    },
  );

  app.get<{ Params: { processId: string } }>(
    '/publico/:processId',
    {
      schema: {
        summary: 'The public page of a published process (Spanish HTML, no account)',
        security: [],
        params: z.object({ processId }),
        response: {
          200: html('The page: the validated Local Agenda, status, progress and public updates'),
          304: noBody('Not modified (If-None-Match with the ETag)'),
          404: html('Unknown or unpublished process'),
        },
      },
    },
    async (request, reply) => {
      try {
        const page = await deps.publicPage.page(request.params.processId);
        void reply.headers({ etag: page.etag, 'cache-control': REVALIDATE });
        if (single(request.headers['if-none-match']) === page.etag) return reply.code(304).send();
        return sendHtml(reply, page.html);
      } catch (error) {
        if (error instanceof NotFound) return notPublished(reply);
        throw error;
      }
    },
  );

  app.get<{ Params: { processId: string; sha256: string } }>(
    '/publico/:processId/fotos/:sha256',
    {
      schema: {
        summary: 'A photo chosen for a published process’s page (no account); any other blob is 404',
        security: [],
        params: z.object({ processId, sha256: z.string().max(100).describe('SHA-256 of the photo') }),
        response: {
          200: { description: 'The photo', ...bytes('image/*') },
          304: noBody('Not modified (If-None-Match with the ETag)'),
          404: failure('not_found: not a photo the published page shows'),
        },
      },
    },
    async (request, reply) => {
      const photo = await deps.publicPage.photo(request.params.processId, request.params.sha256);
      const etag = `"${photo.sha256}"`;
      // The bytes never change, but whether they may be shown does: revalidate every time.
      void reply.headers({ etag, 'cache-control': REVALIDATE });
      if (single(request.headers['if-none-match']) === etag) return reply.code(304).send();
      void reply.headers({ 'content-type': photo.mime, 'content-length': String(photo.size) });
      return reply.send(photo.open());
    },
  );
}
