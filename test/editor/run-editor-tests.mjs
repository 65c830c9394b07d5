#!/usr/bin/env node
/**
 * The editor lane: the mocha suite of test/editor/suite run inside a real VS Code's extension host
 * through @vscode/test-electron's runTests.
 *
 *   - default (offline, here and in CI): VS Code = code-server + headless Chromium, through the
 *     stand-in executable test/editor/code-shim.js; code-server is installed by
 *     scripts/setup-code-server.sh into a cache outside the clone (quick when cached);
 *   - VSCODE_EXECUTABLE=/path/to/code : that executable (a desktop VS Code, or another shim);
 *   - REKORDBOX_MIDI_DESKTOP=1        : test-electron downloads desktop VS Code (VSCODE_VERSION,
 *                                       default "stable"; needs internet and a display or xvfb-run).
 *
 * Builds nothing: run `node esbuild.mjs && npx tsc -p .` first.
 * The last line printed is `N passed, N failed` (mocha tests); the exit status is non-zero when a
 * test failed or the lane could not start (setup failed, VS Code did not start, no test ran).
 * Kept after the run in .vscode-test/editor/: results.json, user-data/ (code-server.log,
 * browser-console.log, logs/*: the extension host's and the "Rekordbox MIDI" output channel's logs).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { setupCodeServer } = require('../../scripts/codeServerSetup.js');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const laneDir = path.join(root, '.vscode-test', 'editor');
const userDataDir = path.join(laneDir, 'user-data');
const extensionsDir = path.join(laneDir, 'extensions');
const resultsFile = path.join(laneDir, 'results.json');
const workspace = path.join(root, 'test', 'fixtures', 'workspace');
const testsPath = path.join(root, 'out', 'test', 'editor', 'suite', 'index');
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + 's';

// Everything the child prints goes through here too, so the counts can be read from the output
// when the results file is missing.
let output = '';
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (output.length > 4_000_000) output = output.slice(-2_000_000);
    return write(chunk, ...rest);
  };
}

function finish(passed, failed, ok, why) {
  if (why) console.error(`editor lane: ${why}`);
  console.log(`editor lane: ${secs()}; logs in ${path.relative(root, laneDir)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
}

function removeTemporaryFiles() {
  for (const name of fs.readdirSync(workspace)) {
    if (name.startsWith('tmp-')) fs.rmSync(path.join(workspace, name), { recursive: true, force: true });
  }
}

async function main() {
  for (const f of ['dist/client.js', 'dist/server.js', 'out/test/editor/suite/index.js']) {
    if (!fs.existsSync(path.join(root, f))) return finish(0, 0, false, `${f} is missing: run \`node esbuild.mjs && npx tsc -p .\` first`);
  }
  let runTests;
  try {
    ({ runTests } = require('@vscode/test-electron'));
    require.resolve('mocha');
  } catch (e) {
    return finish(0, 0, false, `a devDependency is missing (${e.message.split('\n')[0]}): npm install`);
  }

  const env = {
    REKORDBOX_MIDI_EDITOR_RESULTS: resultsFile,
    REKORDBOX_MIDI_USER_DATA_DIR: userDataDir,
    ...(process.env.REKORDBOX_MIDI_EDITOR_GREP ? { REKORDBOX_MIDI_EDITOR_GREP: process.env.REKORDBOX_MIDI_EDITOR_GREP } : {}),
  };
  let vscodeExecutablePath;
  let mode;
  if (process.env.VSCODE_EXECUTABLE) {
    vscodeExecutablePath = path.resolve(process.env.VSCODE_EXECUTABLE);
    mode = `VS Code at ${vscodeExecutablePath}`;
  } else if (process.env.REKORDBOX_MIDI_DESKTOP === '1') {
    mode = `desktop VS Code (${process.env.VSCODE_VERSION || 'stable'}, downloaded by @vscode/test-electron)`;
  } else {
    vscodeExecutablePath = path.join(here, 'code-shim.js');
    mode = 'code-server + headless Chromium (test/editor/code-shim.js)';
    try {
      Object.assign(env, setupCodeServer());
    } catch (e) {
      return finish(0, 0, false, `setup failed: ${e.message.split('\n')[0]}`);
    }
    console.log(`editor lane: setup done (${secs()})`);
  }
  console.log(`editor lane: running the suite in ${mode}`);

  removeTemporaryFiles();
  fs.rmSync(resultsFile, { force: true });
  fs.rmSync(userDataDir, { recursive: true, force: true }); // a fresh profile each run
  fs.mkdirSync(userDataDir, { recursive: true });

  let runError;
  try {
    await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: process.env.VSCODE_VERSION || 'stable' }),
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, '--disable-extensions'],
      extensionTestsEnv: env,
    });
  } catch (e) {
    runError = e;
  } finally {
    removeTemporaryFiles();
  }

  let passed = 0;
  let failed = 0;
  let counted = false;
  try {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    passed = results.passed;
    failed = results.failed;
    counted = true;
    for (const t of results.tests.filter(t => t.state === 'failed')) console.error(`FAILED: ${t.title}\n  ${t.error.split('\n').slice(0, 4).join('\n  ')}`);
  } catch {
    // No results file: read mocha's own summary ("N passing", "N failing") or the suite's result line.
    const line = /EDITOR_SUITE_RESULT (\{.*\})/.exec(output);
    if (line) {
      ({ passed, failed } = JSON.parse(line[1]));
      counted = true;
    } else {
      const p = /(\d+) passing/.exec(output);
      const f = /(\d+) failing/.exec(output);
      if (p || f) {
        passed = p ? +p[1] : 0;
        failed = f ? +f[1] : 0;
        counted = true;
      }
    }
  }
  if (!counted) {
    const logs = fs.existsSync(path.join(userDataDir, 'code-server.log')) ? `: see ${path.relative(root, userDataDir)}/code-server.log` : '';
    return finish(0, 0, false, `no test ran${runError ? ` (${runError.message})` : ''}${logs}`);
  }
  if (runError && failed === 0) return finish(passed, failed, false, `VS Code exited with an error (${runError.message}) although no test failed`);
  return finish(passed, failed, !runError);
}

main().catch(e => finish(0, 0, false, `unexpected: ${e?.stack ?? e}`));
