// Draws Tequio's icon as SVG and renders the PNG sizes the manifest needs with
// the system Chromium (no image tools on the build machines). Run once after
// changing the drawing: `node scripts/make-icons.mjs`; the outputs are committed.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = join(root, 'public');

const GREEN = '#00563f';
const MARIGOLD = '#ffbf00';
const CREAM = '#ffffff';

// Three people side by side over a shared bar: the collective work (tequio) the programme revives.
const motif = `
  <circle cx="150" cy="214" r="38" fill="${CREAM}"/>
  <circle cx="362" cy="214" r="38" fill="${CREAM}"/>
  <circle cx="256" cy="176" r="46" fill="${CREAM}"/>
  <path d="M92 336a58 58 0 0 1 116 0z" fill="${CREAM}"/>
  <path d="M304 336a58 58 0 0 1 116 0z" fill="${CREAM}"/>
  <path d="M184 336a72 72 0 0 1 144 0z" fill="${CREAM}"/>
  <rect x="92" y="350" width="328" height="36" rx="18" fill="${MARIGOLD}"/>`;

/** `maskable`: full-bleed background, motif shrunk into the safe zone (the central 80 % circle). */
function iconSvg({ maskable = false } = {}) {
  const background = maskable
    ? `<rect width="512" height="512" fill="${GREEN}"/>`
    : `<rect width="512" height="512" rx="96" fill="${GREEN}"/>`;
  const content = maskable
    ? `<g transform="translate(256 256) scale(0.78) translate(-256 -256)">${motif}</g>`
    : motif;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${background}${content}</svg>`;
}

const outputs = [
  { file: 'icons/icon-192.png', size: 192, maskable: false },
  { file: 'icons/icon-512.png', size: 512, maskable: false },
  { file: 'icons/icon-maskable-512.png', size: 512, maskable: true },
  { file: 'icons/apple-touch-icon.png', size: 180, maskable: true },
];

await mkdir(join(publicDir, 'icons'), { recursive: true });
await writeFile(join(publicDir, 'favicon.svg'), `${iconSvg()}\n`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();
  for (const { file, size, maskable } of outputs) {
    await page.setViewportSize({ width: size, height: size });
    const svg = iconSvg({ maskable }).replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(join(publicDir, file), png);
    console.log(`wrote public/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
