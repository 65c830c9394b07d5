#!/usr/bin/env node
/**
 * A simulated MIDI controller, as its own process: it opens a VIRTUAL output port (what the
 * controller sends: keys, knobs, jog) and a virtual input port (what it receives: lights), both
 * named `--name`, and plays a scripted performance. It loads @julusian/midi from
 * REKORDBOX_MIDI_NATIVE_MODULE (the JACK build of test/midi/setup-jack.sh; see jack.js).
 *
 * Driven over IPC (child_process.fork), one command at a time; every command is answered with
 * `{ reply: <cmd>, seq }` when done (`seq` echoes the command's):
 *   { cmd: 'plug' }      opens both virtual ports ("plugs the controller in")
 *   { cmd: 'unplug' }    closes them ("pulls the cable")
 *   { cmd: 'probe', bytes }  sends `bytes` every 20 ms until the next play: a new connection takes
 *                        effect a moment after it is made (on JACK, at the next audio cycle), so the
 *                        test waits until a probe arrives instead of guessing a delay
 *   { cmd: 'play', performance: [{ bytes, delayMs? }] }  stops probing, then sends each message
 *                        `delayMs` after the previous one (0: in the same burst); the reply carries
 *                        `sentAt`, each message's send time in ms since the epoch (performance clock);
 *                        with `doneFile`, it also writes that file when done
 *   { cmd: 'exit' }
 * It posts `{ event: 'received', bytes }` for each message arriving on its input port.
 *
 * Standalone (not forked): `node fakeController.mjs --name "Fake DDJ" --script performance.json`
 * plugs in, then plays the performance when a line "go" arrives on stdin.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const option = name => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const portName = option('name');
if (!portName) {
  console.error('fakeController: --name <port name> is required');
  process.exit(2);
}
const modulePath = process.env.REKORDBOX_MIDI_NATIVE_MODULE;
if (!modulePath) {
  console.error('fakeController: set REKORDBOX_MIDI_NATIVE_MODULE to an @julusian/midi package folder (see test/midi/jack.js)');
  process.exit(2);
}
const midi = createRequire(path.join(modulePath, 'package.json'))('@julusian/midi');

let output; // virtual: the controller's MIDI OUT, an input port for everyone else
let input; // virtual: the controller's MIDI IN (its lights)
let probeTimer;
const post = message => process.send?.(message);
const epochNow = () => performance.timeOrigin + performance.now();

function plug() {
  if (output) return;
  output = new midi.Output();
  output.openVirtualPort(portName);
  input = new midi.Input();
  input.ignoreTypes(false, false, false);
  input.on('message', (_deltaTime, bytes) => post({ event: 'received', bytes }));
  input.openVirtualPort(portName);
}

function unplug() {
  stopProbe();
  for (const port of [output, input]) {
    if (!port) continue;
    port.closePort();
    port.destroy();
  }
  output = input = undefined;
}

function stopProbe() {
  clearInterval(probeTimer);
  probeTimer = undefined;
}

function probe(bytes) {
  stopProbe();
  if (!output) throw new Error('probe: the controller is unplugged');
  output.sendMessage(bytes);
  probeTimer = setInterval(() => output?.sendMessage(bytes), 20);
}

/** Sends on a schedule of absolute times (no drift from timer lateness): late messages go at once, in order. */
function play(performanceScript) {
  stopProbe();
  if (!output) throw new Error('play: the controller is unplugged');
  const sentAt = [];
  const start = performance.now();
  let due = start;
  const schedule = performanceScript.map(step => (due += step.delayMs ?? 0));
  let next = 0;
  return new Promise(resolve => {
    const tick = () => {
      const now = performance.now();
      while (next < performanceScript.length && schedule[next] <= now) {
        output.sendMessage(performanceScript[next].bytes);
        sentAt.push(epochNow());
        next++;
      }
      if (next === performanceScript.length) return resolve(sentAt);
      const wait = schedule[next] - performance.now();
      // setTimeout cannot wait less than ~1 ms; below that, come back on the next turn.
      if (wait >= 1) setTimeout(tick, Math.floor(wait));
      else setImmediate(tick);
    };
    tick();
  });
}

async function perform(command) {
  switch (command.cmd) {
    case 'plug':
      plug();
      return {};
    case 'unplug':
      unplug();
      return {};
    case 'probe':
      probe(command.bytes);
      return {};
    case 'play': {
      const sentAt = await play(command.performance);
      // For a test whose event loop is blocked on purpose (it cannot read the reply): a file it can poll.
      if (command.doneFile) fs.writeFileSync(command.doneFile, String(sentAt.length));
      return { sentAt };
    }
    case 'exit':
      unplug();
      setImmediate(() => process.exit(0));
      return {};
    default:
      throw new Error(`unknown command ${JSON.stringify(command.cmd)}`);
  }
}

if (process.send) {
  // Commands run one after another, in the order they were sent.
  let queue = Promise.resolve();
  process.on('message', command => {
    queue = queue.then(async () => {
      try {
        post({ reply: command.cmd, seq: command.seq, ...(await perform(command)) });
      } catch (error) {
        post({ reply: command.cmd, seq: command.seq, error: String(error?.message ?? error) });
      }
    });
  });
  process.on('disconnect', () => {
    unplug();
    process.exit(0);
  });
} else {
  const script = option('script');
  if (!script) {
    console.error('fakeController: --script <performance.json> is required when not forked');
    process.exit(2);
  }
  const performanceScript = JSON.parse(fs.readFileSync(script, 'utf8'));
  plug();
  console.log(`fakeController: ${portName} plugged in; type "go" to play ${performanceScript.length} messages`);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', async text => {
    if (!text.split('\n').some(line => line.trim() === 'go')) return;
    const sentAt = await play(performanceScript);
    console.log(`fakeController: sent ${sentAt.length} messages`);
    unplug();
    process.exit(0);
  });
}
