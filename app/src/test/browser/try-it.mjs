// Fills the service's try-it page in headless Chromium and waits for the thumbnail to be drawn.
// Usage: node try-it.mjs <service base URL> <frame> [chromium path] [fields]
// fields: a JSON object of more form fields, e.g. {"#orient": "wcs", "#ticks": true}: selects are
// selected, checkboxes checked, other inputs filled.
// Prints one JSON line: {"status": "...", "answer": {...} or null, "naturalWidth": N}. Exit 0 when the image loaded.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, frame, executablePath = '/usr/bin/chromium', fieldsJson = '{}'] = process.argv.slice(2);
const fields = JSON.parse(fieldsJson);
const profile = mkdtempSync(join(tmpdir(), 'thumbs-chromium-'));
// Flags that keep Chromium off the network it cannot reach here (it would retry for ever) and out of sandboxes root cannot use.
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true });
try {
  const page = await context.newPage();
  await page.goto(base, { waitUntil: 'load' });
  await page.fill('#frame', frame);
  await page.fill('#width', '300');
  await page.fill('#height', '300');
  for (const [selector, value] of Object.entries(fields)) {
    const kind = await page.$eval(selector, el => el.tagName === 'SELECT' ? 'select' : el.type);
    if (kind === 'select') await page.selectOption(selector, String(value));
    else if (kind === 'checkbox') await page.setChecked(selector, Boolean(value));
    else await page.fill(selector, String(value));
  }
  await page.click('#submit');
  await page.waitForFunction(() => {
    const img = document.getElementById('thumbnail');
    return img && !img.hidden && img.complete && img.naturalWidth > 0;
  }, null, { timeout: 60000 });
  const result = await page.evaluate(() => ({
    status: document.getElementById('status').textContent,
    answer: document.getElementById('answer').hidden ? null : JSON.parse(document.getElementById('answer').textContent),
    naturalWidth: document.getElementById('thumbnail').naturalWidth,
  }));
  console.log(JSON.stringify(result));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
