/** Page object: the tour note form and the tour's notes list, in Spanish, by role and label. */
import { expect, type Page } from '@playwright/test';

export class TourNoteFormPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Nueva nota del recorrido' });
  }

  get locationStatus() {
    return this.page.getByRole('group', { name: 'Ubicación' }).getByRole('status');
  }

  async fill(input: { area: string; description: string; severity: string }) {
    await this.page
      .getByRole('group', { name: /Área temática/ })
      .getByRole('radio', { name: input.area })
      .check();
    await this.page.getByLabel(/Descripción breve/).fill(input.description);
    await this.page
      .getByRole('group', { name: /Gravedad/ })
      .getByRole('radio', { name: input.severity })
      .check();
  }

  /** Picks files as the tablet's camera hands them to the page. */
  async attach(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.locator('#note-photos').setInputFiles(files);
    await expect(this.page.getByRole('button', { name: 'Tomar foto' })).toBeEnabled();
  }

  photo(number: number) {
    return this.page.getByRole('img', { name: `Foto ${number} de la nota` });
  }

  get saveButton() {
    return this.page.getByRole('button', { name: 'Guardar nota' });
  }
}

export class TourNotesListPage {
  constructor(readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Notas del recorrido' });
  }

  note(description: string) {
    return this.region.getByRole('link', { name: new RegExp(description) });
  }
}
