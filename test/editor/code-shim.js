#!/usr/bin/env node
/*
 * A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
 *
 * It takes the command line test-electron gives a desktop VS Code (--extensionDevelopmentPath,
 * --extensionTestsPath, --user-data-dir, --extensions-dir, [folder]; other flags are ignored) and
 * runs the extension tests in code-server's extension host (the real VS Code server, Node), with
 * the workbench opened by a headless Chromium. It exits with the tests' exit code.
 *
 * Environment:
 *   CODE_SERVER_NODE, CODE_SERVER_BIN, PLAYWRIGHT_CORE
 *                                      printed by setup-code-server.sh; when unset, the shim runs
 *                                      setup-code-server.sh (quick when its cache is present)
 *   CHROMIUM_BIN                       default /usr/bin/chromium
 *   SHIM_TIMEOUT_MS                    whole run, default 600000 (10 min)
 *   SHIM_STARTUP_TIMEOUT_MS            code-server answering /healthz, default 60000
 *
 * Kept in the user-data-dir after the run (point it at .vscode-test/ or /tmp):
 *   code-server.log      code-server's stdout and stderr
 *   browser-console.log  the workbench page's console
 *   automation.log       everything the smoke-test driver forwarded (test output + workbench chatter)
 *   logs/<time>/...      VS Code's own logs, among them the extension host's (exthost*.log)
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const util = require('util');
const { freePort, loadPlaywright, setupCodeServer } = require('../../scripts/codeServerSetup');

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const TIMEOUT = +(process.env.SHIM_TIMEOUT_MS || 600000);
const STARTUP_TIMEOUT = +(process.env.SHIM_STARTUP_TIMEOUT_MS || 60000);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Workbench log lines that say nothing about the tests (first line of a message). */
const WORKBENCH_CHATTER = new RegExp('^(' + [
  'Ignoring fetching additional builtin extensions', 'Creating a socket', 'Resolving connection token', 'Resolved connection token',
  '\\[reconnection-grace-time\\]', '\\[Service Worker\\]', '\\[AgentHost', '\\[AccountPolicyGate\\]', 'Creation of workbench contribution',
  'Timed out waiting for authentication provider', 'Updating additional builtin extensions cache', '\\s*$',
].join('|') + ')');
const say = (...a) => console.error('code-shim:', ...a);

// ---- command line (test-electron's contract) -------------------------------------------------
const devPaths = [];
const folders = [];
let testsPath;
let userDataDir;
let extensionsDir;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const valueOf = name => {
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
    if (a === `--${name}` && i + 1 < argv.length) return argv[++i];
    return undefined;
  };
  let v;
  if ((v = valueOf('extensionDevelopmentPath')) !== undefined) devPaths.push(path.resolve(v));
  else if ((v = valueOf('extensionTestsPath')) !== undefined) testsPath = path.resolve(v);
  else if ((v = valueOf('user-data-dir')) !== undefined) userDataDir = path.resolve(v);
  else if ((v = valueOf('extensions-dir')) !== undefined) extensionsDir = path.resolve(v);
  else if (!a.startsWith('-')) folders.push(path.resolve(a));
  // Electron / desktop-only flags (--no-sandbox, --disable-updates, --skip-welcome, ...) do not apply.
}
if (!testsPath) {
  say('--extensionTestsPath is required (this shim only runs extension tests)');
  process.exit(2);
}

// ---- code-server location ----------------------------------------------------------------------
function codeServerPaths() {
  const fromEnv = {
    CODE_SERVER_NODE: process.env.CODE_SERVER_NODE,
    CODE_SERVER_BIN: process.env.CODE_SERVER_BIN,
    PLAYWRIGHT_CORE: process.env.PLAYWRIGHT_CORE,
  };
  const env = fromEnv.CODE_SERVER_NODE && fromEnv.CODE_SERVER_BIN ? fromEnv : setupCodeServer();
  const { CODE_SERVER_NODE: node, CODE_SERVER_BIN: bin } = env;
  if (!fs.existsSync(node)) throw new Error(`Node 24 for code-server not found (${node}); run scripts/setup-code-server.sh`);
  if (!fs.existsSync(bin)) throw new Error(`code-server not found (${bin}); run scripts/setup-code-server.sh`);
  return { node, bin, playwright: env.PLAYWRIGHT_CORE };
}

// ---- profile -----------------------------------------------------------------------------------
userDataDir ||= fs.mkdtempSync('/tmp/code-shim-udd-');
extensionsDir ||= path.join(userDataDir, 'extensions');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.mkdirSync(extensionsDir, { recursive: true });
// The test profile (test-settings.json), written fresh each run.
fs.copyFileSync(path.join(__dirname, 'test-settings.json'), path.join(userDataDir, 'User', 'settings.json'));

