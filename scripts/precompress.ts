/**
 * Precompression at build time: a Vite plugin that, after the build (and after
 * vite-plugin-pwa has written the service worker), writes `<file>.br` (brotli,
 * quality 11) and `<file>.gz` (gzip, level 9) next to every text file of the
 * output that compresses, so the server sends them as they are
 * (`@fastify/static` `preCompressed`, with `Content-Encoding` and
 * `Vary: Accept-Encoding`) instead of compressing on every request. Source
 * maps are left alone; a variant that would not be smaller is not written.
 * The precache lists only the original files (its glob does not match `.br`/`.gz`).
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
/** Smaller files fit in one packet anyway. */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Writes the .br and .gz variants of every compressible file under `dir`; returns the totals. */
export async function precompressDir(
  dir: string,
): Promise<{ files: number; raw: number; br: number; gz: number }> {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  for await (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    const content = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipAsync(content, { level: 9 }),
    ]);
    totals.files++;
    totals.raw += content.length;
    totals.br += Math.min(br.length, content.length);
    totals.gz += Math.min(gz.length, content.length);
    if (br.length < content.length) await writeFile(`${file}.br`, br);
    if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
  }
  return totals;
}

export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'tequio:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      // After every other plugin's closeBundle: vite-plugin-pwa writes sw.js there.
      sequential: true,
      order: 'post',
      async handler() {
        if (config.build.ssr) return;
        const outDir = path.resolve(config.root, config.build.outDir);
        const totals = await precompressDir(outDir);
        const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
        config.logger.info(
          `precompressed ${totals.files} files: ${kib(totals.raw)} → brotli ${kib(totals.br)}, gzip ${kib(totals.gz)}`,
        );
      },
    },
  };
}
