#!/usr/bin/env node
/**
 * The journeys lane: what a DJ does in a real VS Code with this extension, through the UI.
 * VS Code = code-server (installed by scripts/setup-code-server.sh into a cache outside the
 * clone; quick when cached) on 127.0.0.1, with the extension installed as a link to this clone
 * (as scripts/start.mjs does), driven by playwright-core in headless Chromium (/usr/bin/chromium).
 *
 *   node test/journeys/run-journeys.mjs            (build first: node esbuild.mjs)
 *
 * Environment: JOURNEYS_GREP=<text> runs only journeys whose name contains it;
 *              CODE_SERVER_CACHE=<dir> setup-code-server.sh's cache folder; CHROMIUM_BIN (default
 *              /usr/bin/chromium); JOURNEYS_KEEP=1 keeps the temporary profile and workspaces;
 *              JOURNEYS_README_IMAGES=<dir> also saves the README's screenshots there (j.readmeShot;
 *              `npm run screenshots` = test/journeys/readme-screenshots.mjs).
 *
 * Each journey gets a fresh temporary workspace (byte-exact copies of corpus fixtures) and a fresh
 * browser window, and leaves test-results/journeys/NN-<id>.png (plus extra NN-<id>-<step>.png).
 * A failed journey also leaves NN-<id>.code-server.log, .browser-console.log and, when found,
 * .exthost.log and .rekordbox-midi.log (the extension's output channel) there.
 * Prints one line per journey and, last, `N passed, N failed`; exits non-zero when a journey failed,
 * the lane could not start, or no journey ran.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startController } from './controller.mjs';
import { journeys } from './journeys.mjs';
import { openWorkbench } from './ui.mjs';

const require = createRequire(import.meta.url);
const { freePort, loadPlaywright, setupCodeServer } = require('../../scripts/codeServerSetup.js');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const corpus = path.join(root, 'test', 'fixtures', 'corpus');
const outDir = path.join(root, 'test-results', 'journeys');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const README_IMAGES = process.env.JOURNEYS_README_IMAGES ? path.resolve(process.env.JOURNEYS_README_IMAGES) : undefined;
const JOURNEY_TIMEOUT = 300_000;
const STARTUP_TIMEOUT = 120_000;
const t0 = Date.now();
const secs = (from = t0) => ((Date.now() - from) / 1000).toFixed(1) + 's';
const say = (...a) => console.log('journeys:', ...a);
const sleep = ms => new Promise(r => setTimeout(r, ms));

let tmp; // profile, logs and workspaces of this run
let cs; // code-server (leader of its own process group)
let browser;
let jack; // JACK for journeys with `midi: true` (test/midi/jack.js)
const controllers = []; // simulated controllers the journeys started

function finish(passed, failed, ok, why) {
  if (why) console.error(`journeys: ${why}`);
  say(`${secs()}; screenshots in ${path.relative(root, outDir)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = ok && failed === 0 && passed > 0 ? 0 : 1;
}

function killCodeServer(signal) {
  if (!cs || cs.pid === undefined) return;
  try {
    process.kill(-cs.pid, signal);
  } catch {
    /* gone */
  }
}
process.on('exit', () => killCodeServer('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, async () => {
    console.error(`journeys: ${sig}: stopping`);
    await stopAll();
    process.exit(130);
  });
}

