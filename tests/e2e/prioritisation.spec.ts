/**
 * A dot vote across two tablets in real Chromium: Rosa opens the vote online on tablet A, tablet B
 * receives it; both lose the network, A takes three ballots and B two, annulling one of its own
 * with a reason; once both have synced, the coordinator sees one result with the exact points.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { AppPage, ProcessDetailPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { NewRoundFormPage, ProblemFormPage, RoundScreen } from './pages/prioritisation.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

async function tablet(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  return { context, page, app, round: new RoundScreen(page) };
}

test('dot ballots cast offline on two tablets add up to one result for the coordinator', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const processName = `Proceso Santa Martha ${stamp}`;
  const roundTitle = `Prioridades ${stamp}`;
  const [water, trash, lights] = ['Falta de agua', 'Basura en la barranca', 'Calles sin luz'];

  // Office, online: the coordinator creates the process with Rosa on its team.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new ProcessesPage(office).create(processName, '07-102');
  await new ProcessDetailPage(office).assignTeam(['Rosa Martínez']);
  await officeApp.expectNothingPending();

  // Tablet A, online: the assembly (5 attending), three problems and the vote.
  const a = await tablet(browser);
  await expect(a.page.getByRole('link', { name: new RegExp(processName) })).toBeVisible({ timeout: 30_000 });
  await new ProcessesPage(a.page).open(processName);
  await a.page.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(a.page);
  await form.fillBasics({
    type: 'Asamblea comunitaria',
    title: 'Asamblea de priorización',
    date: '2026-11-21',
    place: 'Explanada del mercado',
  });
  await form.tapPlus('Mujeres', 'Personas adultas', 5);
  await form.save();
  await a.page.getByRole('link', { name: /Asamblea de priorización/ }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: 'Asamblea de priorización' })).toBeVisible();
  const sessionUrl = a.page.url();

  const priorities = a.page.getByRole('region', { name: 'Priorización' });
  await expect(priorities).toContainText('Para votar hacen falta al menos dos problemas');
  await priorities.getByRole('link', { name: 'Registrar un problema' }).click();
  const problems = new ProblemFormPage(a.page);
  await problems.create(water, 'Agua');
  await a.page.getByRole('link', { name: 'Nuevo problema' }).click();
  await problems.create(trash, 'Medio ambiente');
  await a.page.getByRole('link', { name: 'Nuevo problema' }).click();
  await problems.create(lights, 'Seguridad');

  await a.page.goto(sessionUrl);
  await a.page
    .getByRole('region', { name: 'Priorización' })
    .getByRole('link', { name: 'Nueva votación' })
    .click();
  await new NewRoundFormPage(a.page).openDots(roundTitle, 3, true);
  const roundUrl = a.page.url();
  await a.app.expectNothingPending();

  // Tablet B (Rosa again) receives the vote.
  const b = await tablet(browser);
  await expect(async () => {
    await b.page.goto(roundUrl);
    await expect(b.page.getByRole('heading', { level: 1, name: roundTitle })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await expect(b.page.getByText('Te quedan 3 puntos')).toBeVisible();

  // Both lose the network.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await expect(a.app.syncIndicator).toContainText('Sin conexión');
  await expect(b.app.syncIndicator).toContainText('Sin conexión');

  // Tablet A: three people vote.
  await a.round.castDots({ [water]: 2, [trash]: 1 });
  await a.round.castDots({ [water]: 1, [lights]: 2 });
  await a.round.castDots({ [trash]: 3 });
  await expect(a.page.getByText('3 boletas registradas en esta votación')).toBeVisible();
  await a.app.screenshot('prioritisation-01-tablet-a-offline');

  // Tablet B: two people vote; the first ballot is annulled with its reason.
  await b.round.castDots({ [water]: 3 });
  await b.round.castDots({ [lights]: 1 });
  await b.round.tab('Resultados').click();
  await expect(b.page.getByText('2 participantes')).toBeVisible();
  await b.round.annul('Boleta núm. 1', 'La persona ya había votado en la otra tableta');
  await expect(b.page.getByText('1 participante', { exact: true })).toBeVisible();
  await expect(b.page.getByText(/Anulada: La persona ya había votado/)).toBeVisible();
  await b.app.screenshot('prioritisation-02-tablet-b-annulled');

  // Back online: both sync by themselves.
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await a.app.expectNothingPending();
  await b.app.expectNothingPending();

  // The coordinator opens the vote and sees the one result of all five ballots.
  const officeRound = new RoundScreen(office);
  await expect(async () => {
    await office.goto(roundUrl);
    await officeRound.tab('Resultados').click({ timeout: 3_000 });
    await expect(office.getByText('4 participantes')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  // Rows are read once per try: wait until they hold every ballot, not just the first to arrive.
  await expect
    .poll(() => officeRound.resultRows())
    .toEqual([`1|${trash}|4`, `2 Empate|${lights}|3`, `2 Empate|${water}|3`]);
  await expect(office.getByText(/^Votaron 4 de 5 asistentes \(80\s?%\)$/)).toBeVisible();
  await expect(office.getByText('1 boleta anulada (no cuenta).')).toBeVisible();
  const ballots = office.getByRole('region', { name: 'Boletas' });
  await expect(ballots.getByRole('listitem')).toHaveCount(5);
  await expect(ballots.getByText(/Anulada: La persona ya había votado en la otra tableta/)).toBeVisible();
  await officeApp.screenshot('prioritisation-03-coordinator-result');

  await a.context.close();
  await b.context.close();
  await officeContext.close();
});
