/** Page objects for the Local Agenda: assembling a version, the assembly's show of hands, the printed document. */
import { expect, type Page } from '@playwright/test';

/** `/processes/:id/agenda`. */
export class AgendaPage {
  constructor(readonly page: Page) {}

  /** "Armar la Agenda" with a changelog line; lands on the new version. Returns the time it took (ms). */
  async assemble(changelog: string): Promise<number> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Agenda Local de Desarrollo Comunitario' }),
    ).toBeVisible();
    await this.page.getByLabel('Qué cambia en esta versión').fill(changelog);
    const started = Date.now();
    await this.page.getByRole('button', { name: 'Armar la Agenda' }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: /^Agenda Local · Versión \d+$/ }),
    ).toBeVisible();
    return Date.now() - started;
  }
}

/** The "Validación de la Agenda" section of a community assembly's page. */
export class ShowOfHands {
  constructor(readonly page: Page) {}

  get section() {
    return this.page.getByRole('region', { name: 'Validación de la Agenda' });
  }

  async record(votes: { for: number; against: number; abstain: number }) {
    const section = this.section;
    await section.getByLabel('A favor', { exact: true }).fill(String(votes.for));
    await section.getByLabel('En contra', { exact: true }).fill(String(votes.against));
    await section.getByLabel('Abstenciones', { exact: true }).fill(String(votes.abstain));
    await section.getByRole('button', { name: 'Registrar la votación' }).click();
  }
}

/** `/agenda/:id`: the document of a version. */
export class AgendaDocumentPage {
  constructor(readonly page: Page) {}

  document(processName: string) {
    return this.page.getByRole('article', { name: processName });
  }

  /** The section headings of the document, in order. */
  async sectionHeadings(processName: string): Promise<string[]> {
    return this.document(processName).getByRole('heading', { level: 2 }).allInnerTexts();
  }
}