async function stopAll() {
  if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
  browser = undefined;
  killCodeServer('SIGTERM');
  for (let i = 0; i < 30 && cs && cs.exitCode === null && cs.signalCode === null; i++) await sleep(100);
  killCodeServer('SIGKILL'); // the extension hosts and language servers are in the same group
  for (const controller of controllers.splice(0)) await controller.exit().catch(() => {});
  await jack?.stop().catch(() => {});
  jack = undefined;
  if (tmp && process.env.JOURNEYS_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  else if (tmp) say(`kept ${tmp}`);
}

/** A profile of its own with the extension installed as a link to this clone (as scripts/start.mjs does). */
function makeProfile() {
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.symlinkSync(root, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  // The same test profile as the editor lane.
  fs.copyFileSync(path.join(root, 'test', 'editor', 'test-settings.json'), path.join(userDataDir, 'User', 'settings.json'));
  return { userDataDir, extensionsDir };
}

async function startCodeServer(env, { userDataDir, extensionsDir }) {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const logFile = path.join(tmp, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  cs = spawn(
    env.CODE_SERVER_NODE,
    [env.CODE_SERVER_BIN, '--config', '/dev/null', '--bind-addr', host, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    {
      detached: true, // own process group: stopped as a whole
      stdio: ['ignore', log, log],
      // With JACK: REKORDBOX_MIDI_NATIVE_MODULE for the MIDI hosts the extension starts.
      env: {
        EXTENSIONS_GALLERY: '{}',
        ...process.env,
        ...(jack?.env ?? {}),
        XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
        XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
      },
    },
  );
  fs.closeSync(log);
  const deadline = Date.now() + STARTUP_TIMEOUT;
  for (;;) {
    try {
      if ((await fetch(`http://${host}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    if (cs.exitCode !== null || cs.signalCode !== null) {
      throw new Error(`code-server exited (${cs.exitCode ?? cs.signalCode}): ${fs.readFileSync(logFile, 'utf8').slice(-500)}`);
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer within ${STARTUP_TIMEOUT / 1000} s`);
    await sleep(250);
  }
  return { host, logFile };
}

const slug = name => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** Logs of the extension hosts written since `since` (the window this journey opened). */
function extensionHostLogs(userDataDir, since) {
  const found = [];
  const walk = dir => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^(remoteexthost\.log|\d+-Rekordbox MIDI\.log)$/.test(e.name) && fs.statSync(p).mtimeMs >= since) found.push(p);
    }
  };
  try {
    walk(path.join(userDataDir, 'logs'));
  } catch {
    /* no logs yet */
  }
  return found;
}

/**
 * The README's first command, as a newcomer runs it: scripts/start.mjs (what `npm start` runs after
 * its build) with its own code-server and profile, forced to code-server even where `code` is on
 * PATH. Resolves once it has printed its URL; `stop()` is Ctrl+C (SIGINT) and waits for it to exit.
 */
async function startNpmStart() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--code-server', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise(resolve => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL within ${STARTUP_TIMEOUT / 1000} s: ${output.slice(-300)}`)), STARTUP_TIMEOUT);
    const read = chunk => {
      output += chunk;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(code => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before printing its URL: ${output.slice(-300)}`));
    });
  });
  return {
    url,
    output: () => output,
    // Where scripts/start.mjs keeps its profile and log.
    logFile: path.join(root, '.vscode-test', 'start', 'code-server.log'),
    userDataDir: path.join(root, '.vscode-test', 'start', 'user-data'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      return Promise.race([exited, sleep(15_000).then(() => 'still running 15 s after Ctrl+C')]);
    },
  };
}

async function runJourney(index, journey, ctx) {
  const base = `${String(index + 1).padStart(2, '0')}-${journey.id ?? slug(journey.name)}`;
  const started = Date.now();
  const workspace = path.join(tmp, 'workspaces', base);
  fs.mkdirSync(workspace, { recursive: true });
  for (const f of journey.files) fs.copyFileSync(path.join(corpus, f), path.join(workspace, f)); // byte-exact copies
  // A journey's own files and settings. code-server's window is a remote one: settings of scope
  // "machine" (the Rekordbox folders) are read only from the server's Machine/settings.json, the
  // others from User/settings.json; both files are put back afterwards.
  const settingsFiles = ['User', 'Machine'].map(scope => path.join(ctx.userDataDir, scope, 'settings.json'));
  const baseSettings = settingsFiles.map(f => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined));
  const prepared = journey.prepare ? journey.prepare(workspace, { fixture: f => path.join(corpus, f) }) : {};
  if (prepared.settings) {
    settingsFiles.forEach((f, i) => {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, JSON.stringify({ ...JSON.parse(baseSettings[i] ?? '{}'), ...prepared.settings }, null, 2));
    });
  }
  const consoleFile = path.join(tmp, `${base}.browser-console.log`);
  const consoleLog = fs.createWriteStream(consoleFile);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', m => {
    consoleLines.push(`[${m.type()}] ${m.text()}`);
    consoleLog.write(`[${m.type()}] ${m.text()}\n`);
  });
  page.on('pageerror', e => consoleLog.write(`[pageerror] ${e.stack || e.message}\n`));
  const notes = [];
  let npmStart;
  const j = {
    page,
    /** For a journey marked `npmStart: true`: what scripts/start.mjs printed so far. */
    npmStartOutput: () => npmStart?.output() ?? '',
    path: f => path.join(workspace, f),
    fixture: f => path.join(corpus, f),
    note: text => notes.push(text),
    /** What the browser's console said so far (every frame: the workbench and the webviews). */
    consoleLines: () => [...consoleLines],
    shot: async label => page.screenshot({ path: path.join(outDir, `${base}-${label}.png`) }),
    /**
     * With JOURNEYS_README_IMAGES set: saves `<name>.png` there, cropped to what the README shows (the
     * union of `regions`, Playwright locators or {x, y, width, height}, plus a margin). Otherwise nothing.
     */
    readmeShot: async (name, regions, margin = 12) => {
      if (!README_IMAGES) return;
      const boxes = [];
      for (const region of regions) boxes.push(typeof region?.boundingBox === 'function' ? await region.boundingBox() : region);
      const found = boxes.filter(b => b && b.width > 0 && b.height > 0);
      if (found.length === 0) throw new Error(`README screenshot ${name}: nothing on screen to frame`);
      const viewport = page.viewportSize();
      const x = Math.max(0, Math.min(...found.map(b => b.x)) - margin);
      const y = Math.max(0, Math.min(...found.map(b => b.y)) - margin);
      const right = Math.min(viewport.width, Math.max(...found.map(b => b.x + b.width)) + margin);
      const bottom = Math.min(viewport.height, Math.max(...found.map(b => b.y + b.height)) + margin);
      fs.mkdirSync(README_IMAGES, { recursive: true });
      await page.screenshot({ path: path.join(README_IMAGES, `${name}.png`), clip: { x, y, width: right - x, height: bottom - y } });
      notes.push(`README screenshot: ${path.relative(root, path.join(README_IMAGES, `${name}.png`))}`);
    },
    /** A simulated controller on real (JACK) ports; journeys with `midi: true` only. */
    controller: name => {
      if (!jack) throw new Error('controller(): mark the journey `midi: true`');
      const controller = startController(name, jack.env);
      controllers.push(controller);
      return controller;
    },
  };
  let error;
  let timer;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`journey timed out after ${JOURNEY_TIMEOUT / 1000} s`)), JOURNEY_TIMEOUT);
    });
    await Promise.race([
      (async () => {
        if (journey.npmStart) npmStart = await startNpmStart();
        await openWorkbench(page, npmStart ? npmStart.url : `http://${ctx.host}/?folder=${encodeURIComponent(workspace)}`);
        await journey.run(j);
        await page.waitForTimeout(300); // let the last repaint land in the screenshot
      })(),
      timeout,
    ]);
  } catch (e) {
    error = e;
  } finally {
    clearTimeout(timer);
  }
  for (const controller of controllers.splice(0)) await controller.exit().catch(() => {});
  const shot = path.join(outDir, `${base}.png`);
  await page.screenshot({ path: shot, timeout: 30_000 }).catch(e => notes.push(`no screenshot: ${e.message.split('\n')[0]}`));
  await context.close().catch(() => {});
  settingsFiles.forEach((f, i) => (baseSettings[i] === undefined ? fs.rmSync(f, { force: true }) : fs.writeFileSync(f, baseSettings[i])));
  await new Promise(r => consoleLog.end(r));
  if (npmStart) {
    // Ctrl+C must stop it and its code-server: a newcomer's machine is left as it was.
    const stopped = await npmStart.stop();
    if (!error && stopped !== 0) error = new Error(`npm start after Ctrl+C: ${stopped}`);
  }
  if (error) {
    fs.copyFileSync(consoleFile, path.join(outDir, `${base}.browser-console.log`));
    const logs = npmStart ?? ctx;
    if (fs.existsSync(logs.logFile)) fs.copyFileSync(logs.logFile, path.join(outDir, `${base}.code-server.log`));
    for (const log of extensionHostLogs(logs.userDataDir, started)) {
      const kind = log.endsWith('Rekordbox MIDI.log') ? 'rekordbox-midi' : 'exthost';
      fs.copyFileSync(log, path.join(outDir, `${base}.${kind}.log`));
    }
  }
  const status = error ? 'FAIL' : 'ok';
  console.log(`${status} - ${journey.name} (${secs(started)})`);
  for (const n of notes) console.log(`    ${n}`);
  if (error) {
    console.log(
      `    ${String(error.message).split('\n').slice(0, 3).join('\n    ')}\n` +
        `    screenshot and logs: ${path.relative(root, outDir)}/${base}.*`,
    );
  } else console.log(`    screenshot: ${path.relative(root, shot)}`);
  return !error;
}

