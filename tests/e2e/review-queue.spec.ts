/**
 * Nothing refused stays on the tablet alone: a facilitator records a session offline
 * while the office takes her off the process's team, so the server refuses it; the
 * coordinator finds it in the review queue (/office/review), with the reason in words,
 * and resolves it by saving the session as her own change; after the tablet's next sync
 * the facilitator reads both in "Novedades".
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, PASSWORD, ProcessesPage, SessionFormPage } from './pages/app.page';
import { describeSmallTargets, smallTargets } from './support/target-size';

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

/** At 200 % zoom on a 10" tablet (640 CSS px): nothing scrolls sideways and every target is at least 44 px. */
async function expectReflow(page: Page, screen: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 640, height: 400 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${screen} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
  expect(describeSmallTargets(await smallTargets(page)), screen).toEqual([]);
  if (size) await page.setViewportSize(size);
}

test('a refused change is resolved from the review queue and reaches the tablet’s novedades', async ({
  browser,
}) => {
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');
  const processName = `Proceso Revisión ${Date.now()}`;
  await new ProcessesPage(tablet).create(processName, '07-120');
  await app.expectNothingPending();
  const processId = new URL(tablet.url()).pathname.split('/').pop()!;

  // Offline, she records a session...
  await tabletContext.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(tablet);
  const title = 'Taller de revisión de acuerdos';
  await form.fillBasics({
    type: 'Taller de planeación',
    title,
    date: '2026-12-03',
    place: 'Casa de cultura',
  });
  await form.tapPlus('Mujeres', 'Personas adultas', 3);
  await form.save();
  await expect(app.syncIndicator).toContainText('1 cambio por enviar');

  // ...while another office device takes her off the team.
  const officeContext = await browser.newContext();
  const login = await officeContext.request.post('/api/v1/auth/login', {
    data: { username: 'coordinadora', password: PASSWORD, deviceLabel: 'Oficina' },
  });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const push = await officeContext.request.post('/api/v1/sync/push', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      clientId: randomUUID(),
      serverEpoch: null,
      mutations: [
        {
          id: 1,
          entity: 'process',
          recordId: processId,
          op: 'put',
          fields: { teamUserIds: [] },
          hlc: `${new Date().toISOString()}-0000-00000000000000e2`,
        },
      ],
    },
  });
  expect(((await push.json()) as { results: { status: string }[] }).results[0]?.status).toBe('applied');

  // Back online, the server refuses the session: the tablet says so in its novedades.
  await tabletContext.setOffline(false);
  await app.expectNothingPending();
  await expect(tablet.getByRole('link', { name: 'Novedades: 1 sin leer' })).toBeVisible({ timeout: 30_000 });

  // The coordinator opens the review queue from her menu and resolves it.
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await office.getByRole('button', { name: 'Laura Coordinadora' }).click();
  await office.getByRole('link', { name: 'Revisión de cambios' }).click();
  await expect(office.getByRole('heading', { name: 'Revisión', level: 1 })).toBeVisible();
  const card = office.getByRole('listitem').filter({ hasText: `Sesión: ${title}` });
  await expect(card).toContainText('Rosa Martínez');
  await expect(card).toContainText('Sin permiso: el registro no está en los procesos');
  await expectNoViolations(office, 'review-list');
  await expectReflow(office, 'review-list');
  await card.getByRole('link', { name: `Revisar Sesión: ${title}` }).click();
  await expect(office.getByRole('rowheader', { name: 'title' })).toBeVisible();
  await expect(office.getByText('El servidor no tiene este registro.')).toBeVisible();
  await expectNoViolations(office, 'review-item');
  await expectReflow(office, 'review-item');
  await office.getByLabel('Nota (opcional)').fill('Guardada por la coordinación: el equipo cambió.');
  await office.getByRole('button', { name: 'Guardar corrección' }).click();
  await expect(office.getByText('Se guardó la corrección.')).toBeVisible();
  await expect(office.getByText(/Resuelto por Laura Coordinadora/)).toBeVisible();

  // The tablet's next sync brings the office's answer into Novedades.
  await tablet.goto('/sync');
  await tablet.getByRole('button', { name: 'Sincronizar ahora' }).click();
  await app.expectNothingPending();
  await expect(tablet.getByRole('link', { name: 'Novedades: 2 sin leer' })).toBeVisible({ timeout: 30_000 });
  await tablet.getByRole('link', { name: 'Novedades: 2 sin leer' }).click();
  await expect(
    tablet.getByText(`La coordinación corrigió y guardó tu cambio en sesión «${title}».`),
  ).toBeVisible();
  await expect(tablet.getByText('Guardada por la coordinación: el equipo cambió.')).toBeVisible();
  await expect(tablet.getByText(`El servidor rechazó tu cambio en sesión «${title}».`)).toBeVisible();
  await expectNoViolations(tablet, 'novedades');
  await expectReflow(tablet, 'novedades');
  await tablet.getByRole('button', { name: 'Marcar todas como leídas' }).click();
  // Nothing unread: the header's bell goes (the user menu keeps "Novedades").
  await expect(tablet.getByRole('link', { name: /sin leer/ })).toHaveCount(0);
});
