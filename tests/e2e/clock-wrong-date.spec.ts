/**
 * A tablet whose date jumps a year ahead while it is out of coverage: the session recorded
 * there reaches the server stamped with the server's time (not a year ahead, where it would
 * beat every later edit), the tablet holds the same stamps, and the tablet tells its user
 * that the date is wrong, by how much, and that the change was saved with the server's time.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AppPage, PASSWORD, ProcessesPage, SessionFormPage } from './pages/app.page';

const YEAR = 365 * 24 * 3_600_000;
const MAX_AHEAD = 5 * 60_000;

test.beforeAll(() => mkdirSync('test-results/screens', { recursive: true }));

interface PulledRecord {
  entity: string;
  id: string;
  fields: Record<string, unknown>;
  hlcs: Record<string, string>;
}

/** Every record the server holds for `username`, by pulling as a script would. */
async function pullAll(request: APIRequestContext, username: string): Promise<PulledRecord[]> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username, password: PASSWORD, deviceLabel: 'Verificación e2e' },
  });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const records = new Map<string, PulledRecord>();
  let cursor: string | null = null;
  for (;;) {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}&limit=1000` : '?limit=1000';
    const response = await request.get(`/api/v1/sync/pull${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.ok()).toBe(true);
    const page = (await response.json()) as { cursor: string; hasMore: boolean; changes: PulledRecord[] };
    for (const change of page.changes) records.set(`${change.entity}:${change.id}`, change);
    if (!page.hasMore) return [...records.values()];
    cursor = page.cursor;
  }
}

/** The device's own copy of a session (read straight from IndexedDB). */
async function localSession(page: Page, title: string) {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tequio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<{ id: string; fields: { title: string }; hlcs: Record<string, string> }[]>(
      (resolve, reject) => {
        const request = db.transaction('sessions').objectStore('sessions').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      },
    );
    db.close();
    return rows.find((row) => row.fields.title === wanted) ?? null;
  }, title);
}

test('a tablet dated a year ahead: its offline session reaches the server with the server time, and it says why', async ({
  browser,
  request,
}) => {
  const tabletContext = await browser.newContext();
  await tabletContext.clock.install(); // the tablet's own clock, right for now
  const tablet = await tabletContext.newPage();
  const app = new AppPage(tablet);

  await app.signIn('rosa');
  await app.waitForOfflineReady();
  const processName = `Proceso San Lorenzo ${Date.now()}`;
  await new ProcessesPage(tablet).create(processName, '07-014');
  await app.expectNothingPending();

  // Out of coverage, the tablet's date jumps a year ahead; the facilitator records an assembly.
  await tabletContext.setOffline(true);
  await tabletContext.clock.setSystemTime(Date.now() + YEAR);
  await expect(app.syncIndicator).toContainText('Sin conexión');
  await tablet.getByRole('link', { name: 'Nueva sesión' }).click();
  const form = new SessionFormPage(tablet);
  const title = 'Asamblea con la fecha adelantada';
  await form.fillBasics({
    type: 'Asamblea comunitaria',
    title,
    date: '2026-12-03',
    place: 'Casa ejidal',
  });
  await form.tapPlus('Mujeres', 'Personas adultas', 2);
  await form.save();
  await expect(tablet.getByRole('link', { name: new RegExp(title) })).toBeVisible();
  await expect(app.syncIndicator).toContainText('1 cambio por enviar');
  const offline = (await localSession(tablet, title))!;
  expect(Date.parse(offline.hlcs.title!.slice(0, 24))).toBeGreaterThan(Date.now() + YEAR - 3_600_000);

  // Back online: it syncs, and the header says at once what happened.
  await tabletContext.setOffline(false);
  await app.expectNothingPending();
  await expect(app.syncIndicator).toContainText('Fecha adelantada 1 año');
  await expect(app.syncIndicator).toContainText('1 cambio guardado con la hora del servidor');
  await app.screenshot('clock-01-header');

  // The server holds the session, stamped with its own time, and the tablet holds the same stamps.
  const server = (await pullAll(request, 'coordinadora')).find(
    (r) => r.entity === 'session' && r.fields.title === title,
  );
  expect(server).toBeDefined();
  for (const stamp of Object.values(server!.hlcs)) {
    expect(Date.parse(stamp.slice(0, 24))).toBeLessThanOrEqual(Date.now() + MAX_AHEAD);
  }
  expect((await localSession(tablet, title))!.hlcs).toEqual(server!.hlcs);

  // The sync page explains: the date is wrong, by how much, what to do, and that nothing was lost.
  await app.syncIndicator.click();
  await expect(tablet.getByRole('heading', { level: 1, name: 'Sincronización' })).toBeVisible();
  const alert = tablet.getByRole('alert').filter({ hasText: 'adelantadas 1 año' });
  await expect(alert).toContainText(
    'La fecha y hora de este dispositivo están adelantadas 1 año respecto al servidor.',
  );
  await expect(alert).toContainText('Corrígelas en los ajustes del dispositivo');
  await expect(tablet.getByRole('status').filter({ hasText: 'no se perdió nada' })).toContainText(
    '1 cambio de este dispositivo se guardó con la hora del servidor en lugar de la del dispositivo',
  );
  const axe = await new AxeBuilder({ page: tablet }).analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  await app.screenshot('clock-02-sync-page');

  // Still a year ahead, the next edit is stamped with the server's time: nothing more to re-stamp.
  await tablet.goBack();
  await tablet.getByRole('link', { name: new RegExp(title) }).click();
  await tablet.getByLabel('Lugar').fill('Casa ejidal, patio');
  await form.save();
  await app.expectNothingPending();
  await expect(app.syncIndicator).toContainText('1 cambio guardado con la hora del servidor');
  const edited = (await localSession(tablet, title))!;
  expect(Date.parse(edited.hlcs.place!.slice(0, 24))).toBeLessThanOrEqual(Date.now() + MAX_AHEAD);

  // Another device sees the session as it was recorded.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  const officeApp = new AppPage(office);
  await officeApp.signIn('coordinadora');
  await new ProcessesPage(office).open(processName);
  await office.getByRole('link', { name: new RegExp(title) }).click();
  await expect(office.getByLabel('Lugar')).toHaveValue('Casa ejidal, patio');
  await expect(new SessionFormPage(office).total).toHaveText('Total: 2 asistentes');

  await tabletContext.close();
  await officeContext.close();
});
