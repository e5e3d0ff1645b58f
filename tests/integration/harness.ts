/**
 * Integration harness: starts the REAL server (buildApp + listen on a free
 * loopback port) on a fresh SQLite file or a fresh throwaway PostgreSQL
 * database, and tears it down afterwards.
 *
 *   const backends = await availableBackends();   // [{ name: 'sqlite', start }, { name: 'postgres', start }]
 *   describe.each(backends)('push on $name', (backend) => {
 *     let server: TestServer;
 *     beforeAll(async () => { server = await backend.start(); });
 *     afterAll(() => server.close());
 *     it('…', async () => {
 *       const ana = await server.createUser({ username: 'ana', role: 'admin' });
 *       const res = await server.request('GET', '/api/v1/auth/me', { token: ana.token });
 *     });
 *   });
 *
 * PostgreSQL: postgres://postgres@127.0.0.1:5432/postgres by default
 * (override with TEQUIO_TEST_PG_URL). Each server gets `CREATE DATABASE
 * tequio_test_<random>`, dropped by close(). When PostgreSQL is not
 * reachable the suites run on SQLite only, with one line saying so; with
 * CI set that is an error instead. TEQUIO_TEST_BACKENDS=sqlite (or
 * postgres) limits the run to one backend.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Role } from '../../src/domain';
import { buildApp } from '../../src/server/app';
import { readVersion, type ServerConfig } from '../../src/server/config';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrations';
import type { ThrottleOptions } from '../../src/server/services/login-throttle';

export type BackendName = 'sqlite' | 'postgres';

export interface StartOptions {
  /** Folder served as the PWA build; default: none (API only). */
  staticDir?: string;
  /** Login rate limits; default: the production ones. */
  throttle?: ThrottleOptions;
}

export interface Backend {
  name: BackendName;
  start(options?: StartOptions): Promise<TestServer>;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  /** A device token for this user (as after a login). */
  token: string;
}

/** Response bodies are checked by the tests' assertions, not by types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text. */
  body: T;
}

