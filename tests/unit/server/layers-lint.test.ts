/**
 * The server's import direction, routes and http → services → repositories →
 * domain, is held by `npm run lint` (eslint.config.js): each crossing below
 * is a fixture that must fail, and the allowed direction must pass.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let eslint: ESLint;

/** The no-restricted-imports messages for one import line in a (virtual) file at `filePath`. */
async function refusals(filePath: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// Each case lints a file with the whole config: seconds on a busy machine, not the unit default of 5.
describe('server layers held by lint', { timeout: 30_000 }, () => {
  // Loading the parsers and plugins takes seconds on a busy machine: once, before the cases.
  beforeAll(async () => {
    eslint = new ESLint({ cwd: ROOT });
    await eslint.lintText('export {};\n', { filePath: 'src/server/services/warm-up.ts' });
  }, 120_000);

  it.each([
    ['src/server/services/fixture.service.ts', '../http/errors', 'do not speak HTTP'],
    ['src/server/services/fixture.service.ts', '../routes/sync.routes', 'do not speak HTTP'],
    ['src/server/services/fixture.service.ts', 'fastify', 'do not speak HTTP'],
    ['src/server/repositories/fixture.repository.ts', '../http/auth.hook', 'do not speak HTTP'],
    ['src/server/repositories/fixture.repository.ts', '../services/errors', 'never import them'],
    ['src/server/repositories/fixture.repository.ts', '../client/net/http', 'never imports client code'],
    ['src/domain/fixture.ts', '../server/services/errors', 'imports nothing of ours'],
    ['src/domain/entities/fixture.ts', '../../client/data/db', 'imports nothing of ours'],
  ])('%s may not import %s', async (file, from, reason) => {
    const messages = await refusals(file, from);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });

  it.each([
    ['src/server/routes/fixture.routes.ts', '../services/auth.service'],
    ['src/server/http/fixture.ts', '../services/errors'],
    ['src/server/services/fixture.service.ts', '../repositories/repositories'],
    ['src/server/services/fixture.service.ts', './errors'],
    ['src/server/repositories/fixture.repository.ts', '../db/database'],
    ['src/server/repositories/fixture.repository.ts', '../../domain'],
  ])('%s may import %s', async (file, from) => {
    expect(await refusals(file, from)).toEqual([]);
  });
});
