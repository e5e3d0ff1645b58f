/** axe finds nothing on the main screens, in Spanish and at tablet size; screenshots kept as artifacts. */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, ProcessesPage } from './pages/app.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`);
  expect(summary).toEqual([]);
  await page.screenshot({ path: `test-results/screens/a11y-${screen}.png`, fullPage: true });
}

test('the main screens have no accessibility violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await expectNoViolations(page, 'login');

  const app = new AppPage(page);
  await app.signIn('rosa');
  const name = `Proceso San Miguel Teotongo ${Date.now()}`;
  await new ProcessesPage(page).create(name, '07-250');
  await page.getByRole('link', { name: '← Procesos' }).click();
  await expect(page.getByRole('heading', { name: 'Procesos' })).toBeVisible();
  await expectNoViolations(page, 'processes');

  await page.getByRole('link', { name: 'Nuevo proceso' }).click();
  await expectNoViolations(page, 'new-process');

  await page.goBack();
  await new ProcessesPage(page).open(name);
  await expectNoViolations(page, 'process');

  await page.getByRole('link', { name: 'Nueva sesión' }).click();
  await page.getByRole('button', { name: 'Guardar sesión' }).click(); // errors shown in Spanish
  await expect(page.getByText('Este dato es obligatorio.').first()).toBeVisible();
  await expectNoViolations(page, 'session-form-errors');

  await page.goto('/sync');
  await expect(page.getByRole('heading', { name: 'Sincronización' })).toBeVisible();
  await expectNoViolations(page, 'sync');
});

test('the interface switches to English and remembers it', async ({ page }) => {
  await new AppPage(page).signIn('rosa');
  // The language is in the user's menu.
  await page.getByRole('banner').getByRole('button', { name: 'Rosa Martínez' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Processes' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Processes' })).toBeVisible();
  await expectNoViolations(page, 'processes-en');
});