async function main() {
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(root, f))) return finish(0, 0, false, `${f} is missing: run \`node esbuild.mjs\` first`);
  }
  const grep = process.env.JOURNEYS_GREP;
  const selected = journeys.filter(jr => !grep || jr.name.includes(grep));
  if (selected.length === 0) return finish(0, 0, false, `no journey matches JOURNEYS_GREP=${grep}`);

  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (/\.(png|log)$/.test(f)) fs.rmSync(path.join(outDir, f));

  let env;
  try {
    env = setupCodeServer();
  } catch (e) {
    return finish(0, 0, false, `setup failed: ${e.message.split('\n')[0]}`);
  }
  say(`setup done (${secs()})`);

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rekordbox-midi-journeys-'));
  let ctx;
  try {
    // Real MIDI ports only when a selected journey needs them (no skip: a failure says why).
    if (selected.some(jr => jr.midi)) {
      jack = await require('../midi/jack.js').startJack({ log: line => say(line) });
      say(`JACK ready (${secs()})`);
    }
    const profile = makeProfile();
    const { host, logFile } = await startCodeServer(env, profile);
    ctx = { host, logFile, userDataDir: profile.userDataDir };
    const { chromium } = loadPlaywright(env.PLAYWRIGHT_CORE);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    say(`code-server on ${host}, Chromium ${browser.version()} (${secs()})`);
  } catch (e) {
    if (ctx?.logFile && fs.existsSync(ctx.logFile)) fs.copyFileSync(ctx.logFile, path.join(outDir, 'code-server.log'));
    else if (fs.existsSync(path.join(tmp, 'code-server.log'))) fs.copyFileSync(path.join(tmp, 'code-server.log'), path.join(outDir, 'code-server.log'));
    await stopAll();
    return finish(0, 0, false, `the lane could not start: ${e.message.split('\n')[0]}`);
  }

  let passed = 0;
  let failed = 0;
  for (const [i, journey] of journeys.entries()) {
    if (!selected.includes(journey)) continue;
    let ok = false;
    try {
      ok = await runJourney(i, journey, ctx);
    } catch (e) {
      console.log(`FAIL - ${journey.name}: the runner failed: ${e.message.split('\n')[0]}`);
    }
    if (ok) passed++;
    else failed++;
    if (cs.exitCode !== null || cs.signalCode !== null) {
      fs.copyFileSync(ctx.logFile, path.join(outDir, 'code-server.log'));
      const left = selected.length - passed - failed;
      await stopAll();
      return finish(passed, failed + left, false, `code-server exited (${cs.exitCode ?? cs.signalCode}); ${left} journeys not run`);
    }
  }
  await stopAll();
  return finish(passed, failed, true);
}

main().catch(async e => {
  await stopAll().catch(() => {});
  finish(0, 0, false, `unexpected: ${e?.stack ?? e}`);
});
