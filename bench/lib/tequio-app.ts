/**
 * The real Tequio server for the browser benchmarks: a child process running
 * `src/server/main.ts` on loopback with a temporary SQLite folder, serving
 * `staticDir`, with one coordinator account made through the CLI.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, type ApiClient } from '../../src/client/net/api-client';
import type { User } from '../../src/domain';

export interface TequioApp {
  base: string;
  username: string;
  password: string;
  /** Signs in from Node (a token of its own, as another device). */
  login(label: string): Promise<{ token: string; user: User; api: ApiClient }>;
  stop(): Promise<void>;
}

export async function startTequio(options: { port: number; staticDir: string }): Promise<TequioApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tequio-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    STATIC_DIR: options.staticDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const username = 'coordinadora';
  const password = `bench-${randomBytes(9).toString('base64url')}`;
  const add = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/cli/cli.ts',
      'user',
      'add',
      '--username',
      username,
      '--role',
      'coordinator',
      '--display-name',
      'Laura Coordinadora',
      '--password-stdin',
    ],
    { env, input: `${password}\n`, encoding: 'utf8' },
  );
  if (add.status !== 0) throw new Error(`user add failed: ${add.stdout}${add.stderr}`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error('the server exited at start');
      try {
        if ((await fetch(`${base}/api/v1/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (i > 240) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base,
    username,
    password,
    async login(label) {
      const { token, user } = await createApiClient({ baseUrl: base }).login({
        username,
        password,
        deviceLabel: label,
      });
      return { token, user, api: createApiClient({ baseUrl: base, getToken: () => token }) };
    },
    stop,
  };
}
