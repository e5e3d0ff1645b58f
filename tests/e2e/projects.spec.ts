/**
 * Stages 6 and 7 with no network, in real Chromium: a facilitator prioritises two problems in a
 * planning workshop, records a vision statement there, creates a project with a child action that
 * answer the prioritised problem, follows the links both ways (problem ⇄ project, vision ⇄ project,
 * parent ⇄ action), reloads offline and finds everything; axe finds nothing on the new screens.
 * Back online, the server takes every record.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { NewRoundFormPage, ProblemFormPage, RoundScreen } from './pages/prioritisation.page';
import { ProjectFormPage, VisionFormPage } from './pages/projects.page';
import { describeSmallTargets, smallTargets } from './support/target-size';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  expect(describeSmallTargets(await smallTargets(page, 48)).map((t) => `${screen}: ${t}`)).toEqual([]);
  await page.screenshot({ path: `test-results/screens/projects-${screen}.png`, fullPage: true });
}

/** At 200 % zoom of the tablet (640 CSS px wide) nothing needs a sideways scroll. */
async function expectReflow(page: Page, screen: string) {
  await page.setViewportSize({ width: 640, height: 400 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `test-results/screens/projects-${screen}-zoom-200.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('offline, a vision statement and a project with an action answer a prioritised problem, links both ways', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.signIn('rosa');
  await app.waitForOfflineReady();

  await context.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  const processName = `Proceso San Lucas ${Date.now()}`;
  await new ProcessesPage(page).create(processName, '07-001');
  const processUrl = page.url();

  // The planning workshop, its two problems and a closed dot vote.
  await page.getByRole('link', { name: 'Nueva sesión' }).click();
  const session = new SessionFormPage(page);
  await session.fillBasics({
    type: 'Taller de planeación',
    title: 'Taller de imaginarios',
    date: '2026-11-28',
    place: 'Casa de cultura',
  });
  await session.tapPlus('Mujeres', 'Personas adultas', 4);
  await session.save();
  await page.getByRole('link', { name: /Taller de imaginarios/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Taller de imaginarios' })).toBeVisible();
  const sessionUrl = page.url();

  const [water, lights] = ['Falta de agua', 'Calles sin luz'];
  await page
    .getByRole('region', { name: 'Priorización' })
    .getByRole('link', { name: 'Registrar un problema' })
    .click();
  const problems = new ProblemFormPage(page);
  await problems.create(water, 'Agua');
  await page.getByRole('link', { name: 'Nuevo problema' }).click();
  await problems.create(lights, 'Seguridad');
  await page.goto(sessionUrl);
  await page
    .getByRole('region', { name: 'Priorización' })
    .getByRole('link', { name: 'Nueva votación' })
    .click();
  await new NewRoundFormPage(page).openDots('Prioridades del barrio', 3, true);
  const round = new RoundScreen(page);
  await round.castDots({ [water]: 3 });
  await round.castDots({ [water]: 1, [lights]: 2 });
  await round.tab('Resultados').click();
  await page.getByRole('button', { name: 'Cerrar votación' }).click();
  await page
    .getByRole('dialog', { name: '¿Cerrar la votación?' })
    .getByRole('button', { name: 'Sí, cerrar' })
    .click();
  await expect(page.getByText('La votación se cerró y el acuerdo quedó en la sesión.')).toBeVisible();

  // Stage 6: the vision, recorded in the workshop.
  await page.goto(sessionUrl);
  const sessionVision = page.getByRole('region', { name: 'Visión construida en esta sesión' });
  await sessionVision.getByRole('link', { name: 'Agregar enunciado de la visión' }).click();
  await expect(page.getByLabel('Sesión donde se construyó')).toHaveValue(/.+/);
  await expect(page.getByRole('checkbox').first()).toHaveAccessibleName(
    /Falta de agua · lugar 1 en la priorización/,
  );
  await expectNoViolations(page, 'vision-form');
  const visionText = 'Agua limpia en cada casa todos los días';
  await new VisionFormPage(page).create(visionText, 'Agua', [water]);
  await expect(page.getByText('Enunciado guardado en este dispositivo.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Agua (1)' })).toBeVisible();
  await expectNoViolations(page, 'vision-list');

  // Stage 7: a project and its action, both answering the prioritised problem.
  await page.goto(processUrl);
  await page
    .getByRole('region', { name: 'Proyectos y acciones' })
    .getByRole('link', { name: 'Nuevo proyecto' })
    .click();
  const projectTitle = 'Red de agua para la calle 5';
  await new ProjectFormPage(page).create({
    title: projectTitle,
    theme: 'Agua',
    problems: [water],
    visions: [visionText],
  });
  await expect(page.getByText('Proyecto guardado en este dispositivo.')).toBeVisible();
  await page.getByRole('link', { name: 'Agregar acción a este proyecto' }).click();
  await expect(page.getByLabel('Tipo')).toHaveValue('action');
  await expect(page.getByLabel('Forma parte del proyecto')).toHaveValue(/.+/);
  await expectNoViolations(page, 'project-form');
  await expectReflow(page, 'project-form');
  const actionTitle = 'Gestionar la pipa semanal';
  await new ProjectFormPage(page).create({ title: actionTitle, theme: 'Agua', problems: [water] });

  // Links both ways: action → parent → action; project → problem → projects; project → vision → project.
  await page
    .getByRole('region', { name: 'Forma parte de' })
    .getByRole('link', { name: projectTitle })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: projectTitle })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Acciones de este proyecto' }).getByRole('link', { name: actionTitle }),
  ).toBeVisible();
  const trace = page.getByRole('region', { name: 'De dónde viene' });
  await expect(trace.getByRole('link', { name: /Prioridades del barrio.*lugar 1 de 2/ })).toBeVisible();
  await expectNoViolations(page, 'project-page');
  await expectReflow(page, 'project-page');
  await page
    .getByRole('region', { name: 'Visión a la que sirve' })
    .getByRole('link', { name: visionText })
    .click();
  await expect(
    page.getByRole('region', { name: 'Proyectos que la atienden' }).getByRole('link', { name: projectTitle }),
  ).toBeVisible();
  await page.goBack();
  await trace.getByRole('link', { name: water }).click();
  const answering = page.getByRole('region', { name: 'Proyectos que lo atienden' });
  await expect(answering.getByRole('link', { name: `${projectTitle} · Proyecto` })).toBeVisible();
  await expect(answering.getByRole('link', { name: `${actionTitle} · Acción` })).toBeVisible();

  // Still offline: a reload keeps everything, in the community's order.
  await page.goto(processUrl.replace(/\/?$/, '/projects'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Proyectos y acciones' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^1 ${projectTitle}`) })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^1\\.1 ${actionTitle}`) })).toBeVisible();
  await expect(app.syncIndicator).toContainText('Sin conexión');
  await expectNoViolations(page, 'outline');
  await expectReflow(page, 'outline');

  // The network returns: the server takes every record (none refused).
  await context.setOffline(false);
  await app.expectNothingPending();
  await page.goto('/sync');
  await expect(page.getByRole('heading', { name: 'Cambios rechazados por el servidor' })).toBeVisible();
  await expect(page.getByText('Ninguno.', { exact: true })).toBeVisible();
  await context.close();
});

test('a coordinator keeps the government areas from the menu, offline', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.signIn('coordinadora');
  await app.waitForOfflineReady();
  await context.setOffline(true);

  await page
    .getByRole('banner')
    .getByRole('button', { name: /Laura Coordinadora/ })
    .click();
  await page.getByRole('link', { name: 'Áreas de gobierno' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Áreas de gobierno' })).toBeVisible();
  const name = `Dirección de Vivienda ${Date.now()}`;
  const add = page.getByRole('region', { name: 'Agregar un área de gobierno' });
  await add.getByRole('textbox', { name: 'Nombre completo' }).fill(name);
  await add.getByRole('textbox', { name: 'Nombre corto' }).fill('Vivienda');
  await add.getByRole('button', { name: 'Agregar área' }).click();
  await expect(add.getByText(`Área «${name}» agregada en este dispositivo.`)).toBeVisible();
  await page.getByRole('button', { name: `Desactivar ${name}` }).click();
  await expect(page.getByRole('button', { name: `Reactivar ${name}` })).toBeVisible();
  await expectNoViolations(page, 'government-areas');

  await page.reload();
  await expect(page.getByRole('button', { name: `Reactivar ${name}` })).toBeVisible();
  await context.close();
});
