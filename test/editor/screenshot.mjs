#!/usr/bin/env node
/**
 * Looks at a running VS Code for the Web (e.g. the one `npm start` serves) the way a user does:
 * headless Chromium opens the URL, double-clicks a mapping in the Explorer, waits for the language
 * mode and the error squiggles, opens the Problems panel and saves a screenshot.
 *
 *   node test/editor/screenshot.mjs <url> [file-in-explorer=with-mistakes.midi.csv] [out=.vscode-test/start/screenshot.png]
 *
 * Prints one `ok - ...` / `FAIL - ...` line per check and exits non-zero when one failed.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { loadPlaywright, setupCodeServer } = require('../../scripts/codeServerSetup.js');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const [url, file = 'with-mistakes.midi.csv', out = path.join(root, '.vscode-test', 'start', 'screenshot.png')] = process.argv.slice(2);
if (!url) {
  console.error('usage: screenshot.mjs <url> [file] [out.png]');
  process.exit(2);
}

function playwright() {
  try {
    return loadPlaywright();
  } catch {
    return loadPlaywright(setupCodeServer().PLAYWRIGHT_CORE);
  }
}

const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const { chromium } = playwright();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
let failed = 0;
const check = async (name, fn) => {
  try {
    await fn();
    log('ok -', name);
  } catch (e) {
    failed++;
    log('FAIL -', name, '-', e.message.split('\n')[0]);
  }
};
try {
  const page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage();
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  log('workbench visible');
  await check(`${file} opens from the Explorer`, async () => {
    const row = page.locator(`.explorer-folders-view .monaco-list-row:has-text("${file}")`);
    await row.waitFor({ timeout: 30000 });
    await row.dblclick();
    await page.waitForSelector(`.tab.active:has-text("${file}")`, { timeout: 15000 });
  });
  await check('language mode is Rekordbox MIDI Mapping', async () => {
    await page.waitForSelector('.statusbar-item:has-text("Rekordbox MIDI Mapping")', { timeout: 20000 });
  });
  await check('error squiggles appear', async () => {
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
    log('  squiggles:', await page.locator('.monaco-editor .squiggly-error').count());
  });
  await check('the Problems panel lists the errors', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15000 });
    log('  problems rows:', await page.locator('.markers-panel .monaco-list-row').count());
  });
  await page.waitForTimeout(500);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  log('screenshot', out);
} catch (e) {
  failed++;
  log('FAIL -', e.message.split('\n')[0]);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
