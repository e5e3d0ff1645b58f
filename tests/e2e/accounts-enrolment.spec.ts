/**
 * The office puts a new tablet into service without a password: a coordinator
 * creates a facilitator's account (a common password is refused in Spanish),
 * makes a one-time enrolment code whose QR code decodes to the same code, and
 * a second browser — the tablet — signs in by typing it. The code then shows
 * as used, and works no more. A tablet's camera reads the QR code with the
 * decoder from the precache while offline, and signs in once back online.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { codeFromScan, enrolmentLink } from '../../src/domain/accounts';
import { AccountsPage, EnrolmentPage, EnrolPage } from './pages/accounts.page';
import { AppPage } from './pages/app.page';
import { writeQrVideo } from './support/qr-video';
import { describeSmallTargets, smallTargets } from './support/target-size';

async function expectUsable(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  expect(describeSmallTargets(await smallTargets(page, 48)).map((s) => `${screen}: ${s}`)).toEqual([]);
}

test('a coordinator creates a facilitator and enrols a second browser with the typed code', async ({
  browser,
}) => {
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await new AppPage(office).signIn('coordinadora');

  const accounts = new AccountsPage(office);
  await accounts.open();
  await expectUsable(office, 'accounts');
  const suffix = Date.now().toString(36);
  const displayName = `Marisol Hernández ${suffix}`;
  await accounts.fillNew({
    username: `marisol.${suffix}`,
    displayName,
    role: 'Facilitación',
    password: 'Contraseña2024',
  });
  await accounts.submitNew();
  await expect(office.getByText(/Esa contraseña está entre las más usadas/)).toBeVisible();
  await expectUsable(office, 'new-account');
  await office.getByLabel('Contraseña inicial').fill('la milpa crece en mayo');
  await office.getByLabel('Repite la contraseña').fill('la milpa crece en mayo');
  await accounts.submitNew();
  await expect(office.getByText(`Se creó la cuenta de ${displayName}.`)).toBeVisible();
  const card = accounts.card(displayName);
  await expect(card).toContainText('Facilitación');
  await expect(card).toContainText('Activa');

  await card.getByRole('link', { name: `Inscribir una tableta para ${displayName}` }).click();
  await expect(office.getByRole('heading', { name: 'Inscribir tabletas', level: 1 })).toBeVisible();
  await expect(office.getByLabel('Persona')).toHaveValue(/.+/);
  const enrolment = new EnrolmentPage(office);
  const code = await enrolment.issue();
  await expect(office.getByRole('heading', { name: `Código para ${displayName}` })).toBeVisible();
  await expect(office.getByText('Vence en 10 minutos.')).toBeVisible();
  const scanned = await enrolment.decodeQr();
  expect(scanned).toMatch(/\/enrol#[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(codeFromScan(scanned!)).toBe(code);
  await expectUsable(office, 'enrolment');

  // The tablet: a second browser with nothing of the office's, typing the code as read aloud.
  const tabletContext = await browser.newContext();
  const tablet = await tabletContext.newPage();
  const typed = code.toLowerCase().replace('-', ' ');
  await new EnrolPage(tablet).enrolWith(typed);
  await expect(tablet.getByRole('heading', { name: 'Procesos', level: 1 })).toBeVisible();
  await expect(tablet.getByRole('banner')).toContainText(displayName);

  // The office sees the code used; the same code no longer opens another tablet.
  await office.reload();
  await expect(office.getByRole('listitem').filter({ hasText: `Para ${displayName}` })).toContainText(
    'Usado',
  );
  const thirdContext = await browser.newContext();
  const third = await thirdContext.newPage();
  await new EnrolPage(third).enrolWith(code);
  await expect(third.getByRole('alert')).toContainText('Ese código no sirve');
  await expectUsable(third, 'enrol');

  await Promise.all([officeContext.close(), tabletContext.close(), thirdContext.close()]);
});

test('a tablet scans the QR code with its camera offline, from the precache, and signs in once online', async ({
  browser,
  baseURL,
}) => {
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await new AppPage(office).signIn('coordinadora');
  await office.goto('/enrolment');
  await office.getByLabel('Persona').selectOption({ label: 'Rosa Martínez · Facilitación (rosa)' });
  const code = await new EnrolmentPage(office).issue();

  // The tablet's camera sees the coordinator's screen (a fake capture device showing the QR code).
  const video = path.join(mkdtempSync(path.join(tmpdir(), 'tequio-qr-')), 'qr.y4m');
  writeQrVideo(video, enrolmentLink(baseURL!, code));
  const camera = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const tabletContext = await camera.newContext({
    baseURL: baseURL!,
    locale: 'es-MX',
    permissions: ['camera'],
  });
  const tablet = await tabletContext.newPage();
  await tablet.goto('/enrol');
  await new AppPage(tablet).waitForOfflineReady();

  await tabletContext.setOffline(true);
  await tablet.reload();
  await tablet.getByRole('button', { name: 'Escanear código QR' }).click();
  await expect(tablet.getByRole('status').filter({ hasText: 'Código leído' })).toHaveText(
    `Código leído: ${code}. Entrando…`,
  );
  await expect(tablet.getByRole('alert')).toHaveText(
    'Necesitas conexión con el servidor para entrar con código.',
  );
  await expect(tablet.getByRole('textbox', { name: 'Código', exact: true })).toHaveValue(code);

  await tabletContext.setOffline(false);
  await tablet.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(tablet.getByRole('heading', { name: 'Procesos', level: 1 })).toBeVisible();
  await expect(tablet.getByRole('banner')).toContainText('Rosa Martínez');

  await tabletContext.close();
  await camera.close();
  await officeContext.close();
});

for (const size of [
  { name: 'zoom-200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  { name: 'narrow-320', viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 },
] as const) {
  test(`the office's account and enrolment screens reflow at ${size.name}`, async ({ browser }) => {
    const context = await browser.newContext({
      viewport: size.viewport,
      deviceScaleFactor: size.deviceScaleFactor,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const check = async (screen: string) => {
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth)
        problems.push(`${screen}: scrolls sideways (${scrollWidth} > ${clientWidth})`);
      await expectUsable(page, `${size.name}/${screen}`);
    };
    await page.goto('/enrol');
    await expect(page.getByRole('heading', { name: 'Entrar con código', level: 1 })).toBeVisible();
    await check('enrol');
    await new AppPage(page).signIn('coordinadora');
    await page.goto('/accounts');
    await expect(page.getByRole('listitem', { name: 'Rosa Martínez' })).toBeVisible();
    await check('accounts');
    await page.goto('/accounts/new');
    await expect(page.getByRole('heading', { name: 'Nueva cuenta', level: 1 })).toBeVisible();
    await check('new-account');
    await page.goto('/enrolment');
    await page.getByLabel('Persona').selectOption({ label: 'Rosa Martínez · Facilitación (rosa)' });
    await new EnrolmentPage(page).issue();
    await expect(page.getByRole('img', { name: /Código QR de inscripción/ })).toBeVisible();
    await check('enrolment');
    expect(problems).toEqual([]);
    await context.close();
  });
}
