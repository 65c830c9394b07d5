#!/usr/bin/env node
/**
 * `npm start` (after `node esbuild.mjs`): opens examples/ in a real VS Code with this extension loaded.
 *
 *   - desktop VS Code when `code` is on PATH:  code --extensionDevelopmentPath=<repo> examples/ ...
 *   - otherwise code-server (VS Code in the browser), installed by scripts/setup-code-server.sh
 *     into a cache outside the clone, listening on 127.0.0.1 only, with the extension loaded from
 *     this folder; it prints the URL to open and runs until Ctrl+C.
 *
 * Options: --port N (or PORT=N; default 8080, or a free port when 8080 is taken),
 *          --code-server (use code-server even when `code` is on PATH; or REKORDBOX_MIDI_START=code-server),
 *          [folder] (default examples/, or test/fixtures/corpus when examples/ has no mapping).
 * Profile and logs of the code-server run: .vscode-test/start/ (ignored by git).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { setupCodeServer } = createRequire(import.meta.url)('./codeServerSetup.js');
const args = process.argv.slice(2);
const flag = name => args.includes(name);
const option = name => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !['--port'].includes(args[i - 1]));

const hasMappings = dir => fs.existsSync(dir) && fs.readdirSync(dir).some(f => /\.midi\.csv$/i.test(f));
const folder = positional[0]
  ? path.resolve(positional[0])
  : hasMappings(path.join(root, 'examples'))
    ? path.join(root, 'examples')
    : path.join(root, 'test', 'fixtures', 'corpus');
if (!fs.existsSync(folder)) {
  console.error(`start: ${folder} does not exist`);
  process.exit(2);
}
if (!fs.existsSync(path.join(root, 'dist', 'client.js'))) {
  console.error('start: dist/client.js is missing: run `node esbuild.mjs` (npm start does)');
  process.exit(2);
}
const withMistakes = path.join(folder, 'with-mistakes.midi.csv');

const onPath = cmd => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const forceCodeServer = flag('--code-server') || process.env.REKORDBOX_MIDI_START === 'code-server';

if (!forceCodeServer && onPath('code')) {
  // Desktop VS Code: an Extension Development Host window with examples/ open.
  const codeArgs = [`--extensionDevelopmentPath=${root}`, folder, ...(fs.existsSync(withMistakes) ? [withMistakes] : [])];
  console.log(`start: code ${codeArgs.join(' ')}`);
  const child = spawn('code', codeArgs, { stdio: 'inherit' });
  child.on('exit', code => process.exit(code ?? 0));
} else {
  await startCodeServer();
}

async function startCodeServer() {
  // 1. code-server (cached; a few minutes the first time).
  let env;
  try {
    env = setupCodeServer();
  } catch (e) {
    console.error(`start: installing code-server failed (${e.message.split('\n')[0]})`);
    process.exit(1);
  }

  // 2. A profile of its own, with the extension "installed" as a link to this folder.
  const base = path.join(root, '.vscode-test', 'start');
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.symlinkSync(root, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({
      'workbench.startupEditor': 'none',
      // VS Code 1.139 opens an empty secondary side bar (chat) by default: room for the mapping instead.
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'chat.disableAIFeatures': true,
      'security.workspace.trust.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
    }, null, 1));
  }

  // 3. code-server on the loopback interface only.
  const port = await pickPort(Number(option('--port') || process.env.PORT || 8080));
  const host = `127.0.0.1:${port}`;
  const log = fs.openSync(path.join(base, 'code-server.log'), 'w');
  const cs = spawn(env.CODE_SERVER_NODE, [env.CODE_SERVER_BIN, '--config', '/dev/null', '--bind-addr', host, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { EXTENSIONS_GALLERY: '{}', ...process.env, XDG_CONFIG_HOME: path.join(base, 'xdg-config'), XDG_DATA_HOME: path.join(base, 'xdg-data') },
  });
  let stopping = false;
  const stop = code => {
    if (stopping) return;
    stopping = true;
    try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ }
    setTimeout(() => {
      try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ }
      process.exit(code);
    }, 1000).unref();
  };
  process.on('SIGINT', () => { console.log('\nstart: stopping code-server'); stop(0); });
  process.on('SIGTERM', () => stop(0));
  process.on('exit', () => { try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ } });
  cs.on('exit', code => {
    if (stopping) return;
    console.error(`start: code-server exited (${code}); see ${path.relative(root, path.join(base, 'code-server.log'))}`);
    process.exit(1);
  });

  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://${host}/healthz`)).ok) break;
    } catch { /* not yet */ }
    if (i > 240) {
      console.error(`start: code-server did not start; see ${path.relative(root, path.join(base, 'code-server.log'))}`);
      stop(1);
      return;
    }
    await new Promise(r => setTimeout(r, 250));
  }
  const url = `http://${host}/?folder=${encodeURIComponent(folder)}`;
  console.log(`start: VS Code (code-server) with the Rekordbox MIDI extension from ${root}`);
  const hint = fs.existsSync(withMistakes) ? ' (open with-mistakes.midi.csv to see the diagnostics)' : '';
  console.log(`start: folder ${path.relative(root, folder) || '.'}${hint}`);
  console.log(`start: logs in ${path.relative(root, base)}/; Ctrl+C stops`);
  console.log(url);
}

function pickPort(preferred) {
  const tryPort = p => new Promise(resolve => {
    const s = net.createServer();
    s.once('error', () => resolve(undefined));
    s.listen(p, '127.0.0.1', () => { const got = s.address().port; s.close(() => resolve(got)); });
  });
  return tryPort(preferred).then(p => p ?? tryPort(0));
}