export interface RequestOptions {
  token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Sent as is (use with a content-type header) — for malformed-input tests. */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestServer {
  backend: BackendName;
  /** e.g. http://127.0.0.1:41234 (stays the same across restart()). */
  url: string;
  app: FastifyInstance;
  db: DatabaseHandle;
  /** Environment that points a child process (the CLI) at this server's database. */
  env: Record<string, string>;
  /** The pending first-run setup code, or null once a user exists. */
  setupCode(): string | null;
  /** Creates a user directly through the service layer and issues them a device token. */
  createUser(user: {
    username: string;
    role: Role;
    password?: string;
    displayName?: string;
  }): Promise<TestUser>;
  request<T = Json>(method: string, urlPath: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Stops and starts the server on the same database and port (optionally with a new epoch, as after a restore). */
  restart(options?: { newEpoch?: boolean }): Promise<void>;
  /**
   * Kills the server abruptly, as a power cut or SIGKILL would: every open connection is
   * reset, transactions in flight are rolled back (nothing graceful), then it starts again on
   * the same database and port.
   */
  crash(): Promise<void>;
  /** Stops the server and deletes its database. */
  close(): Promise<void>;
}

export const DEFAULT_PASSWORD = 'correct horse battery';
const PG_ADMIN_URL = process.env.TEQUIO_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrlFor(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let probe: Promise<boolean> | null = null;

function postgresReachable(): Promise<boolean> {
  probe ??= withAdminClient((c) => c.query('select 1')).then(
    () => true,
    () => false,
  );
  return probe;
}

/** Backends to run the suites on: SQLite always, PostgreSQL when reachable (required when CI is set). */
export async function availableBackends(): Promise<Backend[]> {
  const only = process.env.TEQUIO_TEST_BACKENDS?.split(',').map((s) => s.trim());
  const wanted = (name: BackendName) => !only || only.includes(name);
  const list: Backend[] = [];
  if (wanted('sqlite')) list.push({ name: 'sqlite', start: (o) => startServer('sqlite', o) });
  if (wanted('postgres')) {
    if (await postgresReachable()) {
      list.push({ name: 'postgres', start: (o) => startServer('postgres', o) });
    } else if (process.env.CI) {
      throw new Error(
        `PostgreSQL not reachable at ${new URL(PG_ADMIN_URL).host} and CI is set: the PostgreSQL suites must run in CI`,
      );
    } else {
      console.log(
        `PostgreSQL not reachable at ${new URL(PG_ADMIN_URL).host} — PostgreSQL integration tests not run`,
      );
    }
  }
  return list;
}

async function listen(app: FastifyInstance, port: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      await app.listen({ port, host: '127.0.0.1' });
      return (app.server.address() as AddressInfo).port;
    } catch (error) {
      // A just-closed port can take a moment to free on restart().
      if ((error as { code?: string }).code !== 'EADDRINUSE' || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Graceful close, but a connection still mid-request after a moment (a test that cut an upload
 * on purpose) is cut, as a restarting process would: close must not wait for a client that
 * will never finish.
 */
async function closeApp(app: FastifyInstance): Promise<void> {
  const force = setTimeout(() => app.server.closeAllConnections(), 1_000);
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}

export async function startServer(
  backend: BackendName | Backend,
  options: StartOptions = {},
): Promise<TestServer> {
  const name = typeof backend === 'string' ? backend : backend.name;
  let dataDir: string | null = null;
  let pgName: string | null = null;
  let env: Record<string, string>;
  // Every server gets its own data folder (blobs live there on PostgreSQL too).
  dataDir = mkdtempSync(path.join(tmpdir(), 'tequio-it-'));
  if (name === 'sqlite') {
    env = { DATA_DIR: dataDir };
  } else {
    pgName = `tequio_test_${randomBytes(6).toString('hex')}`;
    await withAdminClient((c) => c.query(`CREATE DATABASE ${pgName}`));
    env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrlFor(pgName) };
  }
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: dataDir ?? tmpdir(),
    sqliteFile: path.join(dataDir ?? tmpdir(), 'tequio.sqlite'),
    blobDir: path.join(dataDir, 'blobs'),
    databaseUrl: env.DATABASE_URL ?? null,
    staticDir: options.staticDir ?? path.join(tmpdir(), 'tequio-no-static-dir'),
    trustProxy: false,
    newEpoch: false,
    version: readVersion(),
  };

  async function boot(port: number, newEpoch = false) {
    const db = openDatabase(config);
    await migrateToLatest(db.db);
    const app = await buildApp({ db, config, throttle: options.throttle });
    if (newEpoch) await app.services.sync.rotateEpoch();
    const actualPort = await listen(app, port);
    return { db, app, port: actualPort };
  }

  let current = await boot(0);
  const url = `http://127.0.0.1:${current.port}`;
  let closed = false;

  const server: TestServer = {
    backend: name,
    url,
    get app() {
      return current.app;
    },
    get db() {
      return current.db;
    },
    env,
    setupCode: () => current.app.services.setup.currentCode(),

    async createUser({ username, role, password = DEFAULT_PASSWORD, displayName }) {
      const services = current.app.services;
      const user = await services.users.createUser(
        { username: username.toLowerCase(), role, password, displayName: displayName ?? username },
        'system',
      );
      const { token } = await services.auth.issueToken(user, `test device of ${username}`);
      return { id: user.id, username: user.username, password, role, token };
    },

    async request(method, urlPath, { token, body, rawBody, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      const h = init.headers as Record<string, string>;
      if (token) h.authorization = `Bearer ${token}`;
      if (body !== undefined) {
        h['content-type'] ??= 'application/json';
        init.body = JSON.stringify(body);
      } else if (rawBody !== undefined) {
        init.body = typeof rawBody === 'string' ? rawBody : new Uint8Array(rawBody);
      }
      const res = await fetch(`${url}${urlPath}`, init);
      const text = await res.text();
      const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
      return { status: res.status, headers: res.headers, body: isJson && text ? JSON.parse(text) : text };
    },

    async restart({ newEpoch = false } = {}) {
      await closeApp(current.app);
      await current.db.close();
      // Let clients' keep-alive pools see the closed sockets before the port answers again;
      // otherwise the next fetch may be written to a socket the old server already closed.
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = await boot(current.port, newEpoch);
    },

    async crash() {
      const dying = current;
      dying.app.server.close(); // no new connections
      dying.app.server.closeAllConnections();
      if (pgName) {
        // Server-side end of every connection: open transactions roll back, as when the process dies.
        await withAdminClient((c) =>
          c.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [pgName],
          ),
        );
      }
      // SQLite: closing the handle mid-transaction rolls it back; late statements of the dead app just fail.
      await dying.db.close().catch(() => undefined);
      await dying.app.close().catch(() => undefined);
      current = await boot(dying.port);
    },

    async close() {
      if (closed) return;
      closed = true;
      try {
        await closeApp(current.app);
        await current.db.close();
      } finally {
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
        if (pgName) await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`));
      }
    },
  };
  return server;
}
