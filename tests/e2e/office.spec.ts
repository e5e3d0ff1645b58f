/**
 * The coordinator's office in real Chromium: the coordinator imports the real territory and opens
 * /office; a facilitator creates a process on her tablet (another browser context); once it syncs,
 * the coordinator's coverage and stage table count it. Then the coordinator downloads the XLSX and
 * the CSV zip, which the test opens again (fflate) to read the process's accented name back.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { AppPage, ProcessesPage } from './pages/app.page';

const REAL_FILE = path.resolve('..', 'shared', 'data', 'iztapalapa-unidades-territoriales-2022.geojson');
/** No other spec uses this unit: CHINAMPAC DE JUAREZ I, 4,156 people. */
const UNIT = '07-262';
const UNIT_POPULATION = 4156;

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

const number = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** Population covered and the first stage's total, read from the office's tables. */
async function officeFigures(page: Page) {
  const coverage = page.getByRole('table', { name: 'Cobertura' });
  const population = await coverage
    .getByRole('row', { name: /Población cubierta/ })
    .getByRole('cell')
    .first();
  const [covered, borough] = ((await population.textContent()) ?? '').split(' de ');
  const stages = page.getByRole('table', { name: 'Procesos por etapa y dirección territorial' });
  const totals = stages.locator('tfoot td');
  // With no process yet the page says so instead of drawing the table.
  const empty = (await stages.count()) === 0;
  return {
    covered: number(covered ?? ''),
    borough: number(borough ?? ''),
    stageOne: empty ? 0 : number((await totals.first().textContent()) ?? ''),
    processes: empty ? 0 : number((await totals.last().textContent()) ?? ''),
  };
}

async function download(page: Page, button: string): Promise<Uint8Array> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await waiting;
  const saved = path.join('test-results', 'downloads', file.suggestedFilename());
  await file.saveAs(saved);
  return new Uint8Array(readFileSync(saved));
}

test('the office counts a facilitator’s process as it syncs and exports XLSX and CSV', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const processName = `Chinampac Año Peñón ${Date.now()}`;

  const officeContext = await browser.newContext({ acceptDownloads: true });
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');

  // The territory (the borough's real file; importing it again changes nothing).
  await office.getByRole('button', { name: 'Laura Coordinadora' }).click();
  await office.getByRole('link', { name: 'Territorio', exact: true }).click();
  await office.getByLabel('Archivo GeoJSON').setInputFiles(REAL_FILE);
  await office.getByRole('button', { name: 'Importar' }).click();
  const report = office.getByRole('status').filter({ hasText: 'Resultado de la importación' });
  await expect(report).toContainText('Población total: 1,838,464 habitantes', { timeout: 60_000 });
  await expect(office.getByRole('heading', { name: 'Unidades territoriales (295)' })).toBeVisible({
    timeout: 60_000,
  });

  // The office, from the user menu.
  await office.getByRole('button', { name: 'Laura Coordinadora' }).click();
  await office.getByRole('link', { name: 'Oficina: tablero y exportaciones' }).click();
  await expect(
    office.getByRole('heading', { name: 'Oficina: tablero del programa', level: 1 }),
  ).toBeVisible();
  await expect(office.getByRole('table', { name: 'Cobertura' })).toBeVisible();
  const before = await officeFigures(office);
  expect(before.borough).toBe(1_838_464);
  const axe = await new AxeBuilder({ page: office }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  // The facilitator's tablet: a new process on a unit nobody covers yet.
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  const tabletApp = new AppPage(tablet);
  await tabletApp.signIn('rosa');
  await tabletApp.expectNothingPending();
  await new ProcessesPage(tablet).create(processName, UNIT);
  await tabletApp.expectNothingPending();

  // The coordinator's device pulls it; the figures follow (live, or on the next reload).
  await expect(async () => {
    await office.reload();
    await expect(office.getByRole('table', { name: 'Cobertura' })).toBeVisible();
    const after = await officeFigures(office);
    expect(after.processes).toBe(before.processes + 1);
    expect(after.stageOne).toBe(before.stageOne + 1);
    expect(after.covered).toBe(before.covered + UNIT_POPULATION);
  }).toPass({ timeout: 60_000 });
  await officeApp.screenshot('office-01-dashboards');
  await tabletContext.close();

  // XLSX: one sheet per entity, the accented name intact.
  const xlsx = unzipSync(await download(office, 'Excel (XLSX, una hoja por entidad)'));
  const workbook = strFromU8(xlsx['xl/workbook.xml']!);
  expect(workbook).toContain('name="Procesos"');
  expect(workbook).toContain('name="Sesiones"');
  const texts = Object.entries(xlsx)
    .filter(([name]) => name.startsWith('xl/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('');
  expect(texts).toContain(processName);
  expect(texts).toContain('Población');
  await expect(office.getByRole('status').filter({ hasText: /Descargado: tequio-.*\.xlsx/ })).toBeVisible();

  // CSV zip: a file per entity, each with its BOM, the name with its accents.
  const csv = unzipSync(await download(office, 'CSV (zip, una tabla por entidad)'));
  expect(Object.keys(csv)).toEqual(expect.arrayContaining(['procesos.csv', 'sesiones.csv', 'acuerdos.csv']));
  const processes = csv['procesos.csv']!;
  expect([...processes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = strFromU8(processes);
  expect(text).toContain(processName);
  expect(text).toContain(`${UNIT},`);
  const units = strFromU8(csv['unidades.csv']!);
  expect(units).toContain(`${UNIT},CHINAMPAC DE JUAREZ I,${UNIT_POPULATION}`);

  await officeContext.close();
});
