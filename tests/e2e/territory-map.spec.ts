/**
 * The coordinator's territory, end to end in real Chromium: import the borough's real file on
 * /territory, read the report, see the units on the map, and find the map still drawn after an
 * offline reload (MapLibre's chunk, worker and CSS come from the precache; no tile server).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage, ProcessesPage } from './pages/app.page';

const REAL_FILE = path.resolve('..', 'shared', 'data', 'iztapalapa-unidades-territoriales-2022.geojson');

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

test('a coordinator imports the real territory and the map works offline', async ({
  page,
  context,
  browser,
}) => {
  const app = new AppPage(page);
  await app.signIn('coordinadora');
  await app.waitForOfflineReady();

  await page.getByRole('button', { name: 'Laura Coordinadora' }).click();
  await page.getByRole('link', { name: 'Territorio', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Territorio', level: 1 })).toBeVisible();
  await page.getByLabel('Archivo GeoJSON').setInputFiles(REAL_FILE);
  await page.getByRole('button', { name: 'Importar' }).click();
  const report = page.getByRole('status').filter({ hasText: 'Resultado de la importación' });
  await expect(report).toContainText('295 unidades importadas', { timeout: 60_000 });
  await expect(report).toContainText('Población total: 1,838,464 habitantes');
  await expect(report).toContainText('0 rechazadas');
  const time = await report.getByText(/^Tiempo:/).textContent();
  console.log(`territory import (server, via HTTP): ${time}`);

  // The import triggers a pull: the units arrive on this device and show in the list and on the map.
  await expect(page.getByRole('heading', { name: 'Unidades territoriales (295)' })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Crear las 13 direcciones' }).click();
  await expect(page.getByRole('heading', { name: 'Direcciones territoriales (13)' })).toBeVisible();
  await expect(page.getByTestId('territory-map').locator('canvas')).toBeVisible();
  await app.screenshot('territory-01-import');
  const territoryAxe = await new AxeBuilder({ page }).analyze();
  expect(territoryAxe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  // Home: the borough coloured by stage, the map chunk loaded fresh; time it from navigation.
  const started = Date.now();
  await page.goto('/');
  const canvas = page.getByTestId('territory-map').locator('canvas');
  await expect(canvas).toBeVisible();
  await expect(page.getByTestId('territory-map')).toHaveAttribute('data-state', 'loaded');
  const visibleMs = Date.now() - started;
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => /territory-map-.*\.js$/.test(e.name)),
  );
  const chunk = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => /territory-map-.*\.js$/.test(e.name)) as PerformanceResourceTiming;
    return { ms: Math.round(entry.duration), bytes: entry.transferSize };
  });
  console.log(
    `map: drawn ${visibleMs} ms after navigation; chunk fetch ${chunk.ms} ms (${chunk.bytes} bytes on the wire)`,
  );
  // Other specs share this server and may have created processes: count from what is there.
  const coverage = page.getByText(/\d+ de 295 unidades tienen un proceso\./);
  await expect(coverage).toBeVisible();
  const coveredBefore = Number(/(\d+) de 295/.exec((await coverage.textContent()) ?? '')![1]);
  const legend = page.getByRole('list', { name: 'Leyenda de etapas' });
  const stageOneBefore = Number(
    /1\. Convocatoria y asamblea comunitaria: (\d+)/.exec((await legend.textContent()) ?? '')?.[1] ?? 0,
  );
  await app.screenshot('territory-02-home-map');

  // A process on unit 07-150 (no other spec uses it): its page shows the unit on a map, and home counts it at stage 1.
  await new ProcessesPage(page).create(`Proceso ${Date.now()}`, '07-150');
  await expect(page.getByRole('heading', { name: 'Mapa del proceso' })).toBeVisible();
  await expect(page.getByTestId('territory-map')).toHaveAttribute('data-state', 'loaded');
  await page.goto('/');
  await expect(page.getByText(`${coveredBefore + 1} de 295 unidades tienen un proceso.`)).toBeVisible();
  await expect(legend).toContainText(`1. Convocatoria y asamblea comunitaria: ${stageOneBefore + 1}`);
  await app.expectNothingPending();
  const homeAxe = await new AxeBuilder({ page }).analyze();
  expect(homeAxe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  // Offline: reload comes entirely from the precache, and the map still draws.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Procesos' })).toBeVisible();
  await expect(page.getByTestId('territory-map').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('territory-map')).toHaveAttribute('data-state', 'loaded');
  await expect(page.getByText('El mapa no se puede mostrar')).toHaveCount(0);
  await app.screenshot('territory-03-offline-map');
  await context.setOffline(false);

  // A first visit on a fresh device with no service worker: the map chunk comes over the network.
  const fresh = await browser.newContext({ serviceWorkers: 'block' });
  const second = await fresh.newPage();
  await new AppPage(second).signIn('coordinadora');
  await expect(second.getByText(`${coveredBefore + 1} de 295 unidades tienen un proceso.`)).toBeVisible({
    timeout: 60_000,
  });
  await expect(second.getByTestId('territory-map')).toHaveAttribute('data-state', 'loaded');
  const network = await second.evaluate(() => {
    const byName = (re: RegExp) =>
      performance.getEntriesByType('resource').find((e) => re.test(e.name)) as PerformanceResourceTiming;
    const chunk = byName(/territory-map-.*\.js$/);
    return {
      chunkMs: Math.round(chunk.responseEnd - chunk.startTime),
      chunkBytes: chunk.encodedBodySize,
    };
  });
  console.log(`map over the network (loopback): ${JSON.stringify(network)}`);
  await fresh.close();
});
