/**
 * The real server as a child process for benchmarks: `node --import tsx src/server/main.ts` on a
 * loopback port over a temporary SQLite folder or a fresh PostgreSQL database (dropped at the end),
 * with accounts made the way an operator makes them (the first admin with the CLI, the rest over
 * HTTP) and the child's memory read from /proc. Backend `postgres-2x-nginx` is the scaled-out
 * deployment: two instances on one PostgreSQL database behind a real nginx configured from the
 * repository's loopback template (tests/support/cluster.ts, as the scale-out test starts it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { User } from '../../src/domain';
import {
  createThrowawayStore,
  runCli,
  startChildServer,
  type ChildServer,
  type ThrowawayStore,
} from '../../tests/integration/child-server';
import { startCluster, type Cluster } from '../../tests/support/cluster';
import { findNginx } from '../../tests/support/nginx';

export type Backend = 'sqlite' | 'postgres' | 'postgres-2x-nginx';
export const BACKENDS: readonly Backend[] = ['sqlite', 'postgres', 'postgres-2x-nginx'];

/** `--backend` of a server benchmark: one backend, a comma-separated list, `both` (one instance on
 * each database) or `all` (and the two instances behind nginx). */
export function parseBackends(value: string): Backend[] {
  if (value === 'both') return ['sqlite', 'postgres'];
  if (value === 'all') return [...BACKENDS];
  const list = value.split(',').map((v) => v.trim());
  const unknown = list.filter((v) => !BACKENDS.includes(v as Backend));
  if (unknown.length > 0)
    throw new Error(`unknown backend ${unknown.join(', ')}: use ${BACKENDS.join(', ')}, both or all`);
  return list as Backend[];
}

export interface Account {
  user: User;
  token: string;
}

export interface BenchServer {
  backend: Backend;
  /** Where devices connect: the instance, or nginx in front of the instances. */
  url: string;
  /** The server processes (one, or one per instance). */
  pids: number[];
  store: ThrowawayStore;
  /** The admin made with the CLI, signed in. */
  admin: Account;
  /** Creates an account over HTTP (as the admin) and signs it in. */
  account(role: 'coordinator' | 'facilitator' | 'promoter', username: string): Promise<Account>;
  /** Resident and peak resident memory of the server processes (summed), in MiB (Linux /proc). */
  memory(): { rssMiB: number | null; peakRssMiB: number | null };
  stop(): Promise<void>;
}

const PASSWORD = `bench-${randomBytes(9).toString('base64url')}`;

export async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function login(url: string, username: string): Promise<Account> {
  const res = await postJson<{ token: string; user: User }>(`${url}/api/v1/auth/login`, {
    username,
    password: PASSWORD,
    deviceLabel: `bench ${username}`,
  });
  return { user: res.user, token: res.token };
}

function readKib(pid: number, key: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function sumKib(pids: number[], key: 'VmRSS' | 'VmHWM'): number | null {
  const values = pids.map((pid) => readKib(pid, key));
  return values.some((v) => v === null) ? null : values.reduce((sum: number, v) => sum + v!, 0);
}

const toMiB = (kib: number | null) => (kib === null ? null : Math.round(kib / 102.4) / 10);

export async function startBenchServer(backend: Backend): Promise<BenchServer> {
  const clustered = backend === 'postgres-2x-nginx';
  const nginxBin = clustered ? findNginx() : null;
  if (clustered && !nginxBin)
    throw new Error('nginx is not installed (apt-get install nginx-light, or set NGINX_BIN)');
  const store = await createThrowawayStore(clustered ? 'postgres' : backend);
  let children: ChildServer[] = [];
  let cluster: Cluster | null = null;
  try {
    const created = await runCli(
      ['user', 'add', '--username', 'bench-admin', '--role', 'admin', '--password-stdin'],
      store.env,
      PASSWORD,
    );
    if (created.code !== 0) throw new Error(`user add failed: ${created.stderr}`);
    // BENCH_SERVER_LOG=<file>: the server's request log (method, route, status, ms in the server)
    // is written there at stop, to tell time spent in the server from time spent waiting to be read.
    const logFile = process.env.BENCH_SERVER_LOG;
    // BENCH_SERVER_PROFILE=<folder>: a V8 CPU profile of each server process, written there when it stops.
    const profileDir = process.env.BENCH_SERVER_PROFILE;
    const env = {
      ...store.env,
      ...(logFile ? { LOG_LEVEL: 'info' } : {}),
    };
    const child = {
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      timeoutMs: 120_000,
    };
    let url: string;
    if (nginxBin) {
      cluster = await startCluster(env, { nginxBin, count: 2, child });
      children = cluster.instances;
      url = cluster.url;
    } else {
      children = [await startChildServer(env, child)];
      url = children[0]!.url;
    }
    const admin = await login(url, 'bench-admin');
    const pids = children.map((c) => c.process.pid!);
    const running = cluster;
    return {
      backend,
      url,
      pids,
      store,
      admin,
      async account(role, username) {
        await postJson(
          `${url}/api/v1/users`,
          { username, displayName: username, role, password: PASSWORD },
          admin.token,
        );
        return login(url, username);
      },
      memory() {
        return { rssMiB: toMiB(sumKib(pids, 'VmRSS')), peakRssMiB: toMiB(sumKib(pids, 'VmHWM')) };
      },
      async stop() {
        if (running) await running.close();
        else {
          const server = children[0]!;
          server.kill('SIGTERM');
          const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
          await server.exited;
          clearTimeout(timer);
        }
        if (logFile) writeFileSync(logFile, children.map((c) => c.output()).join('\n'));
        await store.drop();
      },
    };
  } catch (error) {
    if (cluster) await cluster.close('SIGKILL');
    else {
      for (const c of children) c.kill('SIGKILL');
      await Promise.all(children.map((c) => c.exited));
    }
    await store.drop();
    throw error;
  }
}
