/**
 * The real server as a child process for benchmarks: `node --import tsx src/server/main.ts` on a
 * loopback port over a temporary SQLite folder or a fresh PostgreSQL database (dropped at the end),
 * with accounts made the way an operator makes them (the first admin with the CLI, the rest over
 * HTTP) and the child's memory read from /proc.
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

export type Backend = 'sqlite' | 'postgres';

export interface Account {
  user: User;
  token: string;
}

export interface BenchServer {
  backend: Backend;
  url: string;
  pid: number;
  store: ThrowawayStore;
  /** The admin made with the CLI, signed in. */
  admin: Account;
  /** Creates an account over HTTP (as the admin) and signs it in. */
  account(role: 'coordinator' | 'facilitator' | 'promoter', username: string): Promise<Account>;
  /** Resident and peak resident memory of the server process, in MiB (Linux /proc). */
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

export async function startBenchServer(backend: Backend): Promise<BenchServer> {
  const store = await createThrowawayStore(backend);
  let child: ChildServer | null = null;
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
    // BENCH_SERVER_PROFILE=<folder>: a V8 CPU profile of the server, written there when it stops.
    const profileDir = process.env.BENCH_SERVER_PROFILE;
    const env = {
      ...store.env,
      ...(logFile ? { LOG_LEVEL: 'info' } : {}),
    };
    child = await startChildServer(env, {
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      timeoutMs: 120_000,
    });
    const server = child;
    const url = server.url;
    const admin = await login(url, 'bench-admin');
    return {
      backend,
      url,
      pid: server.process.pid!,
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
        const rss = readKib(server.process.pid!, 'VmRSS');
        const peak = readKib(server.process.pid!, 'VmHWM');
        return {
          rssMiB: rss === null ? null : Math.round(rss / 102.4) / 10,
          peakRssMiB: peak === null ? null : Math.round(peak / 102.4) / 10,
        };
      },
      async stop() {
        server.kill('SIGTERM');
        const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
        await server.exited;
        clearTimeout(timer);
        if (logFile) writeFileSync(logFile, server.output());
        await store.drop();
      },
    };
  } catch (error) {
    child?.kill('SIGKILL');
    if (child) await child.exited;
    await store.drop();
    throw error;
  }
}
