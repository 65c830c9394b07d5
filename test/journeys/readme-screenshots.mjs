#!/usr/bin/env node
/**
 * Re-takes the README's screenshots (docs/images/*.png) in the real editor: runs every UI journey
 * (test/journeys/run-journeys.mjs: code-server, headless Chromium, JACK for the sidebar) with
 * JOURNEYS_README_IMAGES=docs/images, so each picture is cropped from a journey that also checks
 * what it shows. Fails when a journey fails or an expected picture was not written.
 *
 *   npm run screenshots          (= node esbuild.mjs && node test/journeys/readme-screenshots.mjs)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const images = path.join(root, 'docs', 'images');
/** The pictures README.md shows, each taken by a journey's j.readmeShot(name, …). */
const EXPECTED = ['walkthrough', 'hover', 'problems', 'quick-fix', 'completion', 'sidebar-monitor', 'mapping-table'];

const started = Date.now();
const run = spawnSync(process.execPath, [path.join(root, 'test', 'journeys', 'run-journeys.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, JOURNEYS_README_IMAGES: images },
});
const missing = EXPECTED.filter(name => !fs.existsSync(path.join(images, `${name}.png`)) || fs.statSync(path.join(images, `${name}.png`)).mtimeMs < started);
for (const name of EXPECTED.filter(n => !missing.includes(n))) {
  console.log(`docs/images/${name}.png  ${Math.round(fs.statSync(path.join(images, `${name}.png`)).size / 1024)} KB`);
}
if (missing.length) console.error(`screenshots: not taken this run: ${missing.map(n => `docs/images/${n}.png`).join(', ')}`);
process.exit(run.status === 0 && missing.length === 0 ? 0 : 1);
