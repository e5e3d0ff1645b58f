/**
 * What saving looks like in real Chromium: a session saved offline is confirmed as saved on this
 * device, with a link to it; deleting sits at the end of the page, away from saving, and asks
 * first; on a phone the save button stays on screen, in one compact bar that never covers the
 * field being filled in.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage, ProcessesPage, SessionFormPage } from './pages/app.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

/** How far the bottom of `inner` reaches below the top of `cover` on screen (≤ 0: nothing of it is under). */
async function overlap(inner: Locator, cover: Locator): Promise<number> {
  const a = await inner.boundingBox();
  const b = await cover.boundingBox();
  if (!a || !b) return Number.POSITIVE_INFINITY;
  return a.y + a.height - b.y;
}

async function expectAbove(inner: Locator, cover: Locator) {
  await expect.poll(() => overlap(inner, cover)).toBeLessThanOrEqual(1);
}

/**
 * Focuses `field` the way moving on through a form reaches it: it starts just inside the bottom
 * of the screen, behind the save bar, where the browser would leave it if nothing kept room.
 */
async function focusFromUnderTheBar(field: Locator) {
  await field.evaluate((el) => {
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top - window.innerHeight + 24, behavior: 'instant' });
  });
  await field.focus();
  await expect(field).toBeFocused();
}

async function newSessionForm(page: Page) {
  await page.getByRole('link', { name: 'Nueva sesión' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva sesión' })).toBeVisible();
  return new SessionFormPage(page);
}

test('a session saved offline is confirmed with a link to it; delete is apart and asks first', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const tablet = await context.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  const processName = `Proceso Confirmación ${Date.now()}`;
  await new ProcessesPage(tablet).create(processName, '07-210');
  await expect(
    tablet.getByRole('status').filter({ hasText: 'Proceso guardado en este dispositivo.' }),
  ).toBeVisible();
  await app.expectNothingPending();

  // Offline: a new session, saved on the device.
  await context.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  const form = await newSessionForm(tablet);
  await form.fillBasics({
    type: 'Asamblea comunitaria',
    title: 'Asamblea de confirmación',
    date: '2026-11-20',
    place: 'Plaza cívica',
  });
  await form.save();

  // Back on the process page: the confirmation is on screen, announced, with its offline truth.
  await expect(tablet.getByRole('heading', { level: 1, name: processName })).toBeVisible();
  const notice = tablet.getByRole('status').filter({ hasText: 'Sesión guardada en este dispositivo.' });
  await expect(notice).toBeVisible();
  await expect(notice).toBeInViewport();
  await expect(notice).toBeFocused();
  await expect(app.syncIndicator).toContainText('1 cambio por enviar');
  await app.screenshot('save-confirmation-01-session-saved');
  await notice.getByRole('link', { name: 'Abrir la sesión' }).click();
  await expect(tablet.getByRole('heading', { level: 1, name: 'Asamblea de confirmación' })).toBeVisible();
  await expect(tablet.getByLabel('Lugar')).toHaveValue('Plaza cívica');

  // Save is at hand in the bar; delete is not beside it: it is at the end of the page.
  const save = tablet.getByRole('button', { name: 'Guardar cambios' });
  const remove = tablet.getByRole('button', { name: 'Eliminar sesión' });
  await expect(save).toBeInViewport();
  await expect(remove).not.toBeInViewport();
  await expect(tablet.locator('.action-bar').getByRole('button', { name: 'Eliminar sesión' })).toHaveCount(0);
  const formBox = await tablet.locator('form').filter({ has: save }).boundingBox();
  const removeBox = await remove.boundingBox();
  expect(removeBox!.y).toBeGreaterThan(formBox!.y + formBox!.height);

  // Deleting asks first; "Cancelar" keeps the session.
  await remove.click();
  const dialog = tablet.getByRole('dialog', { name: '¿Eliminar esta sesión?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(dialog).toBeHidden();
  await expect(tablet.getByRole('heading', { level: 1, name: 'Asamblea de confirmación' })).toBeVisible();

  await remove.click();
  await tablet
    .getByRole('dialog', { name: '¿Eliminar esta sesión?' })
    .getByRole('button', { name: 'Sí, eliminar' })
    .click();
  await expect(
    tablet.getByRole('status').filter({ hasText: 'Sesión eliminada en este dispositivo.' }),
  ).toBeVisible();
  await expect(tablet.getByText('Este proceso aún no tiene sesiones registradas.')).toBeVisible();

  await context.close();
});

test('on a phone the save button stays on screen without covering the field being filled in', async ({
  browser,
}) => {
  // No smooth scrolling, so what is measured is where the page stops.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    reducedMotion: 'reduce',
  });
  const phone = await context.newPage();
  await new AppPage(phone).signIn('rosa');
  const processName = `Proceso Teléfono ${Date.now()}`;
  await new ProcessesPage(phone).create(processName, '07-211');
  await newSessionForm(phone);

  // A long page (the attendance grid alone is many screens), and "Guardar" on screen from the start.
  const save = phone.getByRole('button', { name: 'Guardar sesión' });
  const bar = phone.locator('.action-bar');
  const pageHeight = await phone.evaluate(() => document.documentElement.scrollHeight);
  expect(pageHeight).toBeGreaterThan(3 * 844);
  expect(await phone.evaluate(() => window.scrollY)).toBe(0);
  await expect(save).toBeInViewport();
  // Compact: one row of buttons, a small part of the screen.
  expect((await bar.boundingBox())!.height).toBeLessThan(100);

  // Moving on through the form, the focused field is never left under the bar.
  const place = phone.getByLabel('Lugar');
  await focusFromUnderTheBar(place);
  await expectAbove(place, bar);
  const notes = phone.getByLabel('Notas', { exact: true });
  await focusFromUnderTheBar(notes);
  await expectAbove(notes, bar);
  await expect(save).toBeInViewport();
  await phone.screenshot({ path: 'test-results/screens/save-confirmation-02-phone-focus.png' });

  // A refused save says so and puts focus on the first field to fix, in view above the bar.
  await save.click();
  const type = phone.getByLabel('Tipo de sesión');
  await expect(type).toBeFocused();
  await expect(phone.getByText('Este dato es obligatorio.').first()).toBeVisible();
  await expectAbove(type, bar);

  // 320 px wide (a small phone, or 400 % zoom of a narrow window): still one row, nothing to scroll sideways.
  await phone.setViewportSize({ width: 320, height: 640 });
  await expect(save).toBeInViewport();
  expect((await bar.boundingBox())!.height).toBeLessThan(100);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await phone.screenshot({ path: 'test-results/screens/save-confirmation-03-phone-320.png' });

  await context.close();
});
