/**
 * A coordinator creates a process offline by typing a neighbourhood's name: "aculco" finds
 * ACULCO (PBLO) and SAN JOSE ACULCO in the territory held on the device, with key, population and
 * directorate; the list works by keyboard and by tap; the process syncs once the network is back.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage, ProcessesPage } from './pages/app.page';
import { TerritoryAdminPage } from './pages/territory.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

test('a process is created offline by picking its units by name', async ({ page, context }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.signIn('coordinadora');
  await app.waitForOfflineReady();
  await new TerritoryAdminPage(page).importRealFile();

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Procesos' })).toBeVisible();
  await context.setOffline(true);
  await expect(app.syncIndicator).toContainText('Sin conexión');

  const name = `Pueblo de Aculco ${Date.now()}`;
  await page.getByRole('link', { name: 'Nuevo proceso' }).click();
  await page.getByLabel('Nombre del proceso').fill(name);
  const processes = new ProcessesPage(page);
  const picker = processes.unitPicker;
  await picker.pressSequentially('aculco');

  const list = page.getByRole('listbox', { name: 'Unidades que coinciden' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toContainText('ACULCO (PBLO)');
  await expect(options.nth(0)).toContainText('07-001 · 5,818 habitantes');
  await expect(options.nth(1)).toContainText('SAN JOSE ACULCO');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  await app.screenshot('unit-picker-01-aculco');

  // Keyboard: ↓ moves to the second, ↑ back to the first, Escape closes the list.
  await picker.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await picker.press('ArrowUp');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await picker.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');

  // Typed with accents and in another case, picked by Enter; then one by tap.
  await picker.fill('');
  await picker.pressSequentially('San José Aculco');
  await expect(options.first()).toContainText('SAN JOSE ACULCO');
  await picker.press('Enter');
  await picker.pressSequentially('aculco');
  await expect(options).toHaveCount(1);
  await options.getByText('ACULCO (PBLO)').click();
  const chosen = page.getByRole('list', { name: 'Unidades elegidas' });
  await expect(chosen.getByRole('listitem')).toHaveText(['07-182 SAN JOSE ACULCO×', '07-001 ACULCO (PBLO)×']);
  await expect(page.getByText('14,772 habitantes en 2 unidades')).toBeVisible();
  await page.getByRole('button', { name: 'Quitar 07-182 SAN JOSE ACULCO' }).click();
  await expect(chosen.getByRole('listitem')).toHaveText(['07-001 ACULCO (PBLO)×']);

  await page.getByRole('button', { name: 'Crear proceso' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Unidades territoriales: 07-001 ACULCO (PBLO)')).toBeVisible();
  await app.screenshot('unit-picker-02-process-offline');

  await context.setOffline(false);
  await app.expectNothingPending();
});
