// `npm test`: the whole suite — vitest (unit, ui, integration on SQLite and PostgreSQL), then the
// end-to-end suite in Chromium (Playwright). Both always run, so one red test never hides the
// other suite's state; the exit code is non-zero if either failed, and the last lines say which.
//
//   node scripts/test-all.mjs
//
// One suite alone: `npm run test:unit`, `npm run test:integration`, `npm run test:e2e`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a package's command from node_modules/.bin (not npx: a killed npx leaves its child running). */
function run(name, command, args) {
  const started = Date.now();
  const result = spawnSync(join(root, 'node_modules', '.bin', command), args, {
    cwd: root,
    stdio: 'inherit',
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (result.error) console.error(`${name}: could not start ${command}: ${result.error.message}`);
  const failed = result.status !== 0;
  const how = result.signal
    ? `stopped by ${result.signal}`
    : failed
      ? `failed (exit ${result.status})`
      : 'passed';
  return { name, failed, line: `${name}: ${how} in ${seconds} s` };
}

const suites = [run('vitest', 'vitest', ['run']), run('end-to-end', 'playwright', ['test'])];
console.log(`\n${suites.map((s) => s.line).join('\n')}`);
process.exitCode = suites.some((s) => s.failed) ? 1 : 0;
