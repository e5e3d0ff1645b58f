/** Chromium for the benchmarks: the system browser, with the end-to-end suite's flags. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** tsx names helper functions inside page.evaluate with a `__name` call the page lacks. */
export const NAME_SHIM = { content: 'window.__name = (f) => f;' };

/** Builds the benchmark page (bench/browser) into bench/results/web unless it is there already. */
export function buildHarness(force = false): string {
  const dir = 'bench/results/web';
  if (force || !existsSync(`${dir}/index.html`)) {
    execFileSync('npx', ['vite', 'build', '--config', 'bench/browser/vite.config.ts'], { stdio: 'inherit' });
  }
  return dir;
}

/** Builds the PWA into `outDir` unless it is there already. */
export function buildPwa(outDir: string, force = false): string {
  if (force || !existsSync(`${outDir}/index.html`)) {
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
  }
  return outDir;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
