/**
 * Offline cold start: the built PWA, signed in and controlled by its service
 * worker, reloaded with the network gone and the CPU throttled 4× (CDP
 * Emulation.setCPUThrottlingRate, a mid-range tablet). Measured inside the
 * page from navigation start to the processes list rendered and interactive:
 * the "Procesos" heading and a process link in the DOM, a frame painted and
 * the main thread free for a task after it. Median of several reloads.
 *
 *   npx vite build && node --import tsx bench/cold-start.ts [runs=7]
 *
 * (BENCH_DIST: the built PWA, default dist; BENCH_PORT: the server's port.)
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPwa, launchChromium, median, NAME_SHIM } from './lib/browser';
import { generateRecords, asMutations } from './lib/records';
import { startTequio } from './lib/tequio-app';

export interface ColdStartOptions {
  runs?: number;
  cpuThrottling?: number;
  port?: number;
  /** The built PWA (default dist). */
  dist?: string;
  log?: (line: string) => void;
}

export interface ColdStartResult {
  runs: number;
  cpuThrottling: number;
  /** Navigation start → processes list interactive (ms), each reload. */
  samples: number[];
  median: number;
  min: number;
  max: number;
  /** Navigation start → DOMContentLoaded (median, ms). */
  domContentLoaded: number;
  /** Every reload was answered by the service worker (no network). */
  servedByServiceWorker: boolean;
}

/** Runs in the page before its own scripts: notes when the processes list is usable. */
const PROBE = `
(() => {
  const done = () => {
    requestAnimationFrame(() => setTimeout(() => { window.__coldStartMs = performance.now(); }, 0));
  };
  const ready = () =>
    [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === 'Procesos') &&
    document.querySelector('a[href^="/processes/"]:not([href="/processes/new"])');
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    done();
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

export async function run(options: ColdStartOptions = {}): Promise<ColdStartResult> {
  const runs = options.runs ?? 7;
  const rate = options.cpuThrottling ?? 4;
  const log = options.log ?? ((line: string) => console.log(line));
  const dist = buildPwa(options.dist ?? 'dist');
  const app = await startTequio({ port: options.port ?? 4385, staticDir: dist });
  const browser = await launchChromium();
  try {
    // A few processes on the server, so the list the device shows is not empty.
    const seeder = await app.login('Tableta de carga');
    const processes = generateRecords(3750).filter((r) => r.entity === 'process');
    await seeder.api.push({ clientId: randomUUID(), serverEpoch: null, mutations: asMutations(processes) });

    const context = await browser.newContext({
      locale: 'es-MX',
      timezoneId: 'America/Mexico_City',
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'allow',
    });
    await context.addInitScript(NAME_SHIM);
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    await page.goto(`${app.base}/`);
    await page.getByLabel('Usuario').fill(app.username);
    await page.getByLabel('Contraseña').fill(app.password);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Procesos' }).waitFor();
    await page.locator('a[href^="/processes/"]:not([href="/processes/new"])').first().waitFor();
    // The service worker installed, its precache complete and this page under its control.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
      await page.reload();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
    }

    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const samples: number[] = [];
    const dcl: number[] = [];
    let servedByServiceWorker = true;
    for (let i = 0; i < runs + 1; i++) {
      await page.reload({ waitUntil: 'commit' });
      await page.waitForFunction(
        () => (window as { __coldStartMs?: number }).__coldStartMs !== undefined,
        null,
        {
          timeout: 60_000,
        },
      );
      const m = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          ms: (window as { __coldStartMs?: number }).__coldStartMs!,
          dcl: nav?.domContentLoadedEventEnd ?? 0,
          controlled: Boolean(navigator.serviceWorker.controller),
          workerStart: nav?.workerStart ?? 0,
        };
      });
      servedByServiceWorker &&= m.controlled && m.workerStart > 0;
      if (i === 0) continue; // the first offline load warms the browser's own caches
      samples.push(m.ms);
      dcl.push(m.dcl);
      log(`cold start: run ${i}/${runs}: ${m.ms.toFixed(0)} ms`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
    return {
      runs,
      cpuThrottling: rate,
      samples,
      median: median(samples),
      min: Math.min(...samples),
      max: Math.max(...samples),
      domContentLoaded: median(dcl),
      servedByServiceWorker,
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({
    runs: Number(process.argv[2] ?? 7),
    dist: process.env.BENCH_DIST ?? 'dist',
    port: Number(process.env.BENCH_PORT ?? 4385),
  });
  console.table({ ...result, samples: result.samples.map((s) => s.toFixed(0)).join(', ') });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/cold-start.json', JSON.stringify(result, null, 2));
}
