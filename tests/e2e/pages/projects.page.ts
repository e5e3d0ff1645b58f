/** Page objects for the vision and for projects and actions, in Spanish, by role and label. */
import { expect, type Page } from '@playwright/test';

/** `/processes/:id/vision/new`: a statement of the neighbourhood the community wants. */
export class VisionFormPage {
  constructor(readonly page: Page) {}

  async create(text: string, theme: string, problems: string[]) {
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Nuevo enunciado de la visión' }),
    ).toBeVisible();
    await this.page.getByLabel('El barrio que queremos').fill(text);
    await this.page.getByLabel('Área temática').selectOption({ label: theme });
    for (const title of problems) await this.page.getByRole('checkbox', { name: new RegExp(title) }).check();
    await this.page.getByRole('button', { name: 'Guardar enunciado' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Visión del barrio' })).toBeVisible();
  }
}

/** `/processes/:id/projects/new`: a project, or an action of one. */
export class ProjectFormPage {
  constructor(readonly page: Page) {}

  async create(input: { title: string; theme: string; problems?: string[]; visions?: string[] }) {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nuevo proyecto o acción' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Título', exact: true }).fill(input.title);
    await this.page.getByLabel('Área temática').selectOption({ label: input.theme });
    for (const title of input.problems ?? [])
      await this.page.getByRole('checkbox', { name: new RegExp(title) }).check();
    for (const text of input.visions ?? [])
      await this.page.getByRole('checkbox', { name: new RegExp(text) }).check();
    await this.page.getByRole('button', { name: 'Guardar proyecto' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
  }
}
