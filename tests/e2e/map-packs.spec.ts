/**
 * Offline map packs end to end in real Chromium: the coordinator uploads a
 * small PMTiles basemap (generated here) on /map-packs and downloads it to the
 * tablet; offline, after a reload, the process map draws its streets from the
 * device. A second tablet that has not downloaded it draws the plain map
 * offline. No tile ever comes from the network while a map is drawn.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { makeIztapalapaPack } from '../support/make-pmtiles';
import { AppPage, PASSWORD, ProcessesPage } from './pages/app.page';

const REAL_FILE = path.resolve('..', 'shared', 'data', 'iztapalapa-unidades-territoriales-2022.geojson');
const DIST = process.env.E2E_DIST ?? 'dist';
const packDir = mkdtempSync(path.join(tmpdir(), 'tequio-pack-'));
const PACK_FILE = path.join(packDir, 'iztapalapa-prueba.pmtiles');

test.beforeAll(() => {
  mkdirSync('test-results/screens', { recursive: true });
  writeFileSync(PACK_FILE, makeIztapalapaPack());
});
test.afterAll(() => rmSync(packDir, { recursive: true, force: true }));

/** The map on the page, drawn (style and data), with the offline basemap in the given state. */
async function expectMapDrawn(page: Page, basemap: 'loaded' | 'none') {
  const map = page.getByTestId('territory-map');
  await expect(map.locator('canvas')).toBeVisible();
  await expect(map).toHaveAttribute('data-state', 'loaded');
  await expect(map).toHaveAttribute('data-basemap', basemap, { timeout: 30_000 });
  await expect(page.getByText('El mapa no se puede mostrar')).toHaveCount(0);
}

test('a coordinator uploads a map pack, downloads it and the process map uses it offline', async ({
  page,
  context,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  // The units the maps draw (importing the borough again changes nothing).
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'coordinadora', password: PASSWORD, deviceLabel: 'Preparación de la prueba' },
  });
  expect(login.status()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const imported = await request.post('/api/v1/territory/import', {
    headers: { authorization: `Bearer ${token}` },
    data: JSON.parse(readFileSync(REAL_FILE, 'utf8')) as unknown,
    timeout: 120_000,
  });
  expect(imported.status()).toBe(200);

  const app = new AppPage(page);
  await app.signIn('coordinadora');
  await app.waitForOfflineReady();
  const processName = `Proceso Mapa sin conexión ${Date.now()}`;
  await new ProcessesPage(page).create(processName, '07-061');
  await expectMapDrawn(page, 'none');
  const processUrl = page.url();

  // Upload the pack on /map-packs.
  await page.getByRole('link', { name: 'Mapas sin conexión' }).click();
  await expect(page.getByRole('heading', { name: 'Mapas sin conexión', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Cargar mapa' }).click();
  await expect(page.getByText('Elige un archivo .pmtiles.')).toBeVisible();
  await page.getByLabel('Archivo PMTiles').setInputFiles(PACK_FILE);
  await page.getByLabel('Nombre del mapa').fill('Iztapalapa de prueba');
  await page.getByRole('button', { name: 'Cargar mapa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Se cargó «Iztapalapa de prueba»' })).toBeVisible({
    timeout: 30_000,
  });

  // The list arrives with the sync; download it to this tablet.
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Iztapalapa de prueba' }) });
  await expect(item).toBeVisible({ timeout: 30_000 });
  await expect(item).toContainText('No está en este dispositivo');
  await expect(item).toContainText('Acercamiento: 10 a 14');
  await item.getByRole('button', { name: 'Descargar para usar sin conexión' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'quedó guardado en este dispositivo' }),
  ).toBeVisible();
  await expect(item).toContainText('Descargado en este dispositivo');
  await expect(item).toContainText('En uso en los mapas de este dispositivo');
  await app.screenshot('map-packs-01-downloaded');
  await app.expectNothingPending();

  // Offline, after a reload: the map reads the pack from the device and draws its streets.
  await context.setOffline(true);
  const pmtilesRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/map-packs/')) pmtilesRequests.push(r.url());
  });
  const started = Date.now();
  await page.goto(processUrl);
  await expect(page.getByRole('heading', { name: processName })).toBeVisible();
  await expectMapDrawn(page, 'loaded');
  const drawnMs = Date.now() - started;
  await expect
    .poll(async () => Number(await page.getByTestId('territory-map').getAttribute('data-basemap-features')), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  const features = await page.getByTestId('territory-map').getAttribute('data-basemap-features');
  await expect(page.getByText('Calles del mapa sin conexión descargado en este dispositivo.')).toBeVisible();
  expect(pmtilesRequests).toEqual([]);
  const chunk = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => /territory-map-.*\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
    return entry ? { name: entry.name.split('/').pop()!, ms: Math.round(entry.duration) } : null;
  });
  expect(chunk).not.toBeNull();
  const chunkFile = readdirSync(path.join(DIST, 'assets')).find((f) => f === chunk!.name);
  const gzip = chunkFile ? gzipSync(readFileSync(path.join(DIST, 'assets', chunkFile))).length : NaN;
  console.log(
    `offline map with pack: drawn ${drawnMs} ms after navigation, ${features} basemap features rendered; map chunk ${chunk!.name} ${(gzip / 1024).toFixed(1)} KiB gzip, loaded in ${chunk!.ms} ms (precache)`,
  );
  await app.screenshot('map-packs-02-offline-with-pack');

  // Removing it from the device goes back to the plain map (still offline).
  await page.getByRole('link', { name: 'Mapas sin conexión' }).click();
  await item.getByRole('button', { name: 'Quitar de este dispositivo' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Quitar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'se quitó de este dispositivo' })).toBeVisible();
  await expect(item).toContainText('No está en este dispositivo');
  await context.setOffline(false);

  // A second tablet that never downloaded the pack: it lists it, and the map is the plain one offline.
  const other = await browser.newContext();
  const second = await other.newPage();
  const secondApp = new AppPage(second);
  await secondApp.signIn('coordinadora');
  await secondApp.waitForOfflineReady();
  await second.getByRole('link', { name: 'Mapas sin conexión' }).click();
  await expect(
    second
      .getByRole('listitem')
      .filter({ has: second.getByRole('heading', { name: 'Iztapalapa de prueba' }) }),
  ).toContainText('No está en este dispositivo', { timeout: 30_000 });
  await secondApp.expectNothingPending();
  await other.setOffline(true);
  await second.goto(processUrl);
  await expect(second.getByRole('heading', { name: processName })).toBeVisible({ timeout: 30_000 });
  await expectMapDrawn(second, 'none');
  await secondApp.screenshot('map-packs-03-offline-plain');
  await other.close();
});
