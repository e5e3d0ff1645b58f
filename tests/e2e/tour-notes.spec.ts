/**
 * Tour notes in real Chromium: on a territorial tour, offline, a promoter takes a note with the
 * tablet's position and a photo from the camera; it is listed at once, syncs when the network
 * returns (the photo's bytes included) and the coordinator opens it, photo and all, on her device.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, ProcessDetailPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { TourNoteFormPage, TourNotesListPage } from './pages/tour-notes.page';
import { cameraPhoto, deviceBlobs } from './support/photos';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

/**
 * Times, inside the page, from the tap on "Guardar nota" to the note's entry appearing in the
 * list (performance.now() on both ends, so Playwright's own round trips are not counted).
 */
async function timeSaveToListed(page: Page, description: string) {
  await page.evaluate((text) => {
    const w = window as unknown as { noteTiming: { tapped?: number; listed?: number } };
    w.noteTiming = {};
    document.addEventListener(
      'click',
      (e) => {
        if ((e.target as Element | null)?.closest('button')?.textContent?.trim() === 'Guardar nota')
          w.noteTiming.tapped ??= performance.now();
      },
      { capture: true },
    );
    const observer = new MutationObserver(() => {
      const links = document.querySelectorAll('a[href^="/notes/"]');
      if ([...links].some((a) => a.textContent?.includes(text))) {
        w.noteTiming.listed ??= performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, description);
  return async () =>
    page.evaluate(() => {
      const { tapped, listed } = (window as unknown as { noteTiming: { tapped: number; listed: number } })
        .noteTiming;
      return listed - tapped;
    });
}

test('a note with a photo taken offline on a tour syncs and the coordinator sees its photo', async ({
  browser,
}) => {
  const processName = `Proceso Notas ${Date.now()}`;
  const description = 'Fuga de agua frente a la primaria';

  // Office, online: the coordinator creates the process and puts Rosa on its team.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new ProcessesPage(office).create(processName, '07-121');
  await new ProcessDetailPage(office).assignTeam(['Rosa Martínez']);
  await officeApp.expectNothingPending();

  // Tablet: Rosa, with the device's position allowed, online and ready to work offline.
  const tabletContext = await browser.newContext({
    permissions: ['geolocation'],
    geolocation: { latitude: 19.357, longitude: -99.054, accuracy: 8 },
  });
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  await expect(tablet.getByRole('link', { name: new RegExp(processName) })).toBeVisible({ timeout: 30_000 });
  await new ProcessesPage(tablet).open(processName);
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const sessionForm = new SessionFormPage(tablet);
  await sessionForm.fillBasics({
    type: 'Recorrido territorial',
    title: 'Recorrido por la calle Ermita',
    date: '2026-11-20',
    place: 'Calle Ermita Iztapalapa',
  });
  await sessionForm.save();
  const sessionLink = tablet.getByRole('link', { name: /Recorrido por la calle Ermita/ });
  await expect(sessionLink).toBeVisible();

  // The network goes; the tour goes on.
  await tabletContext.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  await sessionLink.click();
  await tablet.getByRole('link', { name: 'Abrir recorrido' }).click();
  await tablet.getByRole('link', { name: 'Nueva nota' }).click();

  const form = new TourNoteFormPage(tablet);
  await expect(form.heading).toBeVisible();
  await expect(form.locationStatus).toHaveText('Ubicación: ±8 m');
  await form.fill({ area: 'Agua', description, severity: 'Alta' });
  const original = await cameraPhoto(tablet, 'Fuga de agua', ['#1f78b4', '#a6cee3']);
  await form.attach([{ name: 'fuga.jpg', mimeType: 'image/jpeg', buffer: original }]);
  await expect(form.photo(1)).toBeVisible();
  await app.screenshot('tour-notes-01-form-offline');

  const elapsed = await timeSaveToListed(tablet, description);
  await form.saveButton.click();
  const list = new TourNotesListPage(tablet);
  const listed = list.note(description);
  await expect(listed).toBeVisible();
  await expect(list.region.getByRole('status')).toHaveText('Nota guardada en el dispositivo.');
  await expect(listed).toContainText('Agua');
  await expect(listed).toContainText('Gravedad: alta');
  await expect(listed).toContainText('1 foto');
  await expect(listed).toContainText('19.35700, -99.05400 (±8 m)');
  const saveToListedMs = await elapsed();
  const noteId = (await listed.getAttribute('href'))!.replace('/notes/', '');
  await app.screenshot('tour-notes-02-listed-offline');

  const [stored] = await deviceBlobs(tablet);
  expect(stored).toMatchObject({ width: 1600, status: 'pending' });
  expect(stored!.size).toBeLessThan(original.length);
  console.log(
    `tour note photo: ${original.length}-byte 3000×2000 JPEG stored on the device as ${stored!.size} bytes`,
  );
  console.log(
    `tour note: ${saveToListedMs.toFixed(0)} ms from tapping "Guardar nota" to the note in the list`,
  );

  // Back online: the note and its photo sync by themselves.
  await tabletContext.setOffline(false);
  await app.expectNothingPending();
  await expect.poll(async () => (await deviceBlobs(tablet))[0]?.status, { timeout: 30_000 }).toBe('uploaded');

  // The coordinator's device pulls (on reload) and opens the note with its photo.
  await expect(async () => {
    await office.goto(`/notes/${noteId}`);
    await expect(office.getByRole('heading', { level: 1, name: 'Nota del recorrido' })).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 45_000 });
  await expect(office.getByLabel(/Descripción breve/)).toHaveValue(description);
  await expect(office.getByRole('radio', { name: 'Agua' })).toBeChecked();
  const seen = office.getByRole('img', { name: 'Foto 1 de la nota' });
  await expect(seen).toBeVisible();
  await expect
    .poll(() => seen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(1600);
  await officeApp.screenshot('tour-notes-03-coordinator-sees-photo');

  await tabletContext.close();
  await officeContext.close();
});

test('without the device position, the note is placed by tapping the map', async ({ browser }) => {
  // No geolocation permission: the browser refuses (or never answers) the position.
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.signIn('rosa');
  await new ProcessesPage(page).create(`Proceso Mapa ${Date.now()}`, '07-122');
  await page.getByRole('link', { name: 'Nueva sesión' }).click();
  const sessionForm = new SessionFormPage(page);
  await sessionForm.fillBasics({
    type: 'Recorrido territorial',
    title: 'Recorrido sin GPS',
    date: '2026-11-21',
    place: 'Parque Cuitláhuac',
  });
  await sessionForm.save();
  await page.getByRole('link', { name: /Recorrido sin GPS/ }).click();
  await page.getByRole('link', { name: 'Abrir recorrido' }).click();
  await page.getByRole('link', { name: 'Nueva nota' }).click();

  const form = new TourNoteFormPage(page);
  await expect(form.locationStatus).toContainText('Elige el punto en el mapa', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Elegir en el mapa' }).click();
  const map = page.locator('#note-location-map canvas');
  await expect(map).toBeVisible();
  await map.click();
  await expect(form.locationStatus).toHaveText(/^Ubicación elegida en el mapa: -?\d+\.\d{5}, -?\d+\.\d{5}$/);
  await form.fill({ area: 'Espacio público', description: 'Juegos infantiles rotos', severity: 'Media' });
  await form.saveButton.click();

  const listed = new TourNotesListPage(page).note('Juegos infantiles rotos');
  await expect(listed).toContainText('(elegida en el mapa)');
  await expect(listed).toContainText('0 fotos');
  await context.close();
});
