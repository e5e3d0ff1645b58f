/**
 * Rubrics across devices in real Chromium: the facilitator, offline on her tablet, scores the
 * self-diagnosis moment of her process with the default template (levels, a comment, a group
 * interview); once she is back online it syncs, and the coordinator sees the score in the
 * process's history and in the averages.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, ProcessDetailPage, ProcessesPage } from './pages/app.page';
import { ProcessRubricsSection, RubricsPages, ScoreRubricForm } from './pages/rubrics.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

test('a moment scored offline reaches the coordinator’s history and averages', async ({ browser }) => {
  const processName = `Proceso Rúbricas ${Date.now()}`;
  const comment = `Problemas ubicados en el mapa ${Date.now()}`;

  // Office, online: the coordinator creates the process and puts Rosa on its team.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new ProcessesPage(office).create(processName, '07-120');
  await new ProcessDetailPage(office).assignTeam(['Rosa Martínez']);
  await officeApp.expectNothingPending();

  // Tablet: Rosa signs in online and receives the process and the default templates.
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  await expect(tablet.getByRole('link', { name: new RegExp(processName) })).toBeVisible({ timeout: 30_000 });
  const tabletRubrics = new RubricsPages(tablet);
  await tabletRubrics.openTemplates();
  await expect(tablet.getByRole('heading', { level: 3, name: 'Momento 1: Autodiagnóstico' })).toBeVisible({
    timeout: 30_000,
  });
  // Facilitators read the templates but do not edit them.
  await expect(tablet.getByRole('link', { name: 'Nueva plantilla' })).toHaveCount(0);
  await tablet
    .getByRole('link', { name: /Tequio/ })
    .first()
    .click();

  await tabletContext.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');

  // Offline: the self-diagnosis moment, with the default template.
  await new ProcessesPage(tablet).open(processName);
  const section = new ProcessRubricsSection(tablet);
  await section.scoreMoment('Autodiagnóstico');
  const form = new ScoreRubricForm(tablet);
  await expect(form.template.locator('option:checked')).toHaveText('Momento 1: Autodiagnóstico (versión 1)');
  // Every criterion must be scored: refused in Spanish next to the criterion.
  await tablet.getByRole('button', { name: 'Guardar calificación' }).click();
  await expect(tablet.getByText('Elige un nivel para «Evidencia territorial».')).toBeVisible();
  await expectNoViolations(tablet, 'score-form-errors');
  await form.chooseLevel('Identificación de problemas', 3);
  await form.chooseLevel('Análisis de causas y efectos', 2);
  await form.chooseLevel('Evidencia territorial', 4);
  await form.comment(comment);
  await form.addGroupInterview('Las vecinas del mercado hablaron de la falta de agua.', 7);
  await app.screenshot('rubrics-01-score-form');
  await form.save();

  // Back on the process page, still offline: the score is in the history.
  await expect(tablet.getByRole('heading', { level: 1, name: processName })).toBeVisible();
  const tabletScore = section.scores.first();
  await expect(tabletScore).toContainText('Momento 1: Autodiagnóstico, versión 1');
  await expect(tabletScore).toContainText('Nivel promedio: 3.0 de 4');
  await expect(tabletScore).toContainText('Evidencia territorial: nivel 4');
  await expect(tabletScore).toContainText(comment);
  await expect(tabletScore).toContainText('1 nota de entrevista');
  await expect(app.syncIndicator).toContainText('1 cambio por enviar');
  await expectNoViolations(tablet, 'process-rubric-history');
  await app.screenshot('rubrics-02-offline-history');

  // Back online: it syncs by itself.
  await tabletContext.setOffline(false);
  await app.expectNothingPending();

  // The coordinator's device pulls (on reload) and shows the score in the process history.
  const officeSection = new ProcessRubricsSection(office);
  await expect(async () => {
    await office.reload();
    await expect(officeSection.scores.first()).toContainText(comment, { timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await expect(officeSection.scores.first()).toContainText('Autodiagnóstico');
  await expect(officeSection.scores.first()).toContainText('Nivel promedio: 3.0 de 4');

  // …and in the averages.
  const officeRubrics = new RubricsPages(office);
  await officeRubrics.openAverages();
  await expect(
    officeRubrics.table('Por momento').getByRole('row', { name: /Autodiagnóstico/ }),
  ).toBeVisible();
  await expect(
    officeRubrics.table('Por criterio').getByRole('row', { name: /Evidencia territorial/ }),
  ).toContainText('de 4');
  await expect(officeRubrics.table('Por dirección territorial')).toBeVisible();
  await expectNoViolations(office, 'rubric-averages');
  await officeApp.screenshot('rubrics-03-coordinator-averages');

  await tabletContext.close();
  await officeContext.close();
});
