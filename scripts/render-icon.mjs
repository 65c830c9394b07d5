#!/usr/bin/env node
/**
 * Renders media/icon.svg to media/icon.png (128×128, transparent corners), the Marketplace icon
 * (vsce refuses SVG icons). Uses the headless Chromium and playwright-core the editor lane already
 * has (scripts/codeServerSetup.js), so no image library is added to the project.
 *
 *   node scripts/render-icon.mjs
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { loadPlaywright, setupCodeServer } = require('./codeServerSetup.js');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'media', 'icon.svg');
const target = path.join(root, 'media', 'icon.png');
const SIZE = 128;

function playwright() {
  try {
    return loadPlaywright();
  } catch {
    return loadPlaywright(setupCodeServer().PLAYWRIGHT_CORE);
  }
}

const { chromium } = playwright();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  const svg = fs.readFileSync(source, 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: target, omitBackground: true });
  console.log(`${path.relative(root, target)}: ${fs.statSync(target).size} bytes`);
} finally {
  await browser.close();
}
