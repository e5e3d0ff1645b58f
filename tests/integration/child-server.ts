/**
 * The server and the CLI as real child processes, for tests that must kill
 * them (SIGKILL mid-push) or run them exactly as an operator would:
 *
 *   const store = await createThrowawayStore('postgres');   // or 'sqlite'
 *   const server = await startChildServer(store.env);
 *   …  server.kill('SIGKILL'); await server.exited;
 *   const result = await runCli(['backup', file], store.env);
 *   await store.drop();
 *
 * A store is a fresh SQLite folder or a fresh PostgreSQL database (same
 * TEQUIO_TEST_PG_URL as harness.ts) plus a data folder for blobs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig, type ServerConfig } from '../../src/server/config';
import type { BackendName } from './harness';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PG_ADMIN_URL = process.env.TEQUIO_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ThrowawayStore {
  backend: BackendName;
  /** DATA_DIR (and DATABASE_URL on PostgreSQL) for a child process. */
  env: Record<string, string>;
  dataDir: string;
  /** The server configuration these variables give (to open the database from the test). */
  config: ServerConfig;
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createThrowawayStore(backend: BackendName): Promise<ThrowawayStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tequio-child-'));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  let pgName: string | null = null;
  if (backend === 'postgres') {
    pgName = `tequio_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${pgName}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${pgName}`;
    env.DATABASE_URL = url.toString();
  }
  return {
    backend,
    env,
    dataDir,
    config: loadConfig({ ...env, STATIC_DIR: path.join(dataDir, 'no-static') }),
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      if (pgName) await adminQuery(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    },
  };
}

/** The environment of a child: ours without any database settings, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'BLOB_DIR', 'PORT', 'HOST', 'TEQUIO_NEW_EPOCH', 'LOG_LEVEL'])
    delete base[key];
  return { ...base, ...env };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Resolves when the process has ended. */
  exited: Promise<void>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

/** Starts `node --import tsx src/server/main.ts` and waits until /api/v1/health answers. */
export async function startChildServer(
  env: Record<string, string>,
  options: { port?: number; args?: string[]; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<ChildServer> {
  const port = options.port ?? (await freePort());
  const nodeArgs = [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/server/main.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...(options.args ?? [])], {
    cwd: repoRoot,
    env: childEnv({ LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (ended) throw new Error(`the server exited while starting:\n${output}`);
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    process: child,
    exited,
    output: () => output,
    kill: (signal) => {
      if (!ended) child.kill(signal);
    },
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx src/server/cli/cli.ts …args` (what `npm run cli -- …` runs). */
export function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/cli.ts', ...args], {
      cwd: repoRoot,
      env: childEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
