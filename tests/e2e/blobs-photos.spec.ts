/**
 * Photos in real Chromium: a photo taken on the tablet is downscaled on the device with the
 * canvas API, kept in IndexedDB until the server confirms it, uploaded by the sync engine, and
 * shown on another device that may read the session.
 */
import { expect, test } from '@playwright/test';
import { AppPage, PhotosFieldPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { cameraPhoto, deviceBlobs } from './support/photos';

test('a photo is downscaled on the tablet, uploaded with the session and seen on another device', async ({
  browser,
}) => {
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');
  const processName = `Proceso Fotos ${Date.now()}`;
  await new ProcessesPage(tablet).create(processName, '07-001');
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(tablet);
  await form.fillBasics({
    type: 'Recorrido territorial',
    title: 'Recorrido con fotos',
    date: '2026-11-20',
    place: 'Mercado de la colonia',
  });

  const original = await cameraPhoto(tablet, 'Asamblea', ['#0b6e4f', '#f2c14e']);
  const photos = new PhotosFieldPage(tablet);
  await photos.attach([{ name: 'asamblea.jpg', mimeType: 'image/jpeg', buffer: original }]);
  await expect(photos.thumbnail(1)).toBeVisible();
  // The same photo again is the same copy.
  await photos.attach([{ name: 'otra-vez.jpg', mimeType: 'image/jpeg', buffer: original }]);
  await expect(tablet.getByRole('img', { name: /Foto \d de la sesión/ })).toHaveCount(1);

  const [stored] = await deviceBlobs(tablet);
  expect(stored).toMatchObject({ width: 1600, height: 1067, mime: 'image/jpeg' });
  expect(['pending', 'uploaded']).toContain(stored!.status); // online, the upload may already be done
  expect(stored!.size).toBeLessThan(original.length);
  console.log(
    `photo: 3000×2000 JPEG of ${original.length} bytes stored as 1600×1067 of ${stored!.size} bytes`,
  );

  await form.save();
  await expect(tablet.getByRole('link', { name: /Recorrido con fotos/ })).toBeVisible();
  await app.expectNothingPending();
  await expect.poll(async () => (await deviceBlobs(tablet))[0]?.status, { timeout: 30_000 }).toBe('uploaded');

  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await new AppPage(office).signIn('coordinadora');
  await new ProcessesPage(office).open(processName);
  await office.getByRole('link', { name: /Recorrido con fotos/ }).click();
  const seen = new PhotosFieldPage(office).thumbnail(1);
  await expect(seen).toBeVisible();
  await expect.poll(() => seen.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  await new AppPage(office).screenshot('blobs-photo-other-device');

  await tabletContext.close();
  await officeContext.close();
});
