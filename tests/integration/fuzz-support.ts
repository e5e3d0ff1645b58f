/**
 * Plumbing for the API fuzz run: a request sender that goes below fetch
 * (any method, any header, any bytes — and a raw-socket mode for requests
 * no HTTP client would send), the checks every answer must pass, and a
 * fingerprint of the whole database to prove a request changed nothing.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/server/db/database';
import { createTablesRepository, type TableInfo } from '../../src/server/repositories/tables.repository';
import { SECURITY_HEADERS } from '../../src/server/app';

export interface FuzzRequest {
  /** A short name for the figures, e.g. "push: bad hlc". */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Bytes written as they are on a fresh socket (ignores method/path/headers/body). */
  raw?: Buffer;
  /** Valid by construction: it may change the database (the baseline moves with it). */
  valid?: boolean;
  /** Statuses this request must get (else: any status below 500). */
  expect?: number[];
  /** Further problems with a response of an expected status (e.g. a push's per-mutation results). */
  check?: (response: FuzzResponse) => string[];
  /** With `valid`: may record its refusal for review, but must change no record. */
  recordsUnchanged?: boolean;
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export class HangError extends Error {}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

export function send(base: URL, request: FuzzRequest, timeoutMs: number): Promise<FuzzResponse | null> {
  return request.raw ? sendRaw(base, request.raw, timeoutMs) : sendHttp(base, request, timeoutMs);
}

function sendHttp(base: URL, request: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new HangError(`no answer within ${timeoutMs} ms: ${request.method} ${request.path}`));
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(request.body);
  });
}

/** Writes bytes on a new connection and reads until the server closes it; null when it answers nothing. */
function sendRaw(base: URL, bytes: Buffer, timeoutMs: number): Promise<FuzzResponse | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new HangError(
          `raw request: no end within ${timeoutMs} ms: ${bytes.subarray(0, 60).toString('latin1')}`,
        ),
      );
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined); // a reset after the answer is fine; the answer is what counts
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      resolve(all.length === 0 ? null : parseRaw(all));
    });
    socket.write(bytes, () => socket.end());
  });
}

function parseRaw(all: Buffer): FuzzResponse {
  const split = all.indexOf('\r\n\r\n');
  const head = all.subarray(0, split < 0 ? all.length : split).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
  if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  return { status, headers, body };
}

/** Problems with one answer, as readable strings (empty = fine). */
export function problemsWith(request: FuzzRequest, response: FuzzResponse | null): string[] {
  if (!response) return request.raw ? [] : ['no answer'];
  const problems: string[] = [];
  if (response.status >= 500 || response.status < 100) problems.push(`status ${response.status}`);
  if (request.expect && !request.expect.includes(response.status))
    problems.push(`status ${response.status}, expected ${request.expect.join(' or ')}`);
  else if (request.check) problems.push(...request.check(response));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (response.headers[name] !== value) problems.push(`header ${name} missing or wrong`);
  }
  const hasBody = request.method !== 'HEAD' && response.status !== 304 && response.status !== 204;
  if (response.status >= 400 && hasBody) {
    const type = String(response.headers['content-type'] ?? '');
    if (!type.startsWith('application/json')) problems.push(`error content-type ${type}`);
    try {
      const body = JSON.parse(response.body.toString('utf8')) as {
        error?: { code?: unknown; message?: unknown; details?: unknown };
      };
      const error = body.error;
      if (
        !error ||
        typeof error.code !== 'string' ||
        !/^[a-z][a-z0-9_]*$/.test(error.code) ||
        typeof error.message !== 'string' ||
        error.message === '' ||
        (error.details !== undefined && !Array.isArray(error.details))
      ) {
        problems.push(
          `error body not in the contract's shape: ${response.body.toString('utf8').slice(0, 200)}`,
        );
      }
    } catch {
      problems.push(`error body is not JSON: ${response.body.toString('utf8').slice(0, 200)}`);
    }
  }
  return problems;
}

/**
 * A fingerprint of everything the database holds: the rows of every table
 * (found in the catalog, so tables added later count too), each table
 * folded into one string in key order by the database itself (one query
 * for all tables), then hashed. `last_used_at` of device tokens is left
 * out: reading with a token may refresh it, by design; so are the login
 * throttle's counters (`login_attempts`): a refused login counts, by design.
 */
export async function databaseFingerprint(handle: DatabaseHandle, tables: TableInfo[]): Promise<string> {
  const counted = tables.filter((table) => table.name !== 'login_attempts');
  const folded = counted.map((table) => {
    const columns = table.columns.filter((c) => !(table.name === 'device_tokens' && c === 'last_used_at'));
    const order = sql.join((table.primaryKey.length > 0 ? table.primaryKey : columns).map((c) => sql.id(c)));
    const row =
      handle.storage === 'postgres'
        ? sql`row(${sql.join(columns.map((c) => sql.id(c)))})::text`
        : sql.join(
            columns.map((c) => sql`quote(${sql.id(c)})`),
            sql` || ',' || `,
          );
    const aggregate =
      handle.storage === 'postgres'
        ? sql`string_agg(${row}, E'\n' order by ${order})`
        : sql`group_concat(${row}, char(10) order by ${order})`;
    return sql`(select ${aggregate} from ${sql.id(table.name)}) as ${sql.id(table.name)}`;
  });
  const { rows } = await sql<Record<string, string | null>>`select ${sql.join(folded)}`.execute(handle.db);
  const hash = createHash('sha256');
  for (const table of counted) hash.update(`${table.name}\n${rows[0]?.[table.name] ?? ''}\n`);
  return hash.digest('hex');
}

export function listTables(handle: DatabaseHandle): Promise<TableInfo[]> {
  return createTablesRepository(handle.db, handle.storage).list();
}

export function closeAgent(): void {
  agent.destroy();
}
