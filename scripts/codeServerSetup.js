/**
 * What every user of code-server here needs, in one place: run scripts/setup-code-server.sh
 * (quick when its cache is there) and read the paths it prints, load playwright-core, find a free
 * loopback port. Used by `npm start` (start.mjs), render-icon.mjs, the editor lane (code-shim.js,
 * run-editor-tests.mjs, screenshot.mjs), the UI journeys and the package lane. CommonJS with no
 * dependencies, so ESM scripts load it with createRequire.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const SETUP_SCRIPT = path.join(__dirname, 'setup-code-server.sh');

/**
 * Runs the setup script (into CODE_SERVER_CACHE when set) and returns
 * `{ CODE_SERVER_NODE, CODE_SERVER_BIN, PLAYWRIGHT_CORE }`; throws when it fails or prints no usable paths.
 */
function setupCodeServer() {
  const out = execFileSync('bash', [SETUP_SCRIPT, ...(process.env.CODE_SERVER_CACHE ? [process.env.CODE_SERVER_CACHE] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 20 * 60 * 1000,
  });
  const env = {};
  for (const line of out.split('\n')) {
    const m = /^(CODE_SERVER_NODE|CODE_SERVER_BIN|PLAYWRIGHT_CORE)=(.+)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  for (const key of ['CODE_SERVER_NODE', 'CODE_SERVER_BIN']) {
    if (!env[key] || !fs.existsSync(env[key])) throw new Error(`setup-code-server.sh gave no usable ${key}`);
  }
  return env;
}

/** playwright-core: the project's own when installed, else the one setup-code-server.sh keeps in its cache. */
function loadPlaywright(fromSetup) {
  try {
    return require('playwright-core');
  } catch (e) {
    if (!fromSetup) throw e;
    return require(fromSetup);
  }
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });
}

module.exports = { setupCodeServer, loadPlaywright, freePort };
