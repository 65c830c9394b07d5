/**
 * Real MIDI ports for tests on a machine without an ALSA sequencer (these VMs have no /dev/snd):
 * a user-space JACK server (dummy driver, no sound card) and @julusian/midi built against JACK, so
 * virtual ports made in one process are seen and opened from another — the same JavaScript and C++
 * as the shipped binding, another RtMidi backend.
 *
 *   const { startJack } = require('<repo>/test/midi/jack.js');   // or `import { startJack } from …` in ESM
 *   const jack = await startJack({ log: console.error });   // { serverName } for a server of one's own
 *   spawn(…, { env: { ...process.env, ...jack.env } });   // every process that opens ports: host, fake controller
 *   …
 *   await jack.stop();   // stops jackd only when this call started it
 *
 * `startJack` runs setup-jack.sh (apt packages and a cached build in
 * ~/.cache/rekordbox-midi-test/midi-jack/, instant once there) and throws with the reason when it
 * cannot (not root, no apt, build failed): callers fail loudly instead of skipping. CommonJS with no
 * dependencies, so the TypeScript tests (compiled to CommonJS) and ESM scripts both load it.
 */
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const SETUP_SCRIPT = path.join(__dirname, 'setup-jack.sh');

/** Runs setup-jack.sh (into REKORDBOX_MIDI_JACK_CACHE when set); returns the JACK build's package folder. */
function setupJackMidiModule() {
  let out;
  try {
    out = execFileSync('bash', [SETUP_SCRIPT, ...(process.env.REKORDBOX_MIDI_JACK_CACHE ? [process.env.REKORDBOX_MIDI_JACK_CACHE] : [])], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20 * 60 * 1000,
    });
  } catch (error) {
    const said = `${error.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
    throw new Error(`test/midi/setup-jack.sh failed (exit ${error.status ?? error.signal}): real MIDI ports cannot be made on this machine.\n${said}`, {
      cause: error,
    });
  }
  const modulePath = /^MIDI_JACK_MODULE=(.+)$/m.exec(out)?.[1]?.trim();
  if (!modulePath || !fs.existsSync(path.join(modulePath, 'package.json'))) throw new Error(`setup-jack.sh printed no usable MIDI_JACK_MODULE:\n${out}`);
  return modulePath;
}

/** Whether a JACK server answers (`jack_wait -c` prints "running" or "not running", exit 0 either way). */
function jackServerRuns(env) {
  try {
    const out = execFileSync('jack_wait', ['-c'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 });
    return /^running/m.test(out);
  } catch {
    return false;
  }
}

/** Starts jackd and waits until it answers; `{ ok: false, said }` with its last log lines when it does not. */
async function launchJackd(serverName, env) {
  const logFile = path.join(os.tmpdir(), `rekordbox-midi-jackd-${process.pid}.log`);
  const logFd = fs.openSync(logFile, 'w');
  // --no-realtime: no RT scheduling (not allowed in containers); dummy: no sound card. One period
  // of 1024 frames at 48 kHz (21 ms) is when MIDI moves between ports.
  const name = serverName ? ['-n', serverName] : [];
  const jackd = spawn('jackd', [...name, '--no-realtime', '-d', 'dummy', '-r', '48000', '-p', '1024'], { env, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  await new Promise((resolve, reject) => {
    jackd.once('error', reject);
    jackd.once('spawn', resolve);
  });
  try {
    execFileSync('jack_wait', ['-w', '-t', '15'], { env, stdio: 'ignore', timeout: 20000 });
    if (jackd.exitCode !== null) throw new Error('jackd exited');
    return { ok: true, jackd, logFile };
  } catch {
    jackd.kill('SIGKILL');
    await new Promise(resolve => (jackd.exitCode !== null || jackd.signalCode !== null ? resolve() : jackd.once('exit', resolve)));
    const said = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-10).join('\n');
    fs.rmSync(logFile, { force: true });
    return { ok: false, said };
  }
}

/** Process ids of running (not zombie) jackd processes, from /proc. */
function liveJackdProcesses() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const match = /^\d+ \((.*)\) (\S)/.exec(stat);
      if (match && match[1] === 'jackd' && match[2] !== 'Z') pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/**
 * JACK2 registers servers in /dev/shm (8 slots). A server killed without shutting down keeps its
 * slot until a server of the same name starts again, so killed runs can fill the registry ("Too many
 * servers already active"). When no jackd runs at all, everything there is stale: remove it.
 */
function clearStaleJackRegistry(log) {
  if (liveJackdProcesses().length > 0) return false;
  for (const file of fs.readdirSync('/dev/shm')) {
    if (/^jack/.test(file)) fs.rmSync(path.join('/dev/shm', file), { force: true, recursive: true });
  }
  log('jack: removed a stale JACK registry from /dev/shm (no jackd was running)');
  return true;
}

/**
 * Makes JACK MIDI usable: the JACK build of @julusian/midi and a running JACK server.
 * `serverName`: a JACK server of one's own (jackd -n), so two different users at once (the midi lane
 * and the editor lane) cannot stop each other's server; without it, the default server is used. In
 * both cases a server is started only when none of that name runs. Keep the name fixed per user
 * (not per process): JACK2 has 8 registry slots, and a killed server's slot is reclaimed only by a
 * server of the same name.
 * @param {{ log?: (line: string) => void, serverName?: string }} [options]
 * @returns {Promise<{ modulePath: string, env: Record<string, string>, startedServer: boolean, stop(): Promise<void> }>}
 *   `env`: REKORDBOX_MIDI_NATIVE_MODULE (the JACK build), JACK_NO_START_SERVER (a client must not
 *   start a second server of its own when ours is gone) and, with `serverName`, JACK_DEFAULT_SERVER;
 *   add it to every process that opens ports.
 */
async function startJack(options = {}) {
  const log = options.log ?? (() => {});
  const modulePath = setupJackMidiModule();
  const env = {
    REKORDBOX_MIDI_NATIVE_MODULE: modulePath,
    JACK_NO_START_SERVER: '1',
    ...(options.serverName ? { JACK_DEFAULT_SERVER: options.serverName } : {}),
  };
  const childEnv = { ...process.env, ...env };
  if (jackServerRuns(childEnv)) {
    log('jack: a JACK server is already running; using it');
    return { modulePath, env, startedServer: false, stop: async () => {} };
  }

  let server = await launchJackd(options.serverName, childEnv);
  if (!server.ok && /Too many servers/.test(server.said) && clearStaleJackRegistry(log)) server = await launchJackd(options.serverName, childEnv);
  if (!server.ok) throw new Error(`jackd did not start:\n${server.said}`);
  const { jackd, logFile } = server;
  let exited = jackd.exitCode !== null;
  jackd.on('exit', () => {
    exited = true;
  });
  // If the caller forgets stop() (or crashes), do not leave a server behind.
  const killOnExit = () => {
    if (!exited) jackd.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  log(`jack: started jackd (pid ${jackd.pid}, dummy driver${options.serverName ? `, server ${options.serverName}` : ''}); log ${logFile}`);

  const stop = () =>
    new Promise(resolve => {
      process.off('exit', killOnExit);
      if (exited) return resolve();
      const killTimer = setTimeout(() => jackd.kill('SIGKILL'), 5000);
      jackd.once('exit', () => {
        clearTimeout(killTimer);
        fs.rmSync(logFile, { force: true });
        resolve();
      });
      jackd.kill('SIGTERM');
    });
  return { modulePath, env, startedServer: true, stop };
}

module.exports = { startJack, setupJackMidiModule };
