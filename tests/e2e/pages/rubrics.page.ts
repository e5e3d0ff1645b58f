/** Page objects for rubrics: the process page's "Rúbricas" section, the score form and the averages. */
import { expect, type Page } from '@playwright/test';

export class ProcessRubricsSection {
  constructor(readonly page: Page) {}

  get region() {
    return this.page.getByRole('region', { name: 'Rúbricas' });
  }

  async scoreMoment(
    moment: 'Autodiagnóstico' | 'Construcción de imaginarios' | 'Planeación de proyectos y acciones',
  ) {
    await this.region.getByRole('link', { name: moment, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Calificar con rúbrica' })).toBeVisible();
  }

  /** The score cards of the history (oldest first). */
  get scores() {
    return this.region.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 4 }) });
  }
}

export class ScoreRubricForm {
  constructor(readonly page: Page) {}

  get template() {
    return this.page.getByLabel('Plantilla');
  }

  /** Taps the level button of one criterion (by its label). */
  async chooseLevel(criterion: string, level: 1 | 2 | 3 | 4) {
    const group = this.page.getByRole('radiogroup', { name: criterion });
    await group.getByRole('radio', { name: new RegExp(`^Nivel ${level}`) }).check();
  }

  async comment(text: string) {
    await this.page.getByLabel('Comentario').fill(text);
  }

  async addGroupInterview(text: string, participants: number) {
    await this.page.getByRole('button', { name: 'Agregar entrevista grupal' }).click();
    const note = this.page.getByRole('group', { name: /Entrevista grupal \d+/ }).last();
    await note.getByLabel('Notas de la entrevista').fill(text);
    await note.getByLabel('Número de participantes').fill(String(participants));
  }

  async save() {
    await this.page.getByRole('button', { name: 'Guardar calificación' }).click();
    await expect(this.page.getByText(/Calificación guardada en este dispositivo/)).toBeVisible();
  }
}

/** `/rubrics` and `/rubrics/averages`, reached from the app-wide link. */
export class RubricsPages {
  constructor(readonly page: Page) {}

  async openTemplates() {
    await this.page
      .getByRole('navigation', { name: 'Secciones' })
      .getByRole('link', { name: 'Rúbricas' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Rúbricas' })).toBeVisible();
  }

  async openAverages() {
    await this.openTemplates();
    await this.page.getByRole('link', { name: 'Promedios' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Promedios de rúbricas' })).toBeVisible();
  }

  table(name: string) {
    return this.page.getByRole('table', { name });
  }
}
