/**
 * The bundle budget check on small built folders: what counts as initial
 * JavaScript (entry + static imports, not lazy chunks), the size limit, the
 * MapLibre guards and the precache report.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '../../../scripts/check-budget.mjs');

interface Report {
  initialJs: { files: string[]; gzip: number };
  firstScreenJs: { files: string[]; gzip: number };
  maplibreInInitial: { file: string }[];
  precache: { entries: number; bytes: number } | null;
  chunks: { file: string; initial: boolean; raw: number; gzip: number }[];
  ok: boolean;
}

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A built app: entry imports `shared`, lazily imports `map`; `extra` files are merged in. */
async function build(extra: Record<string, string | Buffer> = {}): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), 'tequio-budget-'));
  folders.push(dist);
  const files: Record<string, string | Buffer> = {
    'index.html':
      '<html><head><script type="module" crossorigin src="/assets/index-a.js"></script></head></html>',
    'assets/index-a.js': 'import "./shared-b.js";const l=()=>import("./map-c.js");export{l};',
    'assets/shared-b.js': 'export const s=1;',
    'assets/map-c.js':
      'const css="maplibregl-ctrl";const glsl="#define maplibre: define lowp float opacity";',
    '.vite/manifest.json': JSON.stringify({
      'index.html': {
        file: 'assets/index-a.js',
        src: 'index.html',
        isEntry: true,
        imports: ['_shared-b.js'],
        dynamicImports: ['src/map.tsx'],
      },
      '_shared-b.js': { file: 'assets/shared-b.js' },
      'src/map.tsx': { file: 'assets/map-c.js', src: 'src/map.tsx', isDynamicEntry: true },
    }),
    'sw.js':
      'const m=[{"revision":"1","url":"index.html"},{"revision":null,"url":"assets/index-a.js"},' +
      '{"revision":null,"url":"assets/shared-b.js"},{"revision":null,"url":"assets/map-c.js"}];',
    ...extra,
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dist, name)), { recursive: true });
    await writeFile(join(dist, name), content);
  }
  return dist;
}

async function check(dist: string): Promise<{ code: number; output: string; report: Report }> {
  const out = join(dist, 'budget.json');
  let code = 0;
  let output: string;
  try {
    const result = await run(process.execPath, [SCRIPT, '--dist', dist, '--out', out]);
    output = result.stdout + result.stderr;
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    code = failed.code;
    output = failed.stdout + failed.stderr;
  }
  return { code, output, report: JSON.parse(await readFile(out, 'utf8')) as Report };
}

describe('check-budget', () => {
  it('counts the entry and its static imports as initial, lazy chunks not, and reports the precache', async () => {
    const { code, report, output } = await check(await build());
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.initialJs.files.sort()).toEqual(['assets/index-a.js', 'assets/shared-b.js']);
    expect(report.chunks.find((c) => c.file === 'assets/map-c.js')?.initial).toBe(false);
    expect(report.precache?.entries).toBe(4);
    expect(report.precache?.bytes).toBeGreaterThan(0);
    expect(output).toContain('assets/map-c.js');
    expect(output).toContain('Budget check passed');
  });

  it('reports the first screen: the initial JavaScript plus the sign-in screen and its static imports', async () => {
    const manifest = {
      'index.html': {
        file: 'assets/index-a.js',
        src: 'index.html',
        isEntry: true,
        imports: ['_shared-b.js'],
        dynamicImports: ['src/map.tsx', 'src/client/features/auth/login-page.tsx'],
      },
      '_shared-b.js': { file: 'assets/shared-b.js' },
      '_form-e.js': { file: 'assets/form-e.js' },
      'src/map.tsx': { file: 'assets/map-c.js', src: 'src/map.tsx', isDynamicEntry: true },
      'src/client/features/auth/login-page.tsx': {
        file: 'assets/login-d.js',
        src: 'src/client/features/auth/login-page.tsx',
        isDynamicEntry: true,
        imports: ['_shared-b.js', '_form-e.js'],
      },
    };
    const { code, report } = await check(
      await build({
        '.vite/manifest.json': JSON.stringify(manifest),
        'assets/login-d.js': 'import "./shared-b.js";import "./form-e.js";export const L=1;',
        'assets/form-e.js': 'export const f=1;',
        'sw.js':
          'const m=[{"revision":null,"url":"assets/index-a.js"},{"revision":null,"url":"assets/shared-b.js"},' +
          '{"revision":null,"url":"assets/map-c.js"},{"revision":null,"url":"assets/login-d.js"},' +
          '{"revision":null,"url":"assets/form-e.js"}];',
      }),
    );
    expect(code).toBe(0);
    expect(report.initialJs.files.sort()).toEqual(['assets/index-a.js', 'assets/shared-b.js']);
    expect(report.firstScreenJs.files.sort()).toEqual([
      'assets/form-e.js',
      'assets/index-a.js',
      'assets/login-d.js',
      'assets/shared-b.js',
    ]);
    expect(report.firstScreenJs.gzip).toBeGreaterThan(report.initialJs.gzip);
  });

  it('fails when the initial JavaScript is over 170,000 bytes gzip', async () => {
    // Random base64 hardly compresses: about 180 kB gzip in a chunk the entry imports statically.
    const noise = `export const n="${randomBytes(180_000).toString('base64')}";`;
    const { code, report, output } = await check(await build({ 'assets/shared-b.js': noise }));
    expect(code).toBe(1);
    expect(report.initialJs.gzip).toBeGreaterThan(170_000);
    expect(output).toMatch(/over the budget of 170000 bytes/);
  });

  it('does not count a big lazy chunk', async () => {
    const noise = `export const n="${randomBytes(300_000).toString('base64')}";`;
    const { code } = await check(
      await build({ 'assets/map-c.js': `maplibregl-ctrl maplibre: define ${noise}` }),
    );
    expect(code).toBe(0);
  });

  it('fails when MapLibre code reaches an initial chunk (marker string)', async () => {
    const { code, output } = await check(
      await build({ 'assets/shared-b.js': 'export const c="maplibregl-ctrl-attrib";' }),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/MapLibre code in the initial chunk assets\/shared-b\.js/);
  });

  it('fails when an initial chunk holds maplibre-gl sources in its module graph', async () => {
    const map = JSON.stringify({
      version: 3,
      sources: ['../../node_modules/maplibre-gl/dist/maplibre-gl.js'],
      names: [],
      mappings: 'AAAA',
    });
    const { code, output } = await check(await build({ 'assets/shared-b.js.map': map }));
    expect(code).toBe(1);
    expect(output).toMatch(/maplibre-gl sources in its module graph/);
  });

  it('fails when a JavaScript chunk is missing from the precache', async () => {
    const { code, output } = await check(
      await build({ 'sw.js': 'const m=[{"revision":null,"url":"assets/index-a.js"}];' }),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/not in the precache/);
  });
});
