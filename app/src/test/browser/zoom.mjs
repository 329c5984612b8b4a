// Opens a frame in the try-it page's zoom view (OpenSeadragon) in headless Chromium, waits for the
// first screen, then zooms all the way in and waits again.
// Usage: node zoom.mjs <service base URL> <frame> [chromium path] [colour]
// With "colour", the form's Colour box is ticked first (the view opens the frame's colour composite).
// Prints one JSON line: {"info": N, "first": [tile URLs], "deeper": [tile URLs], "litPixels": N,
// "colouredPixels": N, "firstScreenMs": N}: tile URLs as the service saw them requested, litPixels
// the canvas pixels brighter than black after the first screen, colouredPixels those whose R, G and
// B differ by more than 8, firstScreenMs from the click to the whole view drawn.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, frame, executablePath = '/usr/bin/chromium', mode = ''] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'thumbs-chromium-'));
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true });
try {
  const page = await context.newPage();
  await page.setViewportSize({ width: 480, height: 800 });
  const tiles = [];
  let info = 0;
  page.on('response', response => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/iiif/3/')) return;
    if (path.endsWith('/info.json')) info++;
    else if (response.status() === 200) tiles.push(path);
  });
  await page.goto(base, { waitUntil: 'load' });
  await page.fill('#frame', frame);
  if (mode === 'colour') await page.check('#color');
  const fullyLoaded = () => {
    const item = window.zoomViewer && window.zoomViewer.world.getItemAt(0);
    return Boolean(item && item.getFullyLoaded());
  };
  const started = Date.now();
  await page.click('#zoom-open');
  await page.waitForFunction(fullyLoaded, null, { timeout: 60000, polling: 20 });
  const firstScreenMs = Date.now() - started;
  const [litPixels, colouredPixels] = await page.evaluate(() => {
    const canvas = document.querySelector('#viewer canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let lit = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] + data[i + 1] + data[i + 2] > 30) lit++;
      const max = Math.max(data[i], data[i + 1], data[i + 2]);
      const min = Math.min(data[i], data[i + 1], data[i + 2]);
      if (max - min > 8) coloured++;
    }
    return [lit, coloured];
  });
  const first = tiles.splice(0);
  await page.evaluate(() => {
    const viewport = window.zoomViewer.viewport;
    viewport.zoomTo(viewport.getMaxZoom(), viewport.getCenter(), true);
  });
  // Fully loaded again, with the tiles of the new zoom in.
  await page.waitForTimeout(200);
  await page.waitForFunction(fullyLoaded, null, { timeout: 60000, polling: 20 });
  console.log(JSON.stringify({ info, first, deeper: tiles, litPixels, colouredPixels, firstScreenMs }));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
