/**
 * A freshly signed-in tablet in real Chromium: before and during its first download it says it
 * has never synced and shows the download's progress (records received of the server's
 * estimate) — in the header and in place of "no processes" — and never "Al día" until the
 * download has completed. The network is slowed (small pages, each answered after a pause) so
 * the download takes long enough to be seen; every state the header showed is recorded.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage, ProcessDetailPage, ProcessesPage } from './pages/app.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

/** How many pulls are slowed (each 1.2 s): enough for every state of the first download to show. */
const SLOW_PULLS = 12;

interface Recorded {
  header: string[];
  saidNoProcesses: boolean;
}

test('a new device shows that it never synced and its first download, never "Al día" before it ends', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const processName = `Proceso La Polvorilla ${Date.now()}`;

  // Office: the coordinator puts Rosa on a process's team, so Rosa's tablet has something to download.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new ProcessesPage(office).create(processName, '07-105');
  await new ProcessDetailPage(office).assignTeam(['Rosa Martínez']);
  await officeApp.expectNothingPending();

  // Rosa's new tablet: pulls come two records at a time; the first ones each after a pause, long
  // enough to see the download's states, the rest at once — the server holds whatever earlier specs
  // left, so a pause on every page would make the wait grow with the suite.
  const context = await browser.newContext();
  const pulls: string[] = [];
  await context.route('**/api/v1/sync/pull**', async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('limit', '2');
    pulls.push(url.search);
    if (pulls.length <= SLOW_PULLS) await new Promise((resolve) => setTimeout(resolve, 1_200));
    await route.continue({ url: url.toString() });
  });
  // Every text the header's sync state shows, and whether the list ever claimed "no processes".
  await context.addInitScript(() => {
    const recorded = { header: [] as string[], saidNoProcesses: false };
    (window as unknown as { __recorded: Recorded }).__recorded = recorded;
    new MutationObserver(() => {
      const text = document.querySelector('header [role="status"]')?.textContent?.trim() ?? '';
      if (text && recorded.header.at(-1) !== text) recorded.header.push(text);
      if (document.querySelector('main')?.textContent?.includes('Todavía no hay procesos'))
        recorded.saidNoProcesses = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const tablet = await context.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');

  // While it downloads: never synced, the progress in the header and in the list.
  await expect(app.syncIndicator).toContainText('Nunca sincronizado');
  const listProgress = tablet.getByText(
    /^Descargando… \d+ de ~\d+ registros( · faltan? ~\d+ (segundos?|minutos?))?$/,
  );
  await expect(listProgress).toBeVisible();
  await expect(app.syncIndicator).toContainText('Primera descarga…');
  await expect(app.syncIndicator).toContainText(/\d+ de ~\d+ registros/);
  await expect(app.syncIndicator).not.toContainText('Al día');
  await app.screenshot('first-sync-01-downloading');

  // Then the process arrives and, only now, "Al día".
  await expect(tablet.getByRole('link', { name: new RegExp(processName) })).toBeVisible({ timeout: 60_000 });
  await app.expectNothingPending();
  await expect(app.syncIndicator).not.toContainText('Nunca sincronizado');
  await app.screenshot('first-sync-02-done');

  const recorded = await tablet.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);
  const firstUpToDate = recorded.header.findIndex((text) => text.includes('Al día'));
  const lastDownloading = recorded.header.findLastIndex((text) => text.includes('Primera descarga'));
  expect(lastDownloading).toBeGreaterThanOrEqual(0);
  expect(firstUpToDate).toBeGreaterThan(lastDownloading);
  expect(
    recorded.header.filter((text) => text.includes('Al día') && text.includes('Nunca sincronizado')),
  ).toEqual([]);
  expect(recorded.saidNoProcesses).toBe(false);
  // Progress only grows, and never passes its estimate.
  const progress = recorded.header
    .map((text) => /(\d+) de ~(\d+) registros/.exec(text))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as const);
  expect(progress.length).toBeGreaterThan(1);
  // And about how long is left, at the pace so far (each page here takes over a second).
  expect(recorded.header.some((text) => /faltan? ~\d+ (segundos?|minutos?)/.test(text))).toBe(true);
  for (let i = 0; i < progress.length; i++) {
    expect(progress[i]![0]).toBeLessThanOrEqual(progress[i]![1]);
    if (i > 0) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  }
  // The tablet asked for the estimate during its first download only.
  expect(pulls.length).toBeGreaterThan(2);
  expect(pulls[0]).toContain('estimate=1');

  await context.close();
  await officeContext.close();
});
