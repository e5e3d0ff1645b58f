// Installs the benchmark-only packages (the PouchDB baseline: PouchDB, express-pouchdb, Express 4)
// into bench/node_modules from bench/package-lock.json, when they are missing or older than the
// lockfile. They live in their own package so that installing the app never brings them; the
// benchmarks reach the app's code under src/ and the root's packages through the usual
// node_modules lookup (bench/node_modules first, then the root's).
//
//   node bench/install.mjs        (run by `npm run bench` before the benchmarks)
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = dirname(fileURLToPath(import.meta.url));
const lockfile = join(bench, 'package-lock.json');
// npm writes this copy of the lockfile into node_modules after every install.
const installed = join(bench, 'node_modules', '.package-lock.json');

const upToDate = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs;
if (!upToDate) {
  console.log('Installing the benchmark packages (bench/package-lock.json)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: bench, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm ci in bench/ failed');
    process.exit(result.status ?? 1);
  }
}
