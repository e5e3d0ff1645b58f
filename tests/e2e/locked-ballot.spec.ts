/**
 * The secret ballot in real Chromium: Rosa opens a dot vote and locks the tablet with a PIN before
 * passing it round. The voter holding it sees only the ballot and its confirmation, and cannot
 * reach the results, the board count, the session, the menu, the language or sign-out — not by
 * tapping, not by Tab, not with the Back button, not by typing another address and not by
 * reloading. A tap on "Desbloquear" does nothing; held down it asks for the PIN; a wrong PIN is
 * refused in Spanish; the right one opens the round again, and only then the results.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, ProcessesPage, SessionFormPage } from './pages/app.page';
import { NewRoundFormPage, ProblemFormPage, RoundScreen } from './pages/prioritisation.page';

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

const PIN = '2468';
const FORBIDDEN =
  /Resultados|Conteo del pizarrón|Volver a la sesión|Cerrar sesión|Salir|English|Español|Rosa|Sincroniz|Procesos/;

/** Only the ballot, its confirmation and the unlock button are on screen. */
async function expectLocked(page: Page, roundTitle: string, roundPath: string) {
  await expect(page.getByText('Votación en curso: pantalla bloqueada')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: roundTitle })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Desbloquear (solo quien facilita)' })).toBeVisible();
  await expect(page.getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: FORBIDDEN })).toHaveCount(0);
  await expect(page.getByText(/participantes?$|Resultados/)).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe(roundPath);
}

/** Presses Tab `times` times and describes every element that took the focus. */
async function tabThrough(page: Page, times: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
        return `${el.tagName.toLowerCase()}|${el.getAttribute('href') ?? ''}|${name.trim().replace(/\s+/g, ' ')}`;
      }),
    );
  }
  return seen;
}

