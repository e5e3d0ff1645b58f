/** `/territory` (coordinators): the borough's units imported from the real file, and its directorates. */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const REAL_TERRITORY_FILE = path.resolve(
  '..',
  'shared',
  'data',
  'iztapalapa-unidades-territoriales-2022.geojson',
);

export class TerritoryAdminPage {
  constructor(readonly page: Page) {}

  /**
   * Imports the borough's 295 units (the same file again only updates them) and waits until they
   * are on this device. Directorates are left as they are (another spec creates them).
   */
  async importRealFile() {
    await this.page.goto('/territory');
    await expect(this.page.getByRole('heading', { name: 'Territorio', level: 1 })).toBeVisible();
    await this.page.getByLabel('Archivo GeoJSON').setInputFiles(REAL_TERRITORY_FILE);
    await this.page.getByRole('button', { name: 'Importar' }).click();
    const report = this.page.getByRole('status').filter({ hasText: 'Resultado de la importación' });
    await expect(report).toContainText('295 unidades', { timeout: 60_000 });
    await expect(this.page.getByRole('heading', { name: 'Unidades territoriales (295)' })).toBeVisible({
      timeout: 60_000,
    });
  }
}
