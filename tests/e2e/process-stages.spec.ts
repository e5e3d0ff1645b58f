/**
 * Stages across devices in real Chromium: a coordinator sets up a process and its team online;
 * the facilitator, offline on her own tablet, records an assembly and advances the process with
 * it as evidence; once both have synced, the coordinator sees stage 2 and its evidence.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage, ProcessDetailPage, ProcessesPage, SessionFormPage } from './pages/app.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

test('a stage advanced offline with a session as evidence reaches the coordinator', async ({ browser }) => {
  const processName = `Proceso San Lorenzo ${Date.now()}`;

  // Office, online: the coordinator creates the process and puts Rosa on its team.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new ProcessesPage(office).create(processName, '07-101');
  await new ProcessDetailPage(office).assignTeam(['Rosa Martínez']);
  await officeApp.expectNothingPending();

  // Tablet: Rosa signs in online, receives the process, then loses the network.
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  await expect(tablet.getByRole('link', { name: new RegExp(processName) })).toBeVisible({ timeout: 30_000 });
  await tabletContext.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');

  // Offline: the assembly, with attendance.
  await new ProcessesPage(tablet).open(processName);
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(tablet);
  await form.fillBasics({
    type: 'Asamblea comunitaria',
    title: 'Asamblea de conformación',
    date: '2026-11-20',
    place: 'Cancha del barrio',
  });
  await form.tapPlus('Mujeres', 'Personas adultas', 4);
  await form.tapPlus('Hombres', 'Personas adultas mayores', 2);
  await expect(form.total).toHaveText('Total: 6 asistentes');
  await form.save();
  await expect(tablet.getByRole('link', { name: /Asamblea de conformación/ })).toBeVisible();

  // Still offline: stage 2, with the assembly as its evidence.
  const tabletProcess = new ProcessDetailPage(tablet);
  await tabletProcess.advanceTo(2, ['Asamblea de conformación']);
  await expect(tabletProcess.stageHistory).toContainText('Asamblea de conformación');
  await expect(app.syncIndicator).toContainText('2 cambios por enviar');
  await app.screenshot('stages-01-offline-advance');

  // Back online: it syncs by itself.
  await tabletContext.setOffline(false);
  await app.expectNothingPending();

  // The coordinator's device pulls (on reload) and shows stage 2 with its evidence.
  await expect(async () => {
    await office.reload();
    await expect(new ProcessDetailPage(office).stageBadge).toContainText('Etapa 2 de 10', { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  const officeProcess = new ProcessDetailPage(office);
  await expect(officeProcess.stageHistory).toContainText('Colectivo de Planeación');
  await expect(officeProcess.stageHistory).toContainText('Asamblea de conformación');
  await officeApp.screenshot('stages-02-coordinator-sees-stage');

  await tabletContext.close();
  await officeContext.close();
});
