/** Page objects of the office's accounts and enrolment codes, and the tablet's "Entrar con código". */
import { expect, type Page } from '@playwright/test';
import jsQR from 'jsqr';

export class AccountsPage {
  constructor(readonly page: Page) {}

  /** From the user's menu, as a coordinator finds it. */
  async open() {
    await this.page
      .getByRole('banner')
      .getByRole('button', { name: /Laura|Coordinadora/ })
      .click();
    await this.page.getByRole('link', { name: 'Cuentas' }).click();
    await expect(this.page.getByRole('heading', { name: 'Cuentas', level: 1 })).toBeVisible();
  }

  async fillNew(input: { username: string; displayName: string; role: string; password: string }) {
    await this.page.getByRole('link', { name: 'Nueva cuenta' }).click();
    await expect(this.page.getByRole('heading', { name: 'Nueva cuenta', level: 1 })).toBeVisible();
    await this.page.getByLabel('Usuario').fill(input.username);
    await this.page.getByLabel('Nombre para mostrar').fill(input.displayName);
    await this.page.getByLabel('Rol').selectOption({ label: input.role });
    await this.page.getByLabel('Contraseña inicial').fill(input.password);
    await this.page.getByLabel('Repite la contraseña').fill(input.password);
  }

  async submitNew() {
    await this.page.getByRole('button', { name: 'Crear cuenta' }).click();
  }

  card(displayName: string) {
    return this.page.getByRole('listitem', { name: displayName });
  }
}

export class EnrolmentPage {
  constructor(readonly page: Page) {}

  async issue() {
    await this.page.getByRole('button', { name: 'Generar código' }).click();
    const code = this.page.locator('.enrolment-code');
    await expect(code).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    return (await code.textContent())!;
  }

  /** Reads the QR code on screen as a camera would: its pixels, decoded by jsQR. */
  async decodeQr(): Promise<string | null> {
    const image = this.page.getByRole('img', { name: /Código QR de inscripción/ });
    await expect(image).toBeVisible();
    const pixels = await image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 400;
      canvas.height = 400;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 400, 400);
      context.drawImage(img, 20, 20, 360, 360);
      return Array.from(context.getImageData(0, 0, 400, 400).data);
    });
    return jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data ?? null;
  }
}

export class EnrolPage {
  constructor(readonly page: Page) {}

  async enrolWith(code: string) {
    await this.page.goto('/login');
    await this.page.getByRole('link', { name: 'Entrar con código' }).click();
    await expect(this.page.getByRole('heading', { name: 'Entrar con código', level: 1 })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Código', exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Entrar', exact: true }).click();
  }
}
