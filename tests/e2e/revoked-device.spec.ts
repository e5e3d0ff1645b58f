/**
 * A tablet revoked by the coordination team loses nothing: a facilitator records a session
 * offline, the coordinator revokes the tablet's token, the tablet comes back online and asks
 * to sign in again (keeping the session), and once she does, the session syncs by itself and
 * reaches the coordinator.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, DevicesPage, ProcessesPage, SessionBanner, SessionFormPage } from './pages/app.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

test('a revoked tablet keeps its unsynced session, asks to sign in again, then syncs it', async ({
  browser,
}) => {
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);

  // The facilitator signs in on her tablet and creates a process while online.
  await app.signIn('rosa');
  const processName = `Proceso Santa Cruz Meyehualco ${Date.now()}`;
  await new ProcessesPage(tablet).create(processName, '07-120');
  await app.expectNothingPending();
  await app.waitForOfflineReady();

  // Offline, she records a session.
  await tabletContext.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(tablet);
  await form.fillBasics({
    type: 'Taller de planeación',
    title: 'Taller de autodiagnóstico',
    date: '2026-11-21',
    place: 'Salón de usos múltiples',
  });
  await form.tapPlus('Mujeres', 'Personas adultas', 4);
  await form.save();
  await expect(tablet.getByRole('link', { name: /Taller de autodiagnóstico/ })).toBeVisible();
  await expect(app.syncIndicator).toContainText('1 cambio por enviar');

  // Meanwhile the coordinator revokes the tablet (its newest sign-in) from the office.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  const devices = new DevicesPage(office);
  await devices.open();
  await devices.showDevicesOf('Rosa Martínez — Facilitación (rosa)', 'Rosa Martínez');
  await devices.revokeNewest();
  await expectNoViolations(office, 'devices');
  await officeApp.screenshot('revoked-01-devices');

  // Back online, the tablet is refused: a banner asks to sign in again, and the session is still there.
  await tabletContext.setOffline(false);
  const banner = new SessionBanner(tablet);
  await expect(banner.alert).toBeVisible({ timeout: 30_000 });
  await expect(app.syncIndicator).toContainText('Inicia sesión de nuevo');
  await expect(app.syncIndicator).toContainText('1 cambio por enviar');
  await expect(tablet.getByRole('link', { name: /Taller de autodiagnóstico/ })).toBeVisible();
  await expectNoViolations(tablet, 'revoked-banner');
  await app.screenshot('revoked-02-banner');

  // She signs in again: back on the process, and the waiting session syncs at once.
  await banner.signInAgain();
  await expect(tablet.getByRole('heading', { name: processName })).toBeVisible();
  await expect(banner.alert).toBeHidden();
  await app.expectNothingPending();
  await app.screenshot('revoked-03-synced');

  // The coordinator receives it.
  await office.goto('/sync');
  await office.getByRole('button', { name: 'Sincronizar ahora' }).click();
  await expect(officeApp.syncIndicator).toContainText('Al día', { timeout: 30_000 });
  await expect(office.getByRole('heading', { name: 'Importar cambios de un dispositivo' })).toBeVisible();
  await expectNoViolations(office, 'sync-coordinator');
  await officeApp.screenshot('revoked-04-coordinator-sync');
  await office.goto('/');
  await new ProcessesPage(office).open(processName);
  await office.getByRole('link', { name: /Taller de autodiagnóstico/ }).click();
  await expect(office.getByLabel('Lugar')).toHaveValue('Salón de usos múltiples');
  await expect(new SessionFormPage(office).total).toHaveText('Total: 4 asistentes');

  await tabletContext.close();
  await officeContext.close();
});
