// Starts the real server for the end-to-end suite: a fresh SQLite data folder, two accounts
// made through the CLI (a coordinator and a facilitator), then `src/server/main.ts` serving dist/.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'tequio-e2e-'));
const env = { ...process.env, DATA_DIR: dataDir };
delete env.DATABASE_URL;
const password = process.env.E2E_PASSWORD;
if (!password) throw new Error('E2E_PASSWORD is not set');

const accounts = [
  ['coordinadora', 'coordinator', 'Laura Coordinadora'],
  ['rosa', 'facilitator', 'Rosa Martínez'],
];
for (const [username, role, displayName] of accounts) {
  const r = spawnSync(
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
      role,
      '--display-name',
      displayName,
      '--password-stdin',
    ],
    { env, input: `${password}\n`, encoding: 'utf8' },
  );
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    process.exit(1);
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
