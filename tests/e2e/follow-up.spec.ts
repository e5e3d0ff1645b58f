/**
 * Stage 10 from the field, in real Chromium: offline, a facilitator records progress on a project
 * (a photo, a new status, shown publicly) and marks one of its commitments done from the pending
 * list; back online and synced, the coordinator sees the timeline entries with the photo and, per
 * government area, the commitment still overdue. axe finds nothing on the new screens.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, ProcessesPage } from './pages/app.page';
import { cameraPhoto } from './support/photos';
import { describeSmallTargets, smallTargets } from './support/target-size';

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  expect(describeSmallTargets(await smallTargets(page, 48)).map((t) => `${screen}: ${t}`)).toEqual([]);
}

/** At 200 % zoom of the tablet (640 CSS px wide) nothing needs a sideways scroll. */
async function expectReflow(page: Page, screen: string) {
  await page.setViewportSize({ width: 640, height: 400 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('offline, a facilitator records progress with a photo and marks a commitment done; the office sees it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const field = await browser.newContext();
  const page = await field.newPage();
  const app = new AppPage(page);
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  await app.expectNothingPending();

  await field.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  const processName = `Proceso Santa Cruz ${Date.now()}`;
  await new ProcessesPage(page).create(processName, '07-001');

  // A co-managed project with two commitments of the works area, both past due.
  await page
    .getByRole('region', { name: 'Proyectos y acciones' })
    .getByRole('link', { name: 'Nuevo proyecto' })
    .click();
  const title = 'Banquetas accesibles en la calle 3';
  await page.getByRole('textbox', { name: 'Título', exact: true }).fill(title);
  await page.getByLabel('Área temática').selectOption({ index: 1 });
  await page.getByLabel('Modo de gestión').selectOption({ label: 'Cogestión' });
  await page.getByRole('checkbox', { name: /Obras y Desarrollo Urbano/ }).check();
  const commitments = [
    ['Entregar el proyecto técnico', '2026-01-15'],
    ['Podar los árboles de la banqueta', '2026-02-01'],
  ];
  for (const [i, [what, due]] of commitments.entries()) {
    await page.getByRole('button', { name: 'Agregar compromiso' }).click();
    const item = page.getByRole('group', { name: `Compromiso ${i + 1}` });
    await item.getByLabel('Quién').selectOption({ label: 'Un área de gobierno' });
    await item
      .getByLabel('Área de gobierno')
      .selectOption({ label: 'Dirección General de Obras y Desarrollo Urbano' });
    await item.getByLabel('Qué hará').fill(what!);
    await item.getByLabel('Para cuándo').fill(due!);
  }
  await page.getByRole('button', { name: 'Guardar proyecto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const projectUrl = new URL(page.url()).pathname;

  // "Registrar avance": text, a photo chosen for the public page, a new status.
  const followUp = page.getByRole('region', { name: 'Seguimiento' });
  await expect(followUp.getByText('Propuesto')).toBeVisible();
  await followUp.getByRole('button', { name: 'Registrar avance' }).click();
  const form = page.getByRole('region', { name: 'Registrar avance' });
  await form.getByLabel('¿Qué avanzó?').fill('Se trazó la banqueta y llegó el material');
  await form.getByLabel('Estado del proyecto').selectOption({ label: 'En ejecución' });
  await page
    .locator('#progress-photos')
    .setInputFiles([
      { name: 'obra.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page, 'Obra', ['#335', '#9a6']) },
    ]);
  await expect(form.getByRole('img', { name: 'Foto 1' }).first()).toBeVisible();
  await form.getByLabel('Mostrar en la página pública del proceso').check();
  await form.getByRole('checkbox', { name: /Publicar la foto 1/ }).check();
  await expectNoViolations(page, 'progress-form');
  await form.getByRole('button', { name: 'Guardar avance' }).click();
  await expect(page.getByText('Avance guardado en este dispositivo.')).toBeVisible();
  await expect(followUp.getByText('En ejecución', { exact: true })).toBeVisible();
  await expect(followUp.getByRole('progressbar', { name: 'Avance' })).toHaveAttribute('aria-valuenow', '50');
  await expect(followUp.getByText('Cambio de estado: En ejecución')).toBeVisible();
  await expect(followUp.getByRole('img', { name: /Foto 1 del/ })).toBeVisible();
  await expectNoViolations(page, 'project-follow-up');
  await expectReflow(page, 'project-follow-up');

  // The process's pending list: both overdue; one marked done with a note.
  await followUp.getByRole('link', { name: 'Ver los pendientes del proceso' }).click();
  const overdue = page.getByRole('region', { name: 'Vencidos (2)' });
  await expect(overdue.getByText('Entregar el proyecto técnico')).toBeVisible();
  await expectNoViolations(page, 'pending');
  await expectReflow(page, 'pending');
  await overdue.getByRole('button', { name: 'Marcar como hecho: Podar los árboles de la banqueta' }).click();
  await overdue.getByLabel('Nota (opcional)').fill('Se podaron en la faena del sábado');
  await overdue.getByRole('button', { name: 'Guardar como hecho' }).click();
  await expect(page.getByRole('region', { name: 'Hechos (1)' })).toContainText('Podar los árboles');
  await expect(page.getByRole('region', { name: 'Vencidos (1)' })).toContainText(
    'Entregar el proyecto técnico',
  );

  // Back online: everything syncs (the photo too).
  await field.setOffline(false);
  await app.expectNothingPending();

  // The coordinator, on another device, after the first sync.
  const office = await browser.newContext();
  const officePage = await office.newPage();
  const coordinator = new AppPage(officePage);
  await coordinator.signIn('coordinadora');
  await coordinator.expectNothingPending();
  await officePage.goto(projectUrl);
  const officeFollowUp = officePage.getByRole('region', { name: 'Seguimiento' });
  await expect(officeFollowUp.getByText('Cambio de estado: En ejecución')).toBeVisible();
  await expect(officeFollowUp.getByText('Se trazó la banqueta y llegó el material')).toBeVisible();
  await expect(
    officeFollowUp.getByText('Compromiso cumplido: Podar los árboles de la banqueta'),
  ).toBeVisible();
  await expect(officeFollowUp.getByText('Se podaron en la faena del sábado')).toBeVisible();
  const photo = officeFollowUp.getByRole('img', { name: /Foto 1 del/ });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

  // Per government area: the works area has the commitment still overdue.
  await officePage.goto('/government-areas');
  const works = officePage
    .getByRole('listitem')
    .filter({ hasText: 'Dirección General de Obras y Desarrollo Urbano' });
  await expect(works).toContainText(/\d+ compromisos? vencidos?/);
  await works.getByRole('link', { name: /Ver proyectos y compromisos de Obras/ }).click();
  await expect(
    officePage.getByRole('heading', { level: 1, name: 'Dirección General de Obras y Desarrollo Urbano' }),
  ).toBeVisible();
  const held = officePage.getByRole('region', { name: /compromisos? del área/ });
  await expect(held.getByRole('listitem').filter({ hasText: 'Entregar el proyecto técnico' })).toContainText(
    'Vencido hace',
  );
  await expect(held.getByRole('listitem').filter({ hasText: 'Podar los árboles' })).toContainText(
    'Cumplido el',
  );
  await expectNoViolations(officePage, 'government-area');
  await expectReflow(officePage, 'government-area');
  await officePage.goto('/project-statuses');
  await expect(officePage.getByRole('heading', { level: 3, name: '3. En ejecución' })).toBeVisible();
  await expectNoViolations(officePage, 'project-statuses');
  await expectReflow(officePage, 'project-statuses');
  await office.close();
  await field.close();
});
