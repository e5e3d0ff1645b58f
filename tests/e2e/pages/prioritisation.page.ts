/** Page objects for prioritisation: problems to vote on, opening a vote, passing the tablet, results. */
import { expect, type Page } from '@playwright/test';

/** `/processes/:id/problems/new`: one problem of the self-diagnosis. */
export class ProblemFormPage {
  constructor(readonly page: Page) {}

  async create(title: string, theme: string) {
    await this.page.getByLabel('Título del problema').fill(title);
    await this.page.getByLabel('Área temática').selectOption({ label: theme });
    await this.page.getByRole('button', { name: 'Guardar problema' }).click();
    await expect(this.page.getByRole('link', { name: title }).first()).toBeVisible();
  }
}

/** `/sessions/:sessionId/rounds/new`. */
export class NewRoundFormPage {
  constructor(readonly page: Page) {}

  /** Opens a dot vote with every problem on the ballot (all are checked at first). */
  async openDots(title: string, dots: number, stacking: boolean) {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Nueva votación' })).toBeVisible();
    await this.page.getByLabel('Título de la votación').fill(title);
    await this.page.getByRole('radio', { name: /Puntos \(stickers\)/ }).check();
    await this.page.getByLabel('Puntos por persona').fill(String(dots));
    await this.page.getByLabel('Permitir varios puntos en un mismo problema').setChecked(stacking);
    await this.page.getByRole('button', { name: 'Abrir votación' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
}

/** `/rounds/:id`. */
export class RoundScreen {
  constructor(readonly page: Page) {}

  tab(name: 'Pasar la tableta' | 'Conteo del pizarrón' | 'Resultados') {
    return this.page.getByRole('tab', { name });
  }

  /** One private dot ballot: taps + on each problem as many times as dots, casts it, passes the tablet. */
  async castDots(dots: Record<string, number>): Promise<void> {
    for (const [title, n] of Object.entries(dots)) {
      const add = this.page.getByRole('button', { name: `Poner un punto en ${title}`, exact: true });
      for (let i = 0; i < n; i++) await add.click();
    }
    await this.page.getByRole('button', { name: 'Emitir voto' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: /Voto registrado \(núm\. \d+\)/ }),
    ).toBeVisible();
    await expect(this.page.getByRole('button', { name: /Poner un punto/ })).toHaveCount(0);
    await this.page.getByRole('button', { name: 'Siguiente voto' }).click();
    await expect(this.page.getByText(/Te quedan \d+ puntos/)).toBeVisible();
  }

  async annul(ballotName: string, reason: string) {
    await this.page.getByRole('button', { name: `Anular ${ballotName}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `¿Anular ${ballotName}?` });
    await dialog.getByLabel('Motivo de la anulación').fill(reason);
    await dialog.getByRole('button', { name: 'Sí, anular' }).click();
    await expect(this.page.getByText(`Se anuló ${ballotName}.`)).toBeVisible();
  }

  /** Result rows as "rank|title|points", tie marks included in the rank cell. */
  async resultRows(): Promise<string[]> {
    const rows = this.page.getByRole('table').getByRole('row');
    const texts: string[] = [];
    const count = await rows.count();
    for (let i = 1; i < count; i++) {
      const cells = rows.nth(i).locator('td, th');
      texts.push(
        [await cells.nth(0).innerText(), await cells.nth(1).innerText(), await cells.nth(2).innerText()]
          .map((s) => s.trim().replace(/\s+/g, ' '))
          .join('|'),
      );
    }
    return texts;
  }
}
