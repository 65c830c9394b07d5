#!/usr/bin/env bash
# Installs what the midi lane needs for REAL MIDI ports on a machine without an ALSA sequencer
# (these VMs have no /dev/snd): a user-space JACK server and @julusian/midi built against JACK.
#   - Debian: jackd2 (the server, jack_wait, jack_lsp), libjack-jackd2-dev + libasound2-dev (headers
#     for the build; binding.gyp links -lasound on Linux whatever the backend), and g++/make/python3
#     only when missing;
#   - @julusian/midi (same version as package.json pins) from npm, compiled from its own sources with
#     RtMidi's JACK backend instead of ALSA. Same JS and C++ as the shipped prebuild, other backend.
#
# Usage: test/midi/setup-jack.sh [DIR]
#   DIR defaults to ${XDG_CACHE_HOME:-$HOME/.cache}/rekordbox-midi-test/midi-jack (outside the clone).
# Idempotent: reuses the build in DIR; a cold run takes ~1-2 min on 2 cores (apt + one C++ build).
# Prints, as its last line:
#   MIDI_JACK_MODULE=<absolute path of the @julusian/midi package built for JACK>
# (what REKORDBOX_MIDI_NATIVE_MODULE takes).
set -euo pipefail

MIDI_VERSION=${MIDI_VERSION:-3.8.1}
NODE_GYP_VERSION=${NODE_GYP_VERSION:-11.5.0}
DIR=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/rekordbox-midi-test/midi-jack}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
log() { echo "setup-jack: $*" >&2; }

# One installer at a time per cache folder (the lane and the bench may start together).
if command -v flock >/dev/null; then
  exec 9>"$DIR/.lock"
  flock -w 900 9 || { log "could not lock $DIR/.lock"; exit 1; }
fi

# 1. Debian packages, only when missing (apt-get update only then).
need=()
command -v jackd >/dev/null 2>&1 && command -v jack_wait >/dev/null 2>&1 || need+=(jackd2)
dpkg -s libjack-jackd2-dev >/dev/null 2>&1 || need+=(libjack-jackd2-dev)
dpkg -s libasound2-dev >/dev/null 2>&1 || need+=(libasound2-dev)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if ((${#need[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
      log "need root (or password-less sudo) to apt-get install ${need[*]}"; exit 1
    fi
  fi
  command -v apt-get >/dev/null || { log "no apt-get on this machine: install ${need[*]} by other means"; exit 1; }
  log "apt-get install ${need[*]}"
  $SUDO apt-get update -qq >"$DIR/apt-update.log" 2>&1 || { log "apt-get update failed; see $DIR/apt-update.log"; exit 1; }
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >"$DIR/apt-install.log" 2>&1 ||
    { log "apt-get install failed; see $DIR/apt-install.log"; exit 1; }
fi

# 2. @julusian/midi from npm, its install script NOT run (it would fetch nothing but could pick the
#    ALSA prebuild); then node-gyp builds build/Release/midi.node, which pkg-prebuilds prefers over
#    prebuilds/. --no-as-needed keeps libjack linked (RtMidi's JACK code is reached only through
#    symbols the linker would otherwise think unused: the process then dies on a missing symbol).
MODULE=$DIR/pkg/node_modules/@julusian/midi
STAMP=$DIR/pkg/.done-$MIDI_VERSION-jack
if [ ! -f "$STAMP" ] || [ ! -f "$MODULE/build/Release/midi.node" ]; then
  log "building @julusian/midi@$MIDI_VERSION against JACK (one C++ build; about a minute)"
  rm -rf "$DIR/pkg"; mkdir -p "$DIR/pkg"
  (cd "$DIR/pkg" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --no-save --ignore-scripts --loglevel=error "@julusian/midi@$MIDI_VERSION" >&2)
  # node-gyp: the one npm bundles, else a pinned one from the registry.
  NODE_GYP=$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js
  if [ ! -f "$NODE_GYP" ]; then
    (cd "$DIR/pkg" && npm install --no-audit --no-fund --no-save --loglevel=error "node-gyp@$NODE_GYP_VERSION" >&2)
    NODE_GYP=$DIR/pkg/node_modules/node-gyp/bin/node-gyp.js
  fi
  # Headers: this Node's own when installed with it (Debian's nodejs, the official tarball), which
  # works offline; otherwise node-gyp downloads them.
  NODE_PREFIX=$(node -p 'require("path").resolve(process.execPath, "..", "..")')
  NODEDIR=()
  [ -f "$NODE_PREFIX/include/node/node_api.h" ] && NODEDIR=(--nodedir="$NODE_PREFIX")
  (cd "$MODULE" &&
    CXXFLAGS="-U__LINUX_ALSA__ -D__UNIX_JACK__" LDFLAGS="-Wl,--no-as-needed -ljack" \
      node "$NODE_GYP" rebuild "${NODEDIR[@]}" >"$DIR/build.log" 2>&1) || { log "build failed; see $DIR/build.log"; exit 1; }
  # The build must really be the JACK one: it links libjack.
  if command -v ldd >/dev/null && [[ $(ldd "$MODULE/build/Release/midi.node") != *libjack* ]]; then
    log "the build does not link libjack; see $DIR/build.log"; exit 1
  fi
  touch "$STAMP"
fi

echo "MIDI_JACK_MODULE=$MODULE"