test('a voter cannot leave the locked ballot; the facilitator unlocks it with the PIN and sees the results', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const processName = `Proceso Buenavista ${stamp}`;
  const roundTitle = `Votación secreta ${stamp}`;
  const [water, trash] = ['Falta de agua', 'Basura en la barranca'];
  const app = new AppPage(page);
  const round = new RoundScreen(page);

  // Rosa prepares the assembly: a process, a session, two problems and a dot vote.
  await app.signIn('rosa');
  await new ProcessesPage(page).create(processName, '07-104');
  await page.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(page);
  await form.fillBasics({
    type: 'Asamblea comunitaria',
    title: 'Asamblea de votación',
    date: '2026-11-22',
    place: 'Salón ejidal',
  });
  await form.tapPlus('Mujeres', 'Personas adultas', 3);
  await form.save();
  await page.getByRole('link', { name: /Asamblea de votación/ }).click();
  const sessionUrl = page.url();
  await page
    .getByRole('region', { name: 'Priorización' })
    .getByRole('link', { name: 'Registrar un problema' })
    .click();
  const problems = new ProblemFormPage(page);
  await problems.create(water, 'Agua');
  await page.getByRole('link', { name: 'Nuevo problema' }).click();
  await problems.create(trash, 'Medio ambiente');
  await page.goto(sessionUrl);
  await page
    .getByRole('region', { name: 'Priorización' })
    .getByRole('link', { name: 'Nueva votación' })
    .click();
  await new NewRoundFormPage(page).openDots(roundTitle, 3, true);
  const roundPath = new URL(page.url()).pathname;

  // She locks the screen with a PIN chosen twice; the form says why a PIN and how it is kept.
  await page.getByRole('button', { name: 'Bloquear la pantalla para votar' }).click();
  await expect(page.getByText(/se guarda únicamente en este dispositivo y cifrado/i)).toBeVisible();
  await page.getByLabel('PIN para desbloquear (de 4 a 8 números)').fill('24');
  await page.getByLabel('Escribe el PIN otra vez').fill('24');
  await page.getByRole('button', { name: 'Bloquear y pasar la tableta' }).click();
  await expect(page.getByText('El PIN debe tener de 4 a 8 números, sin letras ni espacios.')).toBeVisible();
  await page.getByLabel('PIN para desbloquear (de 4 a 8 números)').fill(PIN);
  await page.getByLabel('Escribe el PIN otra vez').fill(PIN);
  await page.getByRole('button', { name: 'Bloquear y pasar la tableta' }).click();
  await expectLocked(page, roundTitle, roundPath);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await app.screenshot('locked-01-ballot');

  // A voter votes and passes the tablet on; the confirmation shows, and nothing else.
  await round.castDots({ [water]: 2, [trash]: 1 });
  await expect(page.getByText('1 boleta registrada en esta votación')).toBeVisible();
  await expectLocked(page, roundTitle, roundPath);

  // The keyboard reaches only the ballot and the unlock button.
  const focused = await tabThrough(page, 25);
  expect(focused.filter((f) => f.startsWith('a|'))).toEqual([]);
  expect(focused.filter((f) => FORBIDDEN.test(f))).toEqual([]);
  expect(focused.some((f) => f.includes('Desbloquear (solo quien facilita)'))).toBe(true);

  // The Back button, another address, a reload: still the locked ballot.
  for (let i = 0; i < 3; i++) {
    await page.goBack();
    await expectLocked(page, roundTitle, roundPath);
  }
  await page.goto('/');
  await expectLocked(page, roundTitle, roundPath);
  await page.goto('/sync');
  await expectLocked(page, roundTitle, roundPath);
  await page.goto(sessionUrl);
  await expectLocked(page, roundTitle, roundPath);
  await page.reload();
  await expectLocked(page, roundTitle, roundPath);
  await page.goBack();
  await expectLocked(page, roundTitle, roundPath);
  await expect(page.getByText('1 boleta registrada en esta votación')).toBeVisible();

  // A second voter, after all that.
  await round.castDots({ [trash]: 3 });
  await expect(page.getByText('2 boletas registradas en esta votación')).toBeVisible();

  // A tap on "Desbloquear" opens nothing; it says to hold it.
  const unlock = page.getByRole('button', { name: 'Desbloquear (solo quien facilita)' });
  await unlock.click();
  await expect(
    page.getByText('Para desbloquear, mantén presionado el botón durante 2 segundos.'),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'PIN', exact: true })).toHaveCount(0);

  // Held with the keyboard, it asks for the PIN; a wrong one is refused in Spanish and the screen stays locked.
  await unlock.focus();
  await page.keyboard.down('Space');
  const pinField = page.getByRole('textbox', { name: 'PIN', exact: true });
  await expect(pinField).toBeVisible();
  await page.keyboard.up('Space');
  await expect(pinField).toBeFocused();
  await pinField.fill('1357');
  await page.getByRole('button', { name: 'Desbloquear', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'PIN incorrecto. Quedan 4 intentos antes de tener que esperar.',
  );
  await expect(page.getByRole('tab')).toHaveCount(0);
  await app.screenshot('locked-02-wrong-pin');
  await page.getByRole('button', { name: 'Volver a la pantalla bloqueada' }).click();
  await expectLocked(page, roundTitle, roundPath);

  // Held with a finger (pointer down for two seconds), then the right PIN: the round with its tabs.
  await unlock.hover();
  await page.mouse.down();
  await expect(pinField).toBeVisible();
  await page.mouse.up();
  await pinField.fill(PIN);
  await page.getByRole('button', { name: 'Desbloquear', exact: true }).click();
  await expect(round.tab('Resultados')).toBeVisible();
  await expect(page.getByText('Votación en curso: pantalla bloqueada')).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe(roundPath);
  await round.tab('Resultados').click();
  await expect(page.getByText('2 participantes')).toBeVisible();
  await expect.poll(() => round.resultRows()).toEqual([`1|${trash}|4`, `2|${water}|2`]);
  await expect(page.getByRole('banner').getByRole('link', { name: /Tequio/ })).toBeVisible();
  await app.screenshot('locked-03-unlocked-results');

  // Unlocked, a reload stays unlocked.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: roundTitle })).toBeVisible();
  await expect(round.tab('Resultados')).toBeVisible();
});
