/** Shared bench helpers: argument parsing, percentiles, the printed table and bench/results/<name>.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === `file://${path.resolve(process.argv[1])}`;
}

/** `--name value` or `--name=value` from argv. */
export function argValue(name: string, argv = process.argv.slice(2)): string | undefined {
  const index = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return undefined;
  const arg = argv[index]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One decimal. */
export function round1(value: number): number;
export function round1(value: number | null): number | null;
export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** Where and when the figures were taken (they mean little without the machine). */
export function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    totalMemMiB: Math.round(os.totalmem() / 1048576),
    takenAt: new Date().toISOString(),
  };
}

export function writeResult(name: string, result: Record<string, unknown>): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
