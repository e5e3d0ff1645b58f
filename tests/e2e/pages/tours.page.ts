/** Page object of the tour screen (`/sessions/:id/tour`): controls, live status and figures, in Spanish. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

export class TourScreen {
  constructor(readonly page: Page) {}

  get status() {
    return this.page.getByTestId('tour-status');
  }

  get distance() {
    return this.page.getByTestId('tour-distance');
  }

  button(name: 'Iniciar recorrido' | 'Pausar' | 'Reanudar' | 'Terminar' | 'Continuar el recorrido') {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Points recorded so far, as the status line says. */
  async pointCount(): Promise<number> {
    const text = (await this.page.getByTestId('tour-points').textContent()) ?? '';
    return Number(/(\d+)/.exec(text)?.[1] ?? '0');
  }

  /** Moves the tablet and waits until the screen counts the new point. */
  async moveTo(context: BrowserContext, position: { latitude: number; longitude: number }) {
    const before = await this.pointCount();
    await context.setGeolocation({ ...position, accuracy: 6 });
    await expect.poll(() => this.pointCount(), { timeout: 15_000 }).toBeGreaterThan(before);
  }
}
