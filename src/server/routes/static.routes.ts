/**
 * The built PWA. Entry files (index.html, the service worker and its
 * registration, the manifest) must be revalidated on every load so an
 * update reaches users; hashed files under /assets never change and are
 * cached for a year. Other non-API GETs fall back to index.html so client
 * routes survive a reload. Without a build the API works alone.
 *
 * The build writes brotli and gzip copies of its text files (scripts/precompress.ts);
 * `preCompressed` sends the copy the client accepts, with Content-Encoding and
 * Vary: Accept-Encoding, and the original to a client that accepts neither.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendNotFound } from '../http/errors';

const NO_CACHE = new Set(['index.html', 'sw.js', 'manifest.webmanifest', 'registerSW.js']);

function setCacheHeaders(reply: FastifyReply, filePath: string, root: string) {
  // A precompressed copy (`sw.js.br`) is cached like the file it stands for.
  const relative = path
    .relative(root, filePath)
    .split(path.sep)
    .join('/')
    .replace(/\.(br|gz)$/, '');
  if (NO_CACHE.has(relative)) reply.header('cache-control', 'no-cache');
  else if (relative.startsWith('assets/'))
    reply.header('cache-control', 'public, max-age=31536000, immutable');
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

export async function registerStaticRoutes(app: FastifyInstance, staticDir: string) {
  const root = path.resolve(staticDir);
  const hasIndex = existsSync(path.join(root, 'index.html'));
  if (existsSync(root)) {
    await app.register(fastifyStatic, {
      root,
      redirect: false,
      preCompressed: true,
      setHeaders: (reply, filePath) => setCacheHeaders(reply, filePath, root),
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const spaRoute = (request.method === 'GET' || request.method === 'HEAD') && !isApi(request.url);
    if (spaRoute && hasIndex) return reply.sendFile('index.html');
    return sendNotFound(request, reply);
  });
}
