/**
 * From vision to a validated, printed Local Agenda with no network at any step: Rosa, offline on
 * her tablet, holds the diagnosis assembly and its vote, a vision workshop, records three projects
 * that answer the prioritised problems, assembles the Agenda, puts it to a second assembly by show
 * of hands and prints it (print media: its sections and the approval line; the PDF is kept as an
 * artifact). Back online, the coordinator on another browser sees the validated Agenda and the
 * process at stage 9.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, ProcessDetailPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { AgendaDocumentPage, AgendaPage, ShowOfHands } from './pages/agenda.page';
import { NewRoundFormPage, ProblemFormPage, RoundScreen } from './pages/prioritisation.page';
import { TerritoryAdminPage } from './pages/territory.page';
import { pdfPageTexts } from './support/pdf-text';
import { expectUsable } from './support/usable';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

async function newSession(
  page: Page,
  input: { type: string; title: string; date: string; women: number; men: number },
) {
  await page.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(page);
  await form.fillBasics({ type: input.type, title: input.title, date: input.date, place: 'Casa de cultura' });
  await form.tapPlus('Mujeres', 'Personas adultas', input.women);
  await form.tapPlus('Hombres', 'Personas adultas', input.men);
  await form.save();
  await page
    .getByRole('link', { name: new RegExp(input.title) })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
}

async function newProject(
  page: Page,
  input: { title: string; theme: string; problem: string; vision: string },
) {
  await page.getByRole('link', { name: 'Nuevo proyecto' }).click();
  await page.getByRole('textbox', { name: /^Título/ }).fill(input.title);
  await page.getByLabel('Área temática').selectOption({ label: input.theme });
  await page
    .getByRole('group', { name: /Problemas que atiende/ })
    .getByRole('checkbox', { name: new RegExp(input.problem) })
    .check();
  await page
    .getByRole('group', { name: /Enunciados de la visión/ })
    .getByRole('checkbox', { name: new RegExp(input.vision) })
    .check();
  await page.getByLabel('Modo de gestión').selectOption({ label: 'Autogestión' });
  await page.getByLabel('Plazo').selectOption({ label: 'Corto plazo' });
  await page.getByRole('button', { name: 'Guardar proyecto' }).click();
  await expect(page.getByText('Proyecto guardado en este dispositivo.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
}

test('offline, a facilitator goes from vision to a validated, printed Local Agenda; the coordinator sees it', async ({
  browser,
}, testInfo) => {
  test.setTimeout(600_000);
  const stamp = Date.now();
  const processName = `Proceso Agenda ${stamp}`;
  const [water, lights, trash] = ['Falta de agua', 'Calles sin luz', 'Basura en la barranca'];

  // Office, online: the coordinator imports the borough's units (their boundaries draw the
  // Agenda's map) and creates the process with Rosa on its team.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new TerritoryAdminPage(office).importRealFile();
  await office.goto('/');
  await new ProcessesPage(office).create(processName, '07-105');
  await new ProcessDetailPage(office).assignTeam(['Rosa Martínez']);
  await officeApp.expectNothingPending();

  // Rosa's tablet receives the process, then loses the network for the rest of the work.
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.signIn('rosa');
  await app.waitForOfflineReady();
  await expect(page.getByRole('link', { name: new RegExp(processName) })).toBeVisible({ timeout: 30_000 });
  await app.expectNothingPending();
  await context.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  await new ProcessesPage(page).open(processName);
  const processUrl = page.url();

  // The diagnosis assembly: three problems and a dot vote, closed.
  await newSession(page, {
    type: 'Asamblea comunitaria',
    title: 'Asamblea de diagnóstico',
    date: '2026-11-07',
    women: 4,
    men: 2,
  });
  const diagnosisUrl = page.url();
  await page
    .getByRole('region', { name: 'Priorización' })
    .getByRole('link', { name: 'Registrar un problema' })
    .click();
  const problems = new ProblemFormPage(page);
  await problems.create(water, 'Agua');
  await page.getByRole('link', { name: 'Nuevo problema' }).click();
  await problems.create(lights, 'Seguridad');
  await page.getByRole('link', { name: 'Nuevo problema' }).click();
  await problems.create(trash, 'Medio ambiente');
  await page.goto(diagnosisUrl);
  await page
    .getByRole('region', { name: 'Priorización' })
    .getByRole('link', { name: 'Nueva votación' })
    .click();
  await new NewRoundFormPage(page).openDots('Prioridades del barrio', 3, true);
  const round = new RoundScreen(page);
  await round.castDots({ [water]: 2, [lights]: 1 });
  await round.castDots({ [water]: 1, [trash]: 2 });
  await round.tab('Resultados').click();
  await page.getByRole('button', { name: 'Cerrar votación' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sí, cerrar' }).click();
  await expect(page.getByText('La votación se cerró y el acuerdo quedó en la sesión.')).toBeVisible();

  // The vision workshop: three statements of the neighbourhood the community wants.
  await page.goto(processUrl);
  await newSession(page, {
    type: 'Taller de planeación',
    title: 'Taller de imaginarios',
    date: '2026-11-14',
    women: 3,
    men: 3,
  });
  const workshopUrl = page.url();
  const visions = [
    ['Agua todos los días en cada casa', 'Agua', water],
    ['Calles iluminadas y seguras', 'Seguridad', lights],
    ['Una barranca limpia y verde', 'Medio ambiente', trash],
  ] as const;
  for (const [text, theme, problem] of visions) {
    await page.getByRole('link', { name: 'Agregar enunciado de la visión' }).click();
    await page.getByLabel('El barrio que queremos').fill(text);
    await page.getByLabel('Área temática').selectOption({ label: theme });
    await page
      .getByRole('group', { name: /Problemas que atiende/ })
      .getByRole('checkbox', { name: new RegExp(problem) })
      .check();
    await page.getByRole('button', { name: 'Guardar enunciado' }).click();
    await expect(page.getByText('Enunciado guardado en este dispositivo.')).toBeVisible();
    await page.goto(workshopUrl);
  }

  // Three projects that answer the prioritised problems and serve the vision.
  await page.goto(processUrl);
  await page.getByRole('link', { name: 'Ver proyectos y acciones' }).click();
  const projectsUrl = page.url();
  await newProject(page, {
    title: 'Cisternas comunitarias',
    theme: 'Agua',
    problem: water,
    vision: visions[0][0],
  });
  await page.goto(projectsUrl);
  await newProject(page, {
    title: 'Luminarias en el callejón',
    theme: 'Seguridad',
    problem: lights,
    vision: visions[1][0],
  });
  await page.goto(projectsUrl);
  await newProject(page, {
    title: 'Jornada de limpieza',
    theme: 'Medio ambiente',
    problem: trash,
    vision: visions[2][0],
  });
  await page.goto(projectsUrl);

  // The Agenda, assembled on the tablet from what it holds.
  await page.goto(processUrl);
  await page
    .getByRole('region', { name: 'Agenda Local' })
    .getByRole('link', { name: 'Ver la Agenda' })
    .click();
  const assembleMs = await new AgendaPage(page).assemble('Primera versión para la asamblea');
  console.log(`Agenda assembled on the device (3 projects) in ${assembleMs} ms, click to document shown`);
  await expect(page.getByText('Borrador: aún no validado en asamblea comunitaria.').first()).toBeVisible();

  // The validation assembly: 12 attending; 9 for, 2 against, 1 abstention.
  await page.goto(processUrl);
  await newSession(page, {
    type: 'Asamblea comunitaria',
    title: 'Asamblea de validación',
    date: '2026-12-05',
    women: 7,
    men: 5,
  });
  const hands = new ShowOfHands(page);
  await expect(hands.section).toContainText('Asistencia registrada en esta sesión: 12 personas.');
  await expectUsable(page, 'session-with-validation');
  await hands.record({ for: 9, against: 2, abstain: 1 });
  await expect(hands.section.getByText(/Agenda aprobada: la versión 1 queda validada/)).toBeVisible();
  await app.screenshot('local-agenda-01-validated-offline');

  // The printed Agenda: print media, its sections and the approval line; the PDF kept as an artifact.
  await hands.section.getByRole('link', { name: /Versión 1 · Aprobada/ }).click();
  const doc = new AgendaDocumentPage(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimir' })).toBeHidden();
  const approval =
    /^Aprobada en asamblea comunitaria el .*5.*dic.*2026: a favor 9, en contra 2, abstenciones 1, asistentes 12\.$/;
  await expect(doc.document(processName).getByText(approval).first()).toBeVisible();
  await expect
    .poll(() => doc.sectionHeadings(processName))
    .toEqual([
      processName,
      'El territorio',
      'Colectivo de Planeación',
      'Autodiagnóstico',
      'Imaginarios: el barrio que queremos',
      'Proyectos y acciones',
    ]);
  await expect(
    doc.document(processName).getByRole('heading', { name: '1. Cisternas comunitarias' }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /Mapa de las unidades territoriales: 07-105/ })).toBeVisible();
  const pdf = await page.pdf({ path: testInfo.outputPath('local-agenda.pdf'), preferCSSPageSize: true });
  // Chromium prints the page numbers from the @page margin boxes; the approval line is on paper.
  const pages = pdfPageTexts(pdf);
  console.log(`Printed Agenda (3 projects, 3 problems): ${pages.length} page(s), ${pdf.length} bytes`);
  expect(pages[0]).toContain(`Página 1 de ${pages.length}`);
  expect(pages.at(-1)).toContain(`Página ${pages.length} de ${pages.length}`);
  // Lines wrap where the paper ends them: compare the words without their spaces.
  const onPaper = pages.join('').replace(/\s+/g, '');
  expect(onPaper).toMatch(
    /Aprobadaenasambleacomunitariael.*2026:afavor9,encontra2,abstenciones1,asistentes12\./,
  );
  await page.emulateMedia({ media: 'screen' });

  // Still offline, the PDF made on the device: jsPDF's chunk comes from the precache.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Descargar PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`agenda-${processName}-v1.pdf`);
  await file.saveAs(testInfo.outputPath('local-agenda-jspdf.pdf'));
  await expect(page.getByText('PDF descargado.')).toBeVisible();

  // Back online: the tablet syncs by itself; the coordinator sees the validated Agenda and stage 9.
  await context.setOffline(false);
  await app.expectNothingPending();
  const officeProcess = new ProcessDetailPage(office);
  await expect(async () => {
    await office.goto(processUrl);
    await expect(officeProcess.stageBadge).toContainText('Etapa 9 de 10', { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  const agendaRegion = office.getByRole('region', { name: 'Agenda Local' });
  await expect(agendaRegion).toContainText('Versión 1 validada en asamblea.');
  await agendaRegion.getByRole('link', { name: 'Ver la Agenda' }).click();
  await office.getByRole('link', { name: /Ver la versión 1: Validada/ }).click();
  await expect(
    new AgendaDocumentPage(office).document(processName).getByText(approval).first(),
  ).toBeVisible();
  await officeApp.screenshot('local-agenda-02-coordinator');

  await context.close();
  await officeContext.close();
});
