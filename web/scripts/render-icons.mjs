// Renders the PNG app icons from the SVG sources with the system Chromium, so the PNGs in
// web/public/ (needed by Android install and iOS home screens, which ignore SVG) are ours and
// reproducible. Run after changing an icon: node web/scripts/render-icons.mjs
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const web = fileURLToPath(new URL('..', import.meta.url));
const jobs = [
  { source: 'public/icon.svg', out: 'public/icon-192.png', size: 192 },
  { source: 'public/icon.svg', out: 'public/icon-512.png', size: 512 },
  // iOS draws its own rounded corners: give it the full-bleed tile.
  { source: 'icons/icon-maskable.svg', out: 'public/apple-touch-icon.png', size: 180 },
  { source: 'icons/icon-maskable.svg', out: 'public/icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const job of jobs) {
    const svg = await readFile(`${web}${job.source}`, 'utf8');
    const page = await browser.newPage({ viewport: { width: job.size, height: job.size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${job.size}" height="${job.size}"></body></html>`,
    );
    await page.locator('img').screenshot({ path: `${web}${job.out}`, omitBackground: true });
    await page.close();
    console.log(`${job.out} (${job.size}px)`);
  }
} finally {
  await browser.close();
}
