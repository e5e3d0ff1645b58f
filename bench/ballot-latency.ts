/**
 * Recording one ballot with many already stored, in real Chromium against the built PWA and the
 * real server (loopback, temporary SQLite): tap on "Emitir voto" → ballot stored in IndexedDB →
 * confirmation painted, measured inside the page with performance.now() (from the click to the
 * first animation frame after the confirmation appears). Also the time to open the live results
 * of a round with the same number of ballots.
 *
 *   npx vite build && node --import tsx bench/ballot-latency.ts [ballots=100000] [samples=40]
 *
 * Scenarios: the stored ballots belong to other rounds (a database after many assemblies), and
 * all of them belong to the round being voted (worst case for the per-round count and tally).
 * Prints a table and writes bench/results/ballot-latency.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const TOTAL = Number(process.argv[2] ?? 100_000);
const SAMPLES = Number(process.argv[3] ?? 40);
const PORT = Number(process.env.BENCH_PORT ?? 4371);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!existsSync('dist/index.html')) throw new Error('Build the PWA first: npx vite build');
const password = `bench-${randomBytes(9).toString('base64url')}`;
const server = spawn(process.execPath, ['tests/e2e/support/e2e-server.mjs'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', E2E_PASSWORD: password, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/v1/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Writes a process, a session, three problems, the round and `ballots` stored ballots straight into IndexedDB. */
async function seed(page: Page, ballots: number, sameRound: boolean) {
  const ids = {
    process: randomUUID(),
    session: randomUUID(),
    round: randomUUID(),
    other: randomUUID(),
    problems: [randomUUID(), randomUUID(), randomUUID()],
  };
  await page.evaluate(
    async ({ ids, ballots, sameRound }) => {
      const hlc = '2026-11-20T17:00:00.000Z-0000-00000000000000aa';
      const stamp = (fields: Record<string, unknown>) =>
        Object.fromEntries(Object.keys(fields).map((k) => [k, hlc]));
      const rec = (id: string, fields: Record<string, unknown>) => ({
        id,
        fields,
        hlcs: stamp(fields),
        deleted: false,
      });
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const r = indexedDB.open('tequio');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const titles = ['Agua', 'Basura', 'Calles'];
      const attendance = {
        counts: Object.fromEntries(
          ['women', 'men', 'nonBinary', 'notStated'].map((g) => [
            g,
            { children: 0, adolescents: 0, youth: 0, adults: g === 'women' ? 30 : 10, olderAdults: 0 },
          ]),
        ),
        indigenous: 0,
        disability: 0,
      };
      const round = (id: string, title: string) =>
        rec(id, {
          processId: ids.process,
          sessionId: ids.session,
          title,
          options: ids.problems.map((problemId, i) => ({ problemId, title: titles[i] })),
          method: 'dots',
          dotsPerPerson: 3,
          allowStacking: true,
          status: 'open',
          openedAt: '2026-11-20T17:00:00.000Z',
        });
      const put = (store: string, values: unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (const v of values) os.put(v);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      await put('processes', [
        rec(ids.process, {
          name: 'Proceso de medición',
          unitKeys: ['07-101'],
          stage: 'self_diagnosis',
          teamUserIds: [],
        }),
      ]);
      await put('sessions', [
        rec(ids.session, {
          processId: ids.process,
          type: 'community_assembly',
          title: 'Asamblea de priorización',
          date: '2026-11-20',
          place: 'Explanada',
          facilitators: ['Rosa Martínez'],
          attendance,
          agreements: [],
        }),
      ]);
      await put(
        'problems',
        ids.problems.map((id, i) => rec(id, { processId: ids.process, title: titles[i], theme: 'water' })),
      );
      await put('rounds', [round(ids.round, 'Votación medida'), round(ids.other, 'Votaciones anteriores')]);
      const target = sameRound ? ids.round : ids.other;
      for (let start = 0; start < ballots; start += 10_000) {
        const batch = [];
        for (let i = start; i < Math.min(ballots, start + 10_000); i++) {
          const a = ids.problems[i % 3]!;
          const b = ids.problems[(i * 7) % 3]!;
          const dots = a === b ? { [a]: 2 } : { [a]: 1, [b]: 1 };
          batch.push(
            rec(crypto.randomUUID(), {
              processId: ids.process,
              roundId: target,
              kind: 'vote',
              castAt: new Date(Date.UTC(2026, 10, 20, 17, 0, 0, i)).toISOString(),
              dots,
            }),
          );
        }
        await put('ballots', batch);
      }
      db.close();
    },
    { ids, ballots, sameRound },
  );
  return ids;
}

/** One ballot: a dot on the first problem (not timed), then "Emitir voto" timed to the painted confirmation. */
async function castTimed(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Poner un punto en Agua', exact: true }).click();
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === 'Emitir voto',
        )!;
        const seen = () => document.body.textContent?.includes('Voto registrado (n.º');
        const observer = new MutationObserver(() => {
          if (!seen()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        const t0 = performance.now();
        button.click();
      }),
  );
  await page.getByRole('button', { name: 'Siguiente voto' }).click();
  return ms;
}

async function scenario(page: Page, ballots: number, sameRound: boolean) {
  const ids = await seed(page, ballots, sameRound);
  await page.goto(`${BASE}/rounds/${ids.round}`);
  await page.getByRole('tab', { name: 'Pasar la tableta' }).click();
  await page.getByRole('button', { name: 'Poner un punto en Agua', exact: true }).waitFor();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + 3; i++) {
    const ms = await castTimed(page);
    if (i >= 3) times.push(ms); // the first ballots warm up the code paths
  }
  // Live results of the same round: tab tap → ranking painted.
  const resultsMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const tab = [...document.querySelectorAll('[role="tab"]')].find((b) =>
          b.textContent?.includes('Resultados'),
        )!;
        const observer = new MutationObserver(() => {
          if (!document.querySelector('table')) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const t0 = performance.now();
        (tab as HTMLElement).click();
      }),
  );
  return {
    storedBallots: ballots,
    inVotedRound: sameRound ? ballots : 0,
    samples: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    resultsMs,
  };
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const results = [];
  for (const [ballots, sameRound] of [
    [0, false],
    [TOTAL, false],
    [TOTAL, true],
  ] as const) {
    const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1280, height: 800 } });
    // tsx names the helper functions inside page.evaluate with a `__name` call the page lacks.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(BASE);
    await page.getByLabel('Usuario').fill('rosa');
    await page.getByLabel('Contraseña').fill(password);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Procesos' }).waitFor();
    results.push(await scenario(page, ballots, sameRound));
    await context.close();
  }
  await browser.close();
  console.log('\nRecording one ballot (tap → stored → confirmation painted), Chromium, ms');
  console.table(
    results.map((r) => ({
      'ballots stored': r.storedBallots,
      'in this round': r.inVotedRound,
      samples: r.samples,
      p50: r.p50.toFixed(1),
      p95: r.p95.toFixed(1),
      max: r.max.toFixed(1),
      'results tab (ms)': r.resultsMs.toFixed(0),
    })),
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/ballot-latency.json',
    JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
  );
} finally {
  server.kill('SIGTERM');
}
