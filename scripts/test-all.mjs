// `npm test`: the whole suite — vitest (unit, ui, integration on SQLite and PostgreSQL) and the
// end-to-end suite in Chromium (Playwright), side by side. Both always run to the end, so one red
// test never hides the other suite's state; the exit code is non-zero if either failed, and the
// last lines say which. Each line of output is prefixed with its suite's name.
//
// The two suites run at the same time because neither keeps two cores busy on its own: the
// integration tests run one file at a time and mostly wait on the database, the end-to-end suite
// runs one spec at a time in one browser. TEST_SERIAL=1 runs them one after the other instead.
//
//   node scripts/test-all.mjs
//
// One suite alone: `npm run test:unit`, `npm run test:integration`, `npm run test:e2e`.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Passes a stream on line by line, each line prefixed (whole lines, so the suites never interleave mid-line). */
function relay(stream, prefix, out) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
    out.write(`${prefix}${line}\n`),
  );
}

/** Runs a package's command from node_modules/.bin (not npx: a killed npx leaves its child running). */
function run(name, command, args) {
  const started = Date.now();
  const prefix = `[${name}] `;
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules', '.bin', command), args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    relay(child.stdout, prefix, process.stdout);
    relay(child.stderr, prefix, process.stderr);
    const end = (how, failed) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      resolve({ name, failed, line: `${name}: ${how} in ${seconds} s` });
    };
    child.on('error', (error) => end(`could not start ${command}: ${error.message}`, true));
    child.on('close', (code, signal) => {
      if (signal) end(`stopped by ${signal}`, true);
      else end(code === 0 ? 'passed' : `failed (exit ${code})`, code !== 0);
    });
  });
}

const vitest = () => run('vitest', 'vitest', ['run']);
const e2e = () => run('end-to-end', 'playwright', ['test']);

const suites =
  process.env.TEST_SERIAL === '1' ? [await vitest(), await e2e()] : await Promise.all([vitest(), e2e()]);
console.log(`\n${suites.map((s) => s.line).join('\n')}`);
process.exitCode = suites.some((s) => s.failed) ? 1 : 0;
