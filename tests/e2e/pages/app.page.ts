/** Page objects: what a facilitator or coordinator sees and does, in Spanish, by role and label. */
import { expect, type Page } from '@playwright/test';

export const PASSWORD = process.env.E2E_PASSWORD!;

export class AppPage {
  constructor(readonly page: Page) {}

  async signIn(username: string) {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    await this.page.getByLabel('Usuario').fill(username);
    await this.page.getByLabel('Contraseña').fill(PASSWORD);
    await this.page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await expect(this.page.getByRole('heading', { name: 'Procesos' })).toBeVisible();
  }

  /** Waits until the service worker has the shell precached and controls the page. */
  async waitForOfflineReady() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await this.page.reload();
    await expect.poll(() => this.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  }

  get syncIndicator() {
    return this.page.getByRole('banner').getByRole('status');
  }

  async expectNothingPending() {
    await expect(this.syncIndicator).toContainText('Al día', { timeout: 30_000 });
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  }
}

export class ProcessesPage {
  constructor(readonly page: Page) {}

  async create(name: string, unitKey: string) {
    await this.page.getByRole('link', { name: 'Nuevo proceso' }).click();
    await this.page.getByLabel('Nombre del proceso').fill(name);
    const units = this.unitPicker;
    await units.fill(unitKey);
    await units.press('Enter');
    await this.page.getByRole('button', { name: 'Crear proceso' }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }

  /** The "Unidades territoriales" box of the process form: a unit's name or key, picked from a list. */
  get unitPicker() {
    return this.page.getByRole('combobox', { name: /Unidades territoriales/ });
  }

  async open(name: string) {
    await this.page.getByRole('link', { name: new RegExp(name) }).click();
    await expect(this.page.getByRole('heading', { name })).toBeVisible();
  }
}

export interface AgreementInput {
  text: string;
  responsible: string;
  dueDate: string;
}

export class SessionFormPage {
  constructor(readonly page: Page) {}

  async fillBasics(input: { type: string; title: string; date: string; place: string }) {
    await this.page.getByLabel('Tipo de sesión').selectOption({ label: input.type });
    await this.page.getByLabel('Título').fill(input.title);
    await this.page.getByRole('textbox', { name: 'Fecha', exact: true }).fill(input.date);
    await this.page.getByLabel('Lugar').fill(input.place);
  }

  async tapPlus(gender: string, age: string, times: number) {
    const button = this.page.getByRole('button', { name: `Sumar 1 a ${gender}, ${age}`, exact: true });
    for (let i = 0; i < times; i++) await button.click();
  }

  async addAgreement(a: AgreementInput) {
    await this.page.getByRole('button', { name: 'Agregar acuerdo' }).click();
    const item = this.page.getByRole('group', { name: /Acuerdo \d+/ }).last();
    await item.getByLabel('¿Qué se acordó?').fill(a.text);
    await item.getByLabel('Responsable').fill(a.responsible);
    await item.getByLabel('Fecha límite').fill(a.dueDate);
  }

  get total() {
    return this.page.locator('.attendance-total');
  }

  async save() {
    await this.page.getByRole('button', { name: /Guardar (sesión|cambios)/ }).click();
  }
}

/** Signing in again on a device whose token the server no longer accepts. */
export class SessionBanner {
  constructor(readonly page: Page) {}

  get alert() {
    return this.page.getByRole('alert').filter({ hasText: 'Tu sesión ya no es válida en este dispositivo' });
  }

  /** Follows the banner to /login and renews the session with the same account. */
  async signInAgain() {
    await this.alert.getByRole('link', { name: 'Iniciar sesión de nuevo' }).click();
    await expect(this.page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
    await expect(this.page.getByText(/Ya iniciaste sesión como/)).toBeVisible();
    await this.page.getByLabel('Contraseña').fill(PASSWORD);
    await this.page.getByRole('button', { name: 'Iniciar sesión' }).click();
  }
}

/** `/devices`: a coordinator revokes a user's device. */
export class DevicesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('banner')
      .getByRole('button', { name: /Laura|Coordinadora/ })
      .click();
    await this.page.getByRole('link', { name: 'Dispositivos' }).click();
    await expect(this.page.getByRole('heading', { name: 'Dispositivos', level: 1 })).toBeVisible();
  }

  async showDevicesOf(userOption: string, displayName: string) {
    await this.page.getByLabel('Persona').selectOption({ label: userOption });
    await expect(this.page.getByRole('heading', { name: `Dispositivos de ${displayName}` })).toBeVisible();
  }

  /** Revokes the most recent live device in the list (the newest sign-in), after confirming. */
  async revokeNewest() {
    await this.page
      .getByRole('button', { name: /^Revocar / })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: '¿Revocar este dispositivo?' });
    await dialog.getByRole('button', { name: 'Sí, revocar' }).click();
    await expect(this.page.getByText(/^Se revocó/)).toBeVisible();
  }
}

/** The "Fotos" field of the session form. */
export class PhotosFieldPage {
  constructor(readonly page: Page) {}

  /** Picks files as the camera or gallery would hand them to the page. */
  async attach(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.locator('#session-photos').setInputFiles(files);
    await expect(this.page.getByRole('button', { name: 'Agregar fotos' })).toBeEnabled();
  }

  thumbnail(number: number) {
    return this.page.getByRole('img', { name: `Foto ${number} de la sesión` });
  }
}

/** `/processes/:id`: the process at a glance — stages, team, collective — and stage transitions. */
export class ProcessDetailPage {
  constructor(readonly page: Page) {}

  /** Coordinators (online): puts these people on the team, by display name. */
  async assignTeam(displayNames: string[]) {
    await this.page.getByRole('button', { name: 'Asignar equipo' }).click();
    const team = this.page.getByRole('group', { name: 'Personas del equipo' });
    for (const name of displayNames) await team.getByRole('checkbox', { name: new RegExp(name) }).check();
    await this.page.getByRole('button', { name: 'Guardar equipo' }).click();
    const section = this.page.getByRole('region', { name: 'Equipo' });
    for (const name of displayNames) await expect(section.getByText(name)).toBeVisible();
  }

  /** Records the next stage with these sessions (by title) as evidence, and confirms it. */
  async advanceTo(stageNumber: number, evidenceTitles: string[]) {
    await this.page.getByRole('button', { name: 'Registrar un cambio de etapa' }).click();
    const evidence = this.page.getByRole('group', { name: 'Sesiones que lo respaldan' });
    for (const title of evidenceTitles)
      await evidence.getByRole('checkbox', { name: new RegExp(title) }).check();
    await this.page.getByRole('button', { name: `Avanzar a la etapa ${stageNumber}` }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Sí, avanzar' }).click();
    await expect(this.stageBadge).toContainText(`Etapa ${stageNumber} de 10`);
  }

  get stageBadge() {
    return this.page.locator('.process-summary .stage-badge').first();
  }

  get stageHistory() {
    return this.page.getByRole('region', { name: 'Historial de etapas' });
  }
}
