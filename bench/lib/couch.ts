/**
 * The baseline: a CouchDB-protocol server (express-pouchdb over PouchDB with
 * the in-memory adapter) on loopback, CORS open, holding the same documents
 * the Tequio server holds. Browsers replicate from it with PouchDB, which is
 * what a team would otherwise reach for to build an offline-first app.
 *
 * The packages belong to the bench's own package (bench/package.json, installed
 * by `npm run bench`, never by the app's install): express@4, express-pouchdb@4.2.0,
 * pouchdb-core@9, pouchdb-adapter-memory@9, pouchdb-adapter-http@9,
 * pouchdb-replication@9, pouchdb-mapreduce@9. They are loaded at run time so the
 * rest of the bench works without them.
 */
import type { Server } from 'node:http';
import type { BenchRecord } from './records';

export interface CouchServer {
  /** URL of the database holding the documents, e.g. http://127.0.0.1:4393/tequio */
  dbUrl: string;
  docs: number;
  stop(): Promise<void>;
}

interface PouchDbLike {
  bulkDocs(docs: unknown[]): Promise<{ error?: string }[]>;
  info(): Promise<{ doc_count: number }>;
}
interface PouchStatic {
  plugin(plugin: unknown): PouchStatic;
  defaults(options: Record<string, unknown>): PouchStatic;
  new (name: string): PouchDbLike;
}
interface ExpressApp {
  use(...handlers: unknown[]): void;
  listen(port: number, host: string, done: () => void): Server;
}
type Handler = (
  req: { method: string; headers: Record<string, string | undefined> },
  res: { setHeader(k: string, v: string): void; statusCode: number; end(): void },
  next: () => void,
) => void;

const load = async <T>(name: string): Promise<T> => {
  const module = (await import(name)) as { default?: T };
  return (module.default ?? module) as T;
};

/** The CouchDB document of a record: same id, fields and kind as on the Tequio server. */
export function asCouchDoc(r: BenchRecord) {
  return { _id: r.id, entity: r.entity, fields: r.fields, deleted: false };
}

export async function startCouch(port: number, records: BenchRecord[]): Promise<CouchServer> {
  const express = await load<() => ExpressApp>('express');
  const expressPouchDb =
    await load<(pouch: PouchStatic, options: Record<string, unknown>) => unknown>('express-pouchdb');
  const core = await load<PouchStatic>('pouchdb-core');
  const PouchDB = core
    .plugin(await load('pouchdb-adapter-memory'))
    .plugin(await load('pouchdb-adapter-http'))
    .plugin(await load('pouchdb-replication'))
    .plugin(await load('pouchdb-mapreduce'))
    .defaults({ adapter: 'memory' });

  const app = express();
  const cors: Handler = (req, res, next) => {
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-allow-methods', 'GET, PUT, POST, HEAD, DELETE');
    res.setHeader(
      'access-control-allow-headers',
      'accept, authorization, content-type, origin, referer, x-csrf-token',
    );
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    next();
  };
  app.use(cors);
  // Loopback: no gzip (neither side of the comparison compresses).
  app.use(
    expressPouchDb(PouchDB, {
      mode: 'minimumForPouchDB',
      overrideMode: { exclude: ['compression'] },
      inMemoryConfig: true,
      logPath: '/dev/null',
    }),
  );

  const db = new PouchDB('tequio');
  for (let start = 0; start < records.length; start += 1000) {
    const result = await db.bulkDocs(records.slice(start, start + 1000).map(asCouchDoc));
    const failed = result.find((r) => r.error);
    if (failed) throw new Error(`bulkDocs failed: ${failed.error}`);
  }
  const { doc_count } = await db.info();

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    dbUrl: `http://127.0.0.1:${port}/tequio`,
    docs: doc_count,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