const sleep = ms => new Promise(r => setTimeout(r, ms));

let cs; // code-server child (leader of its own process group)
let browser;
let stopping;
function killGroup(signal) {
  if (!cs || cs.pid === undefined) return;
  try { process.kill(-cs.pid, signal); } catch { /* gone */ }
}
async function stopAll() {
  if (stopping) return stopping;
  stopping = (async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5000)]);
    killGroup('SIGTERM');
    for (let i = 0; i < 20 && cs && cs.exitCode === null && cs.signalCode === null; i++) await sleep(100);
    killGroup('SIGKILL'); // the extension host and the language server are in the same group
  })();
  return stopping;
}
// Last resort: whatever way this process ends, code-server's group goes with it.
process.on('exit', () => killGroup('SIGKILL'));
let exiting = false;
async function finish(code) {
  if (exiting) return;
  exiting = true;
  await stopAll();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => { say(`${sig}: stopping`); void finish(130); });
// test-electron killed without a signal reaching us: we are re-parented; stop.
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) { say('parent process gone: stopping'); void finish(1); } }, 2000).unref();

(async () => {
  const timer = setTimeout(() => { say(`timeout after ${TIMEOUT} ms; logs in ${userDataDir}`); void finish(124); }, TIMEOUT);
  let code;
  try {
    const { node, bin, playwright } = codeServerPaths();
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const csLog = fs.createWriteStream(path.join(userDataDir, 'code-server.log'));
    cs = spawn(node, [bin, '--config', '/dev/null', '--bind-addr', host, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver',
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir], {
      detached: true, // own process group: killed as a whole
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { EXTENSIONS_GALLERY: '{}', ...process.env,
        XDG_CONFIG_HOME: path.join(userDataDir, 'xdg-config'), XDG_DATA_HOME: path.join(userDataDir, 'xdg-data') },
    });
    cs.stdout.pipe(csLog);
    cs.stderr.pipe(csLog);
    const csExited = new Promise(r =>
      cs.once('exit', (c, s) => r(`code-server exited (${c ?? s}) before the tests finished; see ${path.join(userDataDir, 'code-server.log')}`)),
    );

    const deadline = Date.now() + STARTUP_TIMEOUT;
    for (;;) {
      try { const r = await fetch(`http://${host}/healthz`); if (r.ok) break; } catch { /* not yet */ }
      if (cs.exitCode !== null || cs.signalCode !== null) throw new Error(await csExited);
      if (Date.now() > deadline) throw new Error(`code-server did not answer within ${STARTUP_TIMEOUT} ms; see ${path.join(userDataDir, 'code-server.log')}`);
      await sleep(250);
    }

    const { chromium } = loadPlaywright(playwright);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60000 });
    const page = await browser.newPage();
    const consoleLog = fs.createWriteStream(path.join(userDataDir, 'browser-console.log'));
    page.on('console', m => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', e => consoleLog.write(`[pageerror] ${e.stack || e.message}\n`));
    let done;
    const exited = new Promise(r => (done = r));
    // The smoke-test driver forwards the test run's output and its exit code through these two.
    // The workbench's own chatter comes the same way: all of it goes to automation.log, and what is
    // not known chatter to our output too.
    const automationLog = fs.createWriteStream(path.join(userDataDir, 'automation.log'));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = util.format(...(args || []));
      automationLog.write(`[${type}] ${text}\n`);
      if (!WORKBENCH_CHATTER.test(text)) (type === 'error' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', c => done(typeof c === 'number' ? c : 1));
    const crashed = new Promise(r => {
      page.on('crash', () => r('the workbench page crashed'));
      browser.on('disconnected', () => r('Chromium went away'));
    });
    const remote = p => `vscode-remote://${host}${p}`;
    const payload = [...devPaths.map(p => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(testsPath)]];
    const q = folders[0] ? `folder=${encodeURIComponent(folders[0])}&` : 'ew=true&';
    await page.goto(`http://${host}/?${q}payload=${encodeURIComponent(JSON.stringify(payload))}`, { timeout: 120000 });
    const result = await Promise.race([exited, crashed.then(m => { throw new Error(m); }), csExited.then(m => { throw new Error(m); })]);
    code = result;
  } catch (e) {
    say(e && e.message ? e.message : String(e));
    say(`logs: ${userDataDir} (code-server.log, browser-console.log, logs/*/exthost*)`);
    code = 1;
  }
  clearTimeout(timer);
  await finish(code);
})();
