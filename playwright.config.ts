import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

// One password for the e2e accounts, made per run and inherited by the web server and the workers.
process.env.E2E_PASSWORD ??= `e2e-${randomBytes(12).toString('base64url')}`;
const PORT = Number(process.env.E2E_PORT ?? 4319);
// Where the PWA is built for this run, and where results go (separate runs may work side by side).
const DIST = process.env.E2E_DIST ?? 'dist';
const OUTPUT = process.env.E2E_OUTPUT ?? 'test-results';
const PREBUILT = process.env.E2E_PREBUILT === '1' && existsSync(`${DIST}/index.html`);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['html', { open: 'never', outputFolder: `${OUTPUT}-report` }]],
  outputDir: OUTPUT,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'allow',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    // CI builds dist/ once for the budget check; E2E_PREBUILT=1 serves that build instead of making it again.
    command: `${PREBUILT ? '' : `npx vite build --outDir ${DIST} --emptyOutDir && `}node tests/e2e/support/e2e-server.mjs`,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(PORT), HOST: '127.0.0.1', STATIC_DIR: DIST },
  },
});
