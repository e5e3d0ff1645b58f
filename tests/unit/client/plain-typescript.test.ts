/**
 * The sync engine, the data repositories, the HTTP clients and the GPS
 * recorder are plain TypeScript: nothing they import, directly or through the
 * modules they import, may bring in React (only the `use-*.ts` files do).
 * Lint holds the direct imports; this follows the whole import graph.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const REACT =
  /^(react|react-dom|dexie-react-hooks|react-i18next|react-router|zustand\/react)(\/|$)|^zustand$/;

/** Runtime imports and re-exports of a module (`import type` / `export type` are erased). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) if (!match[1]) specifiers.push(match[2]!);
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = join(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate)) return candidate;
  return null;
}

/** Every package a module reaches, with the chain of modules that leads to it. */
function reachedPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const here = [...chain, relative(ROOT, file)];
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, here);
        continue;
      }
      const next = resolveLocal(file, specifier);
      if (next) visit(next, here);
    }
  };
  visit(entry, []);
  return packages;
}

const CLIENT = join(ROOT, 'src/client');
const filesIn = (folder: string, pattern: RegExp) =>
  readdirSync(join(CLIENT, folder))
    .filter((f) => pattern.test(f))
    .map((f) => `${folder}/${f}`);

const PLAIN = [
  ...filesIn('sync', /\.ts$/),
  ...filesIn('data', /\.repository\.ts$/),
  ...filesIn('net', /\.ts$/),
  'tracking/track-recorder.ts',
];

describe('plain TypeScript never reaches React', () => {
  it.each(PLAIN)('%s', (file) => {
    const reached = reachedPackages(join(CLIENT, file));
    const react = [...reached].filter(([pkg]) => REACT.test(pkg)).map(([pkg, chain]) => ({ pkg, chain }));
    expect(react).toEqual([]);
  });

  it('follows the imports into the data layer, where it would see a hook', () => {
    expect(PLAIN).toContain('sync/local-store.ts');
    expect(PLAIN).toContain('data/sessions.repository.ts');
    expect(reachedPackages(join(CLIENT, 'sync/sync-engine.ts')).has('dexie')).toBe(true);
    expect(reachedPackages(join(CLIENT, 'data/use-sessions.ts')).has('dexie-react-hooks')).toBe(true);
  });
});
