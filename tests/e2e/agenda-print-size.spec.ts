/**
 * A realistic Local Agenda on paper: 20 problems in five areas, a closed vote, six vision
 * statements and ten projects (each with a description, two commitments and a cost note).
 * The records are put in the device database directly (setup, not the user path: the path is in
 * local-agenda.spec.ts); the Agenda is then assembled through the screen, timed from the tap to
 * the document shown, and printed by Chromium on Letter and A4. Prints its figures.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdfPageTexts } from './support/pdf-text';
import { expectUsable } from './support/usable';
import { AppPage, ProcessesPage } from './pages/app.page';
import { AgendaPage } from './pages/agenda.page';
import { TerritoryAdminPage } from './pages/territory.page';

const THEMES = ['water', 'safety', 'environment', 'public_space', 'health'] as const;

function uuid(group: number, n: number): string {
  return `${String(group).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The process's records as a pull would store them ({ id, fields, hlcs, deleted }). */
function realisticRecords(processId: string, sessionId: string) {
  const problems = Array.from({ length: 20 }, (_, i) => ({
    id: uuid(4, i + 1),
    fields: {
      processId,
      title: `Problema ${i + 1}: ${['fugas en la red de agua', 'calles sin alumbrado', 'basura en la barranca', 'parque abandonado', 'falta de centro de salud'][i % 5]}`,
      description: 'Descrito por las vecinas y los vecinos en el autodiagnóstico, con sus causas y efectos.',
      theme: THEMES[i % 5],
    },
  }));
  const round = {
    id: uuid(5, 1),
    fields: {
      processId,
      sessionId,
      title: 'Priorización de problemas',
      options: problems.slice(0, 10).map((p) => ({ problemId: p.id, title: p.fields.title })),
      method: 'dots',
      dotsPerPerson: 3,
      allowStacking: true,
      status: 'closed',
      openedAt: '2026-11-07T17:00:00.000Z',
      closedAt: '2026-11-07T18:00:00.000Z',
    },
  };
  const ballot = {
    id: uuid(8, 1),
    fields: {
      processId,
      roundId: round.id,
      kind: 'tally',
      castAt: '2026-11-07T17:50:00.000Z',
      dots: Object.fromEntries(problems.slice(0, 10).map((p, i) => [p.id, 30 - i * 2])),
      participants: 80,
    },
  };
  const visions = Array.from({ length: 6 }, (_, i) => ({
    id: uuid(6, i + 1),
    fields: {
      processId,
      sessionId,
      theme: THEMES[i % 5],
      text: `Imaginario ${i + 1}: un barrio con servicios dignos, espacios públicos cuidados y vecinos organizados.`,
      problemIds: [problems[i]!.id],
    },
  }));
  const projects = Array.from({ length: 10 }, (_, i) => ({
    id: uuid(7, i + 1),
    fields: {
      processId,
      title: `Proyecto ${i + 1}: ${['cisternas comunitarias', 'luminarias solares', 'jornadas de limpieza', 'rescate del parque', 'brigadas de salud'][i % 5]}`,
      description:
        'Propuesta de la comunidad para atender el problema priorizado, con trabajo del Colectivo y apoyo de las áreas de gobierno.',
      kind: 'project',
      theme: THEMES[i % 5],
      problemIds: [problems[i]!.id, problems[i + 10]!.id],
      visionIds: [visions[i % 6]!.id],
      managementMode: 'self_managed',
      governmentAreaIds: [],
      term: ['short', 'medium', 'long'][i % 3],
      costNote: 'Materiales y mano de obra: unos 80 mil pesos; faena comunitaria los sábados.',
      commitments: [
        {
          id: `c${i}a`,
          who: { kind: 'collective' },
          what: 'Convocar a las faenas y llevar el registro',
          dueDate: '2027-02-01',
        },
        {
          id: `c${i}b`,
          who: { kind: 'resident_group', name: 'Vecinas de la calle 5' },
          what: 'Cuidar lo construido',
          dueDate: '2027-04-01',
        },
      ],
      communityOrder: i + 1,
    },
  }));
  return { problems, rounds: [round], ballots: [ballot], visionStatements: visions, projects };
}

async function putRecords(page: Page, tables: Record<string, { id: string; fields: object }[]>) {
  await page.evaluate(async (byTable) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tequio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = Object.keys(byTable);
    const tx = db.transaction(names, 'readwrite');
    for (const name of names)
      for (const r of byTable[name]!) tx.objectStore(name).put({ ...r, hlcs: {}, deleted: false });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, tables);
}

test('a realistic Agenda (10 projects, 20 problems) assembles on the device and prints on a few pages', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const processName = `Proceso realista ${Date.now()}`;
  const app = new AppPage(page);
  await app.signIn('coordinadora');
  await new TerritoryAdminPage(page).importRealFile();
  await page.goto('/');
  await new ProcessesPage(page).create(processName, '07-105');
  const processId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('link', { name: 'Nueva sesión' }).click();
  await page.getByLabel('Tipo de sesión').selectOption({ label: 'Asamblea comunitaria' });
  await page.getByLabel('Título').fill('Asamblea de diagnóstico');
  await page.getByRole('textbox', { name: 'Fecha', exact: true }).fill('2026-11-07');
  await page.getByLabel('Lugar').fill('Casa de cultura');
  await page.getByRole('button', { name: /Guardar sesión/ }).click();
  const sessionLink = page.getByRole('link', { name: /Asamblea de diagnóstico/ }).first();
  const sessionId = (await sessionLink.getAttribute('href'))!.split('/').pop()!;

  await putRecords(page, realisticRecords(processId, sessionId));
  await page.goto(`/processes/${processId}/agenda`);
  await expect(page.getByRole('checkbox', { name: /Proyecto 10/ })).toBeVisible();
  await expectUsable(page, 'agenda');
  await page.goto(`/sessions/${sessionId}/minutes`);
  await expect(page.getByRole('table', { name: 'Asistencia' })).toBeVisible();
  await expectUsable(page, 'minutes');
  const timings: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`/processes/${processId}/agenda`);
    timings.push(await new AgendaPage(page).assemble(`Versión de prueba ${i + 1}`));
  }
  await expect(page.getByRole('heading', { name: /^10\. Proyecto 10/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Mapa de las unidades territoriales: 07-105/ })).toBeVisible();
  await expectUsable(page, 'agenda-version');

  const pages: Record<string, number> = {};
  for (const paper of ['letter', 'a4'] as const) {
    await page.getByLabel('Tamaño de papel').selectOption(paper);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      path: testInfo.outputPath(`agenda-realista-${paper}.pdf`),
      preferCSSPageSize: true,
    });
    const texts = pdfPageTexts(pdf);
    pages[paper] = texts.length;
    expect(texts.at(-1)).toContain(`Página ${texts.length} de ${texts.length}`);
    await page.emulateMedia({ media: 'screen' });
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const figures = { assembleMs: timings, assembleMedianMs: sorted[1], pages };
  console.log(`Realistic Agenda: ${JSON.stringify(figures)}`);
  writeFileSync(testInfo.outputPath('agenda-figures.json'), JSON.stringify(figures, null, 2));
  expect(pages.letter).toBeGreaterThan(1);
  expect(pages.letter).toBeLessThan(25);
});
