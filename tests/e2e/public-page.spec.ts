/**
 * The public page per neighbourhood (ADR 0008): the coordinator publishes a process from its page
 * (after a confirmation that says what becomes public) and prints its QR poster; a phone with no
 * account opens the page and sees the project's status, its progress bar and the chosen photo —
 * and nothing unpublished; once unpublished, the page is gone. axe finds nothing on the page
 * or the poster.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, ProcessesPage } from './pages/app.page';
import { cameraPhoto } from './support/photos';
import { seedPublicProcess } from './support/public-page-seed';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  await page.screenshot({ path: `test-results/screens/a11y-${screen}.png`, fullPage: true });
}

test('a published process has a public page with no login, and it is gone once unpublished', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const app = new AppPage(office);
  await app.signIn('coordinadora');
  const shown = await cameraPhoto(office, 'Árboles', ['#2d6a4f', '#95d5b2']);
  const hidden = await cameraPhoto(office, 'Interna', ['#6a040f', '#f48c06']);
  const seeded = await seedPublicProcess(office.request, Date.now(), { shown, hidden });
  const url = `/publico/${seeded.processId}`;

  // A resident's phone: no account, nothing published yet.
  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await phoneContext.newPage();
  expect((await phone.goto(url))!.status()).toBe(404);
  await expect(phone.getByRole('heading', { name: 'Esta página no está publicada' })).toBeVisible();

  // The coordinator publishes from the process page, after reading what becomes public.
  await office.reload();
  await new ProcessesPage(office).open(seeded.name);
  const section = office.getByRole('region', { name: 'Página pública' });
  await expect(section).toContainText('No publicada');
  await section.getByRole('button', { name: 'Publicar la página' }).click();
  const dialog = office.getByRole('dialog', { name: new RegExp(`Publicar la página de «${seeded.name}»`) });
  await expect(dialog).toContainText('Nunca se muestran nombres de personas');
  await dialog.getByRole('button', { name: 'Publicar', exact: true }).click();
  await expect(section).toContainText('Publicada desde');
  await expect(
    section.getByRole('link', { name: new RegExp(`/publico/${seeded.processId}$`) }),
  ).toBeVisible();
  await app.expectNothingPending();

  // Its poster: a large QR code of the address, the name and the address written out.
  await section.getByRole('link', { name: 'Cartel con código QR' }).click();
  await expect(office.getByRole('heading', { name: new RegExp(seeded.name) })).toBeVisible();
  await expect(
    office.getByRole('img', { name: /Código QR con la dirección de la página pública/ }),
  ).toBeVisible();
  const shortAddress = `/p/${seeded.processId.slice(-8)}`;
  await expect(office.getByText(shortAddress, { exact: false })).toBeVisible();
  await expectNoViolations(office, 'public-poster');
  await office.emulateMedia({ media: 'print' });
  await expect(office.getByRole('button', { name: 'Imprimir cartel' })).toBeHidden();
  await app.screenshot('public-poster-print');
  await office.emulateMedia({ media: 'screen' });

  // The phone, still with no account, types the poster's short address and sees the page:
  // status, progress, the chosen photo only.
  const response = await phone.goto(shortAddress);
  expect(response!.status()).toBe(200);
  expect(phone.url()).toContain(url);
  await expect(phone.getByRole('heading', { level: 1, name: seeded.name })).toBeVisible();
  await expect(phone.getByRole('heading', { name: seeded.publicProject })).toBeVisible();
  await expect(phone.getByText('En ejecución')).toBeVisible();
  const bar = phone.getByRole('progressbar', { name: new RegExp(`Avance de 1 ${seeded.publicProject}`) });
  await expect(bar).toHaveAttribute('aria-valuenow', '45');
  await expect(phone.getByText(seeded.publicUpdate)).toBeVisible();
  const photo = phone.getByRole('img', { name: /Foto 1 del avance/ });
  await photo.scrollIntoViewIfNeeded();
  await expect
    .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(3000);
  const html = await phone.content();
  for (const secret of [
    seeded.hiddenProject,
    seeded.privateUpdate,
    seeded.privatePhoto,
    'Laura Coordinadora',
  ]) {
    expect(html, secret).not.toContain(secret);
  }
  await expectNoViolations(phone, 'public-page');

  // The coordinator's own device (its service worker installed) also opens the server's page.
  await app.waitForOfflineReady();
  await office.goto(url);
  await expect(office.getByRole('heading', { level: 1, name: seeded.name })).toBeVisible();

  // Unpublished: gone at once for the phone, photo included.
  await office.goto(`/processes/${seeded.processId}`);
  await section.getByRole('button', { name: 'Dejar de publicar' }).click();
  await office.getByRole('dialog').getByRole('button', { name: 'Dejar de publicar' }).click();
  await expect(section).toContainText('No publicada');
  await app.expectNothingPending();
  expect((await phone.reload())!.status()).toBe(404);
  await expect(phone.getByRole('heading', { name: 'Esta página no está publicada' })).toBeVisible();
  const gone = await phone.request.get(`${url}/fotos/${seeded.publicPhoto}`);
  expect(gone.status()).toBe(404);

  await phoneContext.close();
  await officeContext.close();
});
