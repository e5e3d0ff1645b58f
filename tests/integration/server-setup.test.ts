import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type TestServer } from './harness';

const backends = await availableBackends();
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const setupBody = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  username: 'primera',
  displayName: 'Primera Admin',
  password: 'una contraseña larga',
  deviceLabel: 'PC oficina',
  ...overrides,
});

describe.each(backends)('first-run setup on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(() => server.close());

  it('creates the first admin only with the one-time code, then closes', async () => {
    expect((await server.request('GET', '/api/v1/setup')).body).toEqual({ needsSetup: true });
    const code = server.setupCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const wrong = await server.request('POST', '/api/v1/setup', { body: setupBody('AAAA-AAAA') });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('forbidden');
    const invalid = await server.request('POST', '/api/v1/setup', {
      body: setupBody(code!, { password: 'corta' }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details).toEqual([expect.objectContaining({ path: 'password' })]);
    expect((await server.request('GET', '/api/v1/setup')).body).toEqual({ needsSetup: true });

    // Case and the dash do not matter when typing the code.
    const ok = await server.request('POST', '/api/v1/setup', {
      body: setupBody(code!.replace('-', '').toLowerCase()),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ username: 'primera', role: 'admin', scope: { kind: 'borough' } });
    const me = await server.request('GET', '/api/v1/auth/me', { token: ok.body.token });
    expect(me.body.username).toBe('primera');

    const again = await server.request('POST', '/api/v1/setup', {
      body: setupBody(code!, { username: 'segunda' }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
    expect((await server.request('GET', '/api/v1/setup')).body).toEqual({ needsSetup: false });
    expect(server.setupCode()).toBeNull();

    // Restarting a server that has users prints no code.
    await server.restart();
    expect(server.setupCode()).toBeNull();
  });
});

describe.each(backends)('setup code guessing on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start({ throttle: { maxPerUsername: 5, maxPerIp: 3, windowMs: 60_000 } });
  });
  afterAll(() => server.close());

  it('counts wrong codes toward the IP rate limit', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await server.request('POST', '/api/v1/setup', { body: setupBody(`WRNG-000${i}`) })).status,
      ).toBe(403);
    }
    const limited = await server.request('POST', '/api/v1/setup', { body: setupBody(server.setupCode()!) });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect((await server.request('GET', '/api/v1/setup')).body).toEqual({ needsSetup: true });
  });
});

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>, stdin: string): Promise<CliResult> {
  const childEnv = { ...process.env };
  delete childEnv.DATABASE_URL;
  delete childEnv.DATA_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/cli.ts', ...args], {
      cwd: repoRoot,
      env: { ...childEnv, ...env },
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

describe.each(backends)('CLI user add on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(() => server.close());

  const add = (username: string, role: string, password: string, extra: string[] = []) =>
    runCli(
      ['user', 'add', '--username', username, '--role', role, '--password-stdin', ...extra],
      server.env,
      `${password}\n`,
    );

  it('creates a user who can then log in over HTTP', async () => {
    const result = await add('Rosa', 'coordinator', 'una clave bien larga', ['--display-name', 'Rosa Pérez']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = result.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const login = await server.request('POST', '/api/v1/auth/login', {
      body: { username: 'rosa', password: 'una clave bien larga', deviceLabel: 'PC' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({
      id,
      username: 'rosa',
      displayName: 'Rosa Pérez',
      role: 'coordinator',
    });
    // A user created from the CLI closes first-run setup too.
    expect((await server.request('GET', '/api/v1/setup')).body).toEqual({ needsSetup: false });
  });

  it('fails with a clear message and a non-zero exit on bad input', async () => {
    const duplicate = await add('rosa', 'promoter', 'otra clave bien larga');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/username already exists/);

    const short = await add('tomas', 'promoter', 'corta');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);

    const role = await add('tomas', 'jefe', 'una clave bien larga');
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/invalid role/);

    const noStdinFlag = await runCli(
      ['user', 'add', '--username', 'tomas', '--role', 'promoter'],
      server.env,
      '',
    );
    expect(noStdinFlag.code).toBe(2);
    expect(noStdinFlag.stderr).toMatch(/--password-stdin/);

    const unknown = await runCli(['user', 'remove'], server.env, '');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);

    const login = await server.request('POST', '/api/v1/auth/login', {
      body: { username: 'tomas', password: 'una clave bien larga', deviceLabel: 'PC' },
    });
    expect(login.status).toBe(401);
  });
});
