/**
 * The client's layers (eslint/client-layers.js, docs/ARCHITECTURE.md) are held by `npm run lint`:
 * each crossing below is a fixture that must fail, and the allowed directions must pass. The files
 * named are virtual (linted as text at that path); what they import is real.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LAYER_RULES = new Set([
  'import-x/no-restricted-paths',
  'tequio/no-reachable-packages',
  'import-x/no-cycle',
]);

let eslint: ESLint;

/** The layer messages for one import line in a virtual file at `filePath`. */
async function refusals(filePath: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

// Each case lints a file with the whole config: seconds on a busy machine, not the unit default of 5.
describe('client layers held by lint', { timeout: 30_000 }, () => {
  // Loading the parsers and plugins takes seconds on a busy machine: once, before the cases.
  beforeAll(async () => {
    eslint = new ESLint({ cwd: ROOT, ignore: false });
    await eslint.lintText('export {};\n', { filePath: 'src/client/data/warm-up.ts' });
  }, 120_000);

  it.each([
    ['src/client/features/processes/fixture.tsx', '../problems/strings', 'never imports another feature'],
    [
      'src/client/features/tours/fixture.tsx',
      '../tour-notes/tour-notes-list',
      'never imports another feature',
    ],
    ['src/client/features/map-packs/fixture.tsx', '../../app/use-sync', 'features sit below app/'],
    ['src/client/ui/fixture.tsx', '../data/current-db', 'never imports data/'],
    ['src/client/ui/fixture.tsx', '../net/api-client', 'never imports net/'],
    ['src/client/ui/fixture.tsx', '../widgets/photos/photo-picker', 'never imports widgets/'],
    ['src/client/widgets/fixture.tsx', '../features/problems/strings', 'widgets/ sit below features/'],
    ['src/client/data/fixture.ts', '../ui/format', 'data/ sits below ui/'],
    ['src/client/data/fixture.ts', '../sync/backoff', 'data/ sits below sync/'],
    ['src/client/net/fixture.ts', '../data/current-db', 'net/ only speaks HTTP'],
    ['src/client/sync/fixture.ts', '../features/sync-status/sync-page', 'plain TypeScript'],
    // Not a direct import of React: a data file that imports dexie-react-hooks.
    [
      'src/client/sync/fixture.ts',
      '../data/use-storage',
      "reaches React through src/client/data/use-storage.ts → 'dexie-react-hooks'",
    ],
    ['src/client/net/fixture.ts', 'react', "a direct import of 'react'"],
    [
      'src/client/data/fixture.repository.ts',
      './use-blobs',
      'reaches React through src/client/data/use-blobs.ts',
    ],
  ])('%s may not import %s', async (file, from, reason) => {
    const messages = await refusals(file, from);
    expect(messages.some((message) => message.includes(reason))).toBe(true);
  });

  it.each([
    ['src/client/features/processes/fixture.tsx', './stage-stepper'],
    ['src/client/features/processes/fixture.tsx', '../../ui/format'],
    ['src/client/features/processes/fixture.tsx', '../../widgets/maps/map-view'],
    ['src/client/features/processes/fixture.tsx', '../../data/current-db'],
    ['src/client/app/fixture.tsx', '../features/processes/process-page'],
    ['src/client/widgets/fixture.tsx', '../data/current-db'],
    ['src/client/widgets/fixture.tsx', '../ui/format'],
    ['src/client/sync/fixture.ts', '../data/db'],
    ['src/client/sync/fixture.ts', '../net/api-client'],
    ['src/client/data/fixture.ts', '../net/api-client'],
  ])('%s may import %s', async (file, from) => {
    expect(await refusals(file, from)).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    const [result] = await eslint.lintFiles(['tests/unit/lint/fixtures/cycle-a.ts']);
    expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});
