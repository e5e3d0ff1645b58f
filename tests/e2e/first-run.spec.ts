/**
 * A fresh server has no accounts and no default password: `npm start` prints a one-time setup
 * code, the browser opens the first-run page, and the code creates the first administrator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4319) + 1;
let server: ChildProcess;
let dataDir: string;
let setupCode: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tequio-first-run-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  setupCode = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no setup code printed:\n${out}`)), 30_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /setup code: (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

test('the first visit to a fresh server creates the administrator with the printed code', async ({
  page,
}) => {
  const base = `http://127.0.0.1:${PORT}`;
  await page.goto(`${base}/`);
  await expect(page.getByRole('heading', { name: 'Primera configuración' })).toBeVisible();

  await page.getByLabel('Código de instalación').fill('0000-0000');
  await page.getByLabel('Usuario').fill('admin');
  await page.getByLabel('Nombre para mostrar').fill('Ana López');
  await page.getByRole('textbox', { name: 'Contraseña', exact: true }).fill('una contraseña larga');
  await page.getByLabel('Repite la contraseña').fill('una contraseña larga');
  await page.getByRole('button', { name: 'Crear cuenta y entrar' }).click();
  await expect(page.getByText('El código de instalación no es correcto.', { exact: false })).toBeVisible();

  await page.getByLabel('Código de instalación').fill(setupCode);
  await page.getByRole('button', { name: 'Crear cuenta y entrar' }).click();
  await expect(page.getByRole('heading', { name: 'Procesos' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/00-first-run-done.png', fullPage: true });

  // The code is single use: the setup endpoint now refuses.
  const again = await page.request.post(`${base}/api/v1/setup`, {
    data: {
      code: setupCode,
      username: 'otra',
      displayName: 'Otra',
      password: 'una contraseña larga',
      deviceLabel: 'x',
    },
  });
  expect(again.status()).toBe(409);
});
