/**
 * A tour recorded offline with simulated GPS in real Chromium: Rosa starts the tour, walks, the
 * page reloads in the middle (the screen says tracking was interrupted and goes on in the same
 * tour), walks on and finishes; the distance shown is the distance walked. Once her tablet has
 * synced, the coordinator opens the same tour and sees the same distance.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage, ProcessDetailPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { TourScreen } from './pages/tours.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

/** The same haversine the app uses (src/domain/track.ts). */
function haversine(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

test('a tour tracked offline survives a reload and reaches the coordinator', async ({ browser }) => {
  const processName = `Proceso Recorrido ${Date.now()}`;
  // A walk through San Lorenzo Tezonco, ~35–45 m between fixes.
  const walk = [
    { latitude: 19.3076, longitude: -99.0695 },
    { latitude: 19.3079, longitude: -99.0693 },
    { latitude: 19.3082, longitude: -99.0691 },
    { latitude: 19.3085, longitude: -99.069 },
    { latitude: 19.3088, longitude: -99.0688 },
    { latitude: 19.3091, longitude: -99.0686 },
    { latitude: 19.3093, longitude: -99.0683 },
    { latitude: 19.3095, longitude: -99.068 },
  ];
  const walked = walk.slice(1).reduce((sum, p, i) => sum + haversine(walk[i]!, p), 0);
  const shown = `${Math.round(walked)} m`;

  // Office, online: the coordinator creates the process and puts Rosa on its team.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new ProcessesPage(office).create(processName, '07-102');
  await new ProcessDetailPage(office).assignTeam(['Rosa Martínez']);
  await officeApp.expectNothingPending();

  // Tablet with GPS allowed: Rosa signs in, receives the process and goes offline.
  const tabletContext = await browser.newContext({
    permissions: ['geolocation'],
    geolocation: { ...walk[0]!, accuracy: 6 },
  });
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  await expect(tablet.getByRole('link', { name: new RegExp(processName) })).toBeVisible({ timeout: 30_000 });
  await tabletContext.setOffline(true);

  await new ProcessesPage(tablet).open(processName);
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(tablet);
  await form.fillBasics({
    type: 'Recorrido territorial',
    title: 'Recorrido por Tezonco',
    date: '2026-11-20',
    place: 'Salida del mercado',
  });
  await form.save();
  await tablet.getByRole('link', { name: /Recorrido por Tezonco/ }).click();
  await tablet.getByRole('link', { name: 'Abrir recorrido' }).click();
  await expect(
    tablet.getByRole('heading', { level: 1, name: 'Recorrido: Recorrido por Tezonco' }),
  ).toBeVisible();

  // Start: the first fix is where she stands.
  const tour = new TourScreen(tablet);
  await tour.button('Iniciar recorrido').click();
  await expect(tour.status).toContainText('Grabando el recorrido.');
  await expect.poll(() => tour.pointCount(), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(tour.status).toContainText('Precisión: ±6 m');
  for (const position of walk.slice(1, 4)) await tour.moveTo(tabletContext, position);

  // The page reloads mid-walk (offline): the tour says it was interrupted and goes on.
  const beforeReload = await tour.pointCount();
  await tablet.reload();
  await expect(tour.status).toContainText('El seguimiento se había interrumpido; el recorrido continúa.');
  await expect(tour.status).toContainText('Grabando el recorrido.');
  await expect(tablet.getByRole('heading', { name: 'Interrupciones' })).toBeVisible();
  await expect(tablet.getByText(/^Seguimiento interrumpido de \d\d:\d\d a \d\d:\d\d$/)).toBeVisible();
  await expect.poll(() => tour.pointCount()).toBeGreaterThanOrEqual(beforeReload);
  await app.screenshot('tour-01-after-reload');

  for (const position of walk.slice(4)) await tour.moveTo(tabletContext, position);
  await tour.button('Terminar').click();
  await expect(tour.status).toContainText('Recorrido terminado.');
  await expect(tour.distance).toHaveText(shown);
  await app.screenshot('tour-02-finished');

  // Online again: it syncs by itself.
  await tabletContext.setOffline(false);
  await app.expectNothingPending();

  // The coordinator opens the same tour and sees the same distance.
  await expect(async () => {
    await office.goto('/');
    await new ProcessesPage(office).open(processName);
    await office.getByRole('link', { name: /Recorrido por Tezonco/ }).click({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await office.getByRole('link', { name: 'Abrir recorrido' }).click();
  const officeTour = new TourScreen(office);
  await expect(async () => {
    await expect(officeTour.distance).toHaveText(shown, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await officeApp.screenshot('tour-03-coordinator');

  await tabletContext.close();
  await officeContext.close();
});
