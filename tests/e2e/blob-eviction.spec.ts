/**
 * Photo eviction in real Chromium: a photo the server confirmed a while ago is freed from the
 * tablet at start-up when storage is under pressure (the browser's storage estimate is stubbed
 * to 95 % used; a real disk cannot be filled here), counted on /sync, shown offline as a
 * placeholder that says the server keeps it, and downloaded again as soon as the tablet is online.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage, PhotosFieldPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { ageDevicePhotos, cameraPhoto, deviceBlobs, evictedDeviceBlobs } from './support/photos';

const ESTIMATE_KEY = 'e2e:storage-estimate';
const ON_SERVER = 'Foto guardada en el servidor; se verá al recuperar la conexión';

test('a photo freed under storage pressure is a placeholder offline and shows again online', async ({
  browser,
}) => {
  const context = await browser.newContext();
  // How full the device is, as navigator.storage.estimate() reports it: the real figure unless the test says.
  await context.addInitScript((key) => {
    const real = StorageManager.prototype.estimate;
    StorageManager.prototype.estimate = async function estimate(this: StorageManager) {
      const stub = localStorage.getItem(key);
      return stub ? (JSON.parse(stub) as StorageEstimate) : real.call(this);
    };
  }, ESTIMATE_KEY);
  const tablet = await context.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');
  await app.waitForOfflineReady();

  // A session held a month ago, with a photo, synced.
  const processName = `Proceso Liberar ${Date.now()}`;
  await new ProcessesPage(tablet).create(processName, '07-001');
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(tablet);
  await form.fillBasics({
    type: 'Asamblea comunitaria',
    title: 'Asamblea del mes pasado',
    date: new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
    place: 'Explanada',
  });
  const photos = new PhotosFieldPage(tablet);
  await photos.attach([
    {
      name: 'asamblea.jpg',
      mimeType: 'image/jpeg',
      buffer: await cameraPhoto(tablet, 'Asamblea', ['#0b6e4f', '#f2c14e']),
    },
  ]);
  await expect(photos.thumbnail(1)).toBeVisible();
  await form.save();
  await expect(tablet.getByRole('link', { name: /Asamblea del mes pasado/ })).toBeVisible();
  await app.expectNothingPending();
  await expect.poll(async () => (await deviceBlobs(tablet))[0]?.status, { timeout: 30_000 }).toBe('uploaded');
  const [photo] = await deviceBlobs(tablet);

  // Ten days later the device is nearly full: the app starts and frees the confirmed photo.
  await tablet.goto('/sync');
  await tablet.evaluate(([key, value]) => localStorage.setItem(key, value), [
    ESTIMATE_KEY,
    JSON.stringify({ usage: 950_000_000, quota: 1_000_000_000 }),
  ] as const);
  await ageDevicePhotos(tablet, 10);
  await tablet.reload();
  await expect.poll(() => evictedDeviceBlobs(tablet), { timeout: 15_000 }).toEqual([photo!.sha256]);
  expect(await deviceBlobs(tablet)).toEqual([]);
  await expect(tablet.getByText(/^1 foto liberada \(.+\); se descarga al verla$/)).toBeVisible();
  await app.screenshot('eviction-sync-page');

  // Offline: the session's photo is a placeholder that says where it is.
  await context.setOffline(true);
  await tablet.goto('/'); // from the precache
  await new ProcessesPage(tablet).open(processName);
  await tablet.getByRole('link', { name: /Asamblea del mes pasado/ }).click();
  const thumbnail = photos.thumbnail(1);
  await expect(thumbnail).toHaveAccessibleDescription(ON_SERVER);
  await expect(thumbnail).toHaveText(ON_SERVER);
  const axe = await new AxeBuilder({ page: tablet }).include('.photo-grid').analyze();
  expect(axe.violations).toEqual([]);
  await app.screenshot('eviction-offline-placeholder');

  // Online again: downloaded with the device token, shown, and kept for the next time offline.
  await context.setOffline(false);
  await expect(thumbnail).toHaveJSProperty('tagName', 'IMG');
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  await expect.poll(async () => (await deviceBlobs(tablet)).map((b) => b.status)).toEqual(['uploaded']);
  expect(await evictedDeviceBlobs(tablet)).toEqual([]);

  await context.close();
});
