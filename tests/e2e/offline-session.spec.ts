/**
 * The promise of the product, end to end in real Chromium: a facilitator records an assembly
 * with no network, the app and the record survive a reload while offline, the record syncs
 * when the network returns, and another device sees it.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage, ProcessesPage, SessionFormPage } from './pages/app.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

test('an assembly recorded offline survives a reload, syncs, and appears on another device', async ({
  browser,
}) => {
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);

  // Online: sign in once and let the service worker precache the app.
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  const processName = `Proceso Aculco ${Date.now()}`;
  await new ProcessesPage(tablet).create(processName, '07-001');
  await app.expectNothingPending();
  await app.screenshot('01-process');

  // Offline: record a whole assembly.
  await tabletContext.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(tablet);
  await form.fillBasics({
    type: 'Asamblea comunitaria',
    title: 'Asamblea de arranque',
    date: '2026-11-20',
    place: 'Explanada de la parroquia',
  });
  await form.tapPlus('Mujeres', 'Personas adultas', 3);
  await form.tapPlus('Hombres', 'Jóvenes', 2);
  await expect(form.total).toHaveText('Total: 5 asistentes');
  await form.addAgreement({
    text: 'Convocar al recorrido territorial',
    responsible: 'Colectivo de planeación',
    dueDate: '2026-11-27',
  });
  await app.screenshot('02-session-form');
  await form.save();
  await expect(tablet.getByRole('link', { name: /Asamblea de arranque/ })).toBeVisible();
  await expect(app.syncIndicator).toContainText('1 cambio por enviar');

  // Still offline: a reload comes entirely from the precache and the device database.
  await tablet.reload();
  await expect(tablet.getByRole('heading', { name: processName })).toBeVisible();
  await expect(tablet.getByRole('link', { name: /Asamblea de arranque/ })).toBeVisible();
  await expect(app.syncIndicator).toContainText('1 cambio por enviar');
  await app.screenshot('03-offline-after-reload');

  // The network returns: the change syncs by itself.
  await tabletContext.setOffline(false);
  await app.expectNothingPending();
  await app.screenshot('04-synced');

  // Another device: the coordinator signs in and sees the same session.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new ProcessesPage(office).open(processName);
  await office.getByRole('link', { name: /Asamblea de arranque/ }).click();
  await expect(office.getByLabel('Lugar')).toHaveValue('Explanada de la parroquia');
  await expect(new SessionFormPage(office).total).toHaveText('Total: 5 asistentes');
  await expect(office.getByLabel('¿Qué se acordó?')).toHaveValue('Convocar al recorrido territorial');
  await officeApp.screenshot('05-other-device');

  await tabletContext.close();
  await officeContext.close();
});
