/**
 * The main screens at four sizes — a 10" tablet (1280×800), a phone (390×844), the narrowest
 * phone (320 px) and the tablet at 200 % zoom (640×400 CSS px at scale 2) — each with axe clean,
 * nothing scrolling sideways (WCAG 1.4.10 reflow) and every interactive element at least 44 × 44 px.
 * The header stays on screen while the page scrolls; on the tablet, at 200 % and on a phone the first
 * problem of a ballot and its "+" are visible without scrolling.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AppPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { NewRoundFormPage, ProblemFormPage } from './pages/prioritisation.page';
import { TerritoryAdminPage } from './pages/territory.page';
import { describeSmallTargets, smallTargets } from './support/target-size';

/** `ballotInView`: the first problem of a ballot and its "+" show on the first screen, without scrolling. */
const SIZES = [
  { name: 'tablet', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ballotInView: true },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, ballotInView: true },
  { name: 'narrow-320', viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, ballotInView: false },
  { name: 'zoom-200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, ballotInView: true },
] as const;

interface Fixture {
  processName: string;
  processUrl: string;
  roundUrl: string;
}

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

let fixture: Fixture;

/** A coordinator's borough: the territory, a process on ACULCO with an assembly of 5, two problems and an open dot vote. */
async function setUp(browser: Browser): Promise<Fixture> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.signIn('coordinadora');
  await new TerritoryAdminPage(page).importRealFile();
  await page.goto('/');
  const processName = `Proceso Aculco ${Date.now()}`;
  await new ProcessesPage(page).create(processName, 'aculco');
  await expect(page.getByText('Unidades territoriales: 07-001 ACULCO (PBLO)')).toBeVisible();
  const processUrl = new URL(page.url()).pathname;

  await page.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(page);
  await form.fillBasics({
    type: 'Asamblea comunitaria',
    title: 'Asamblea de priorización',
    date: '2026-11-21',
    place: 'Explanada del mercado',
  });
  await form.tapPlus('Mujeres', 'Personas adultas', 5);
  await form.save();
  const sessionLink = page.getByRole('link', { name: /Asamblea de priorización/ });
  const sessionUrl = await sessionLink.getAttribute('href');

  const problems = new ProblemFormPage(page);
  await page.goto(`${processUrl}/problems/new`);
  await problems.create('Falta de agua', 'Agua');
  await page.goto(`${processUrl}/problems/new`);
  await problems.create('Calles sin luz', 'Seguridad');
  await page.goto(`${sessionUrl}/rounds/new`);
  await new NewRoundFormPage(page).openDots('Prioridades del barrio', 3, true);
  const roundUrl = new URL(page.url()).pathname;
  await app.expectNothingPending();
  await context.close();
  return { processName, processUrl, roundUrl };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  fixture = await setUp(browser);
});

/** axe, sideways scrolling and target sizes on what the page shows now; problems are collected, not thrown. */
async function check(page: Page, where: string, problems: string[]) {
  const axe = await new AxeBuilder({ page }).analyze();
  for (const v of axe.violations) problems.push(`${where}: axe ${v.id} (${v.nodes.length}) ${v.help}`);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth)
    problems.push(`${where}: scrolls sideways (${scrollWidth} > ${clientWidth} px)`);
  for (const small of describeSmallTargets(await smallTargets(page)))
    problems.push(`${where}: target ${small}`);
  await page.screenshot({ path: `test-results/screens/reflow-${where.replace('/', '-')}.png` });
}

async function mapDrawn(page: Page) {
  await expect(page.getByTestId('territory-map').first()).toHaveAttribute('data-state', 'loaded', {
    timeout: 30_000,
  });
}

for (const size of SIZES) {
  test(`main screens at ${size.name} (${size.viewport.width}×${size.viewport.height})`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({
      viewport: size.viewport,
      deviceScaleFactor: size.deviceScaleFactor,
    });
    const page = await context.newPage();
    const app = new AppPage(page);
    const problems: string[] = [];
    const at = (screen: string) => `${size.name}/${screen}`;

    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    await check(page, at('login'), problems);

    await app.signIn('coordinadora');
    await expect(page.getByRole('link', { name: new RegExp(fixture.processName) })).toBeVisible({
      timeout: 60_000,
    });
    await mapDrawn(page);
    const header = page.getByRole('banner');
    const headerHeight = (await header.boundingBox())!.height;
    console.log(`${size.name}: header ${Math.round(headerHeight)} of ${size.viewport.height} px`);
    // One compact row (it took 261 of 844 px on a phone when the language buttons stood in it).
    expect(headerHeight).toBeLessThanOrEqual(100);
    await check(page, at('processes'), problems);

    // The user's menu, open: language, coordinators' links and sign-out, all reachable.
    await header.getByRole('button', { name: 'Laura Coordinadora' }).click();
    await expect(page.getByRole('group', { name: 'Idioma' })).toBeVisible();
    await check(page, at('menu'), problems);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('group', { name: 'Idioma' })).toBeHidden();

    await page.goto('/processes/new');
    await expect(page.getByRole('heading', { name: 'Nuevo proceso', level: 1 })).toBeVisible();
    await new ProcessesPage(page).unitPicker.pressSequentially('aculco');
    await expect(page.getByRole('option', { name: /ACULCO \(PBLO\)/ })).toBeVisible();
    await check(page, at('new-process'), problems);

    await page.goto(fixture.processUrl);
    await expect(page.getByRole('heading', { name: fixture.processName, level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /Asamblea de priorización/ })).toBeVisible();
    await mapDrawn(page);
    await check(page, at('process'), problems);
    // Scrolled to the end, the header (and its sync state) is still on screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(app.syncIndicator).toBeInViewport();
    expect((await header.boundingBox())!.y).toBe(0);

    await page.goto(`${fixture.processUrl}/sessions/new`);
    await expect(page.getByRole('heading', { name: 'Nueva sesión', level: 1 })).toBeVisible();
    await check(page, at('session-form'), problems);

    await page.goto(fixture.roundUrl);
    await expect(page.getByText('Te quedan 3 puntos')).toBeVisible();
    // The first problem of the ballot and its "+" are on the first screen, without scrolling.
    const firstPlus = await page
      .getByRole('button', { name: /^Poner un punto en / })
      .first()
      .boundingBox();
    if (size.ballotInView && (!firstPlus || firstPlus.y + firstPlus.height > size.viewport.height)) {
      problems.push(
        `${at('ballot')}: the first "+" of the ballot is below the first screen (${JSON.stringify(firstPlus)})`,
      );
    }
    await check(page, at('ballot'), problems);

    await page.goto('/territory');
    await expect(page.getByRole('heading', { name: 'Unidades territoriales (295)' })).toBeVisible();
    await mapDrawn(page);
    await check(page, at('territory'), problems);
    await page.getByText('Ver la lista (295 unidades)').click();
    await expect(page.getByRole('table', { name: /^Mapa de las unidades territoriales/ })).toBeVisible();
    await check(page, at('territory-list'), problems);

    await page.goto('/sync');
    await expect(page.getByRole('heading', { name: 'Sincronización', level: 1 })).toBeVisible();
    await check(page, at('sync'), problems);

    await page.goto('/office');
    await expect(page.getByRole('table', { name: 'Cobertura' })).toBeVisible();
    await check(page, at('office'), problems);

    expect(problems).toEqual([]);
    await context.close();
  });
}
