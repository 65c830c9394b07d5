/**
 * The MIDI host process for real: dist/midiHost.js started through startMidiHost, with the JACK
 * build of @julusian/midi (test/midi/jack.js) and simulated controllers in their own processes
 * (fakeController.mjs) making virtual ports. Also the shipped ALSA binary on this machine, which has
 * no MIDI system: the host must say so and stay up.
 *
 * Every wait has a deadline and says what it waited for; no assertion is about time.
 */
import assert from 'node:assert/strict';
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import type { MidiConnection, MidiHostConnection, MidiHostState } from '../../client/src/midi/midiHostApi';
import { startMidiHost } from '../../client/src/midi/midiHostConnection';
import {
  FakeController,
  HOST_MODULE,
  Jack,
  listedPort,
  PerformanceStep,
  probeUntilHeard,
  ReceivedLog,
  startJack,
  waitFor,
} from '../helpers/midiFixtures';

let jack: Jack;
const cleanups: (() => Promise<void> | void)[] = [];
let portCounter = 0;
/** A port name no other test uses (names identify ports; a test must not see another's controller). */
const uniquePortName = (what: string) => `Fake ${what} ${process.pid}-${++portCounter}`;

function startHost(env: Record<string, string | undefined> = jack.env): { connection: MidiHostConnection; log: string[] } {
  const log: string[] = [];
  // A short poll so the lane does not wait a second per plug; the default (1 s) is for people.
  const connection = startMidiHost({ hostModule: HOST_MODULE, env: { ...env, REKORDBOX_MIDI_POLL_MS: '100' }, log: line => log.push(line) });
  cleanups.push(() => connection.dispose());
  return { connection, log };
}

async function startController(what: string): Promise<FakeController> {
  const fake = new FakeController(uniquePortName(what), jack.env);
  cleanups.push(() => fake.exit());
  await fake.plug();
  return fake;
}

async function readyHost(): Promise<{ connection: MidiHostConnection; log: string[] }> {
  const host = startHost();
  const state = await host.connection.waitUntilStarted();
  assert.deepEqual(state, { kind: 'ready' }, host.log.join('\n'));
  return host;
}

/** Waits until the controller's output is listed as an input of this host, and returns its listed name. */
const inputListed = (connection: MidiHostConnection, fake: FakeController) =>
  waitFor(`${fake.portName} in the input list`, () => listedPort(connection.ports.inputs, fake.portName));

function recordConnections(connection: MidiHostConnection): MidiConnection[] {
  const seen: MidiConnection[] = [];
  connection.onDidChangeConnection(c => seen.push(c));
  return seen;
}

const note = (on: boolean, number: number, velocity = 0x7f): number[] => [on ? 0x90 : 0x80, number, on ? velocity : 0];
const CLOCK = [0xf8];
const ACTIVE_SENSING = [0xfe];
const MTC_QUARTER_FRAME = [0xf1, 0x12];
/** What ignoreTypes(false, true, true) drops at the source. */
const filteredAtSource = (bytes: readonly number[]) => bytes[0] === 0xf8 || bytes[0] === 0xfe || bytes[0] === 0xf1;

before(async () => {
  // No skip: when real ports cannot be made here, the lane fails and says why.
  jack = await startJack(line => console.log(line), 'rekordbox-midi-lane');
});

after(async () => {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup:', error);
    }
  }
  await jack?.stop();
});

describe('MIDI host over JACK: ports', () => {
  it('lists a controller while it is plugged in, and keeps the list current as it leaves and returns', async () => {
    const { connection } = await readyHost();
    const fake = await startController('list');
    const input = await inputListed(connection, fake);
    // Its input port (for lights) too; the fake opens it a moment after its output.
    await waitFor(`${fake.portName} in the output list`, () => listedPort(connection.ports.outputs, fake.portName));
    await fake.unplug();
    await waitFor(
      `${fake.portName} to leave the lists`,
      () => !connection.ports.inputs.includes(input) && !listedPort(connection.ports.outputs, fake.portName),
    );
    await fake.plug();
    assert.equal(await inputListed(connection, fake), input);
  });

  it('does not list the unnamed ports RtMidi makes for its own connections', async () => {
    const { connection } = await readyHost();
    const fake = await startController('stubs');
    // Opening an output makes such a port ("RtMidi Output Client:RtMidi Output") in the host itself.
    await connection.send(await waitFor('the fake input', () => listedPort(connection.ports.outputs, fake.portName)), note(true, 1));
    const ports = await connection.refreshPorts();
    assert.deepEqual([...ports.inputs, ...ports.outputs].filter(name => /:RtMidi (Input|Output)$/.test(name)), []);
  });
});

describe('MIDI host over JACK: messages', () => {
  it('passes every message on in order with its bytes intact, and drops clock, MTC and active sensing at the source', async () => {
    const { connection } = await readyHost();
    const received = new ReceivedLog(connection);
    const fake = await startController('messages');
    await connection.connectInput(await inputListed(connection, fake));
    await probeUntilHeard(fake, [received]);

    const performance: PerformanceStep[] = [
      { bytes: note(true, 0x0b) },
      { bytes: CLOCK },
      { bytes: note(false, 0x0b), delayMs: 5 },
      // A 14-bit knob: MSB on CC 0x13, LSB on CC 0x33, always as a pair.
      ...[0x00, 0x20, 0x40, 0x7f].flatMap(msb => [{ bytes: [0xb0, 0x13, msb], delayMs: 2 }, { bytes: [0xb0, 0x33, 0x7f - msb] }]),
      { bytes: ACTIVE_SENSING },
      // A jog turned fast: relative ticks 0x41 (clockwise) and 0x3F in one burst, clock in between.
      ...Array.from({ length: 300 }, (_, i) => ({ bytes: [0xb0, 0x22, i % 7 === 3 ? 0x3f : 0x41] })),
      { bytes: CLOCK },
      { bytes: MTC_QUARTER_FRAME },
      // SysEx of a few hundred bytes interleaved with notes (a controller dumping its state).
      ...Array.from({ length: 30 }, (_, i) => [
        { bytes: [0xf0, 0x00, 0x40, 0x05, ...Array.from({ length: 200 }, (_, j) => (i + j) & 0x7f), 0xf7], delayMs: 2 },
        { bytes: note(true, i, 1 + i) },
        { bytes: CLOCK },
      ]).flat(),
      { bytes: [0xe0, 0x00, 0x40], delayMs: 1 },
      { bytes: [0xc0, 0x05] },
      { bytes: [0xf0, 0x7e, 0x7f, 0x06, 0x01, 0xf7] },
    ];
    await fake.play(performance);
    const expected = performance.map(step => step.bytes).filter(bytes => !filteredAtSource(bytes));
    await waitFor(`${expected.length} messages after the probes`, () => received.afterProbes().length >= expected.length);
    assert.deepEqual(received.afterProbes(), expected);
    const times = received.messages.map(m => m.time);
    assert.ok(times.every((t, i) => i === 0 || t >= times[i - 1]), 'receive times never go back');
    assert.equal(connection.droppedMessages, 0);
  });

  it('sends to an output port by name (lighting a MIDI OUT code), every message in order', async () => {
    const { connection } = await readyHost();
    const fake = await startController('lights');
    const output = await waitFor('the fake controller among the outputs', () => listedPort(connection.ports.outputs, fake.portName));
    // The first send opens the port; the connection takes effect at JACK's next cycle, so the
    // first light may be lost: send it until one arrives, then check a sequence.
    const first = note(true, 0x0b);
    await waitFor(`${output} to receive a light`, () => {
      void connection.send(output, first);
      return fake.received.length > 0;
    });
    const sentBefore = fake.received.length;
    const lights = Array.from({ length: 40 }, (_, i) => [0x90 + (i % 4), 0x40 + i, i % 2 ? 0x7f : 0x00]);
    for (const bytes of lights) await connection.send(output, bytes);
    await connection.send(output, [0xf0, 0x00, 0x40, 0x05, 0x10, 0x7f, 0xf7]);
    await waitFor(`${lights.length + 1} lights`, () => fake.received.length - sentBefore >= lights.length + 1);
    const afterWarmUp = fake.received.slice(sentBefore).filter(bytes => !(bytes.length === 3 && bytes.every((b, i) => b === first[i])));
    assert.deepEqual(afterWarmUp, [...lights, [0xf0, 0x00, 0x40, 0x05, 0x10, 0x7f, 0xf7]]);
  });

  /**
   * Connects a fresh controller, then has it play `flood` while this process (the "window") does
   * not read its IPC channel: the host must queue, then drop beyond its bound, not grow.
   */
  async function floodWhileBusy(what: string, flood: PerformanceStep[]) {
    const { connection } = await readyHost();
    const received = new ReceivedLog(connection);
    const fake = await startController(what);
    await connection.connectInput(await inputListed(connection, fake));
    await probeUntilHeard(fake, [received]);
    const doneFile = path.join(os.tmpdir(), `rbm-${what}-${process.pid}.done`);
    fs.rmSync(doneFile, { force: true });
    await fake.startPlaying(flood, doneFile);
    const deadline = Date.now() + 60000;
    while (!fs.existsSync(doneFile) && Date.now() < deadline) {
      // busy on purpose
    }
    const busyUntil = Date.now() + 500;
    while (Date.now() < busyUntil) {
      // and a little longer, for the last messages to reach the host
    }
    assert.ok(fs.existsSync(doneFile), 'the fake controller finished the flood');
    fs.rmSync(doneFile, { force: true });
    return { connection, received, fake };
  }

  it('drops and counts what does not fit its bounded queue when the window is too busy to read, and stays in order', async () => {
    // 20,000 jog ticks in bursts of 100 every 2 ms (JACK carries ~1,000 per 21 ms period comfortably).
    const count = 20000;
    const flood = Array.from({ length: count }, (_, i) => ({ bytes: [0xb0 | (i & 0x0f), (i >> 4) & 0x7f, 0x41], delayMs: i % 100 === 0 ? 2 : 0 }));
    const { connection, received } = await floodWhileBusy('flood', flood);
    await waitFor('every message to be received or counted as dropped', () => received.afterProbes().length + connection.droppedMessages >= count);
    const got = received.afterProbes();
    assert.equal(got.length + connection.droppedMessages, count);
    assert.ok(connection.droppedMessages > 0, `the host dropped nothing (${got.length} received): the queue was never full`);
    // What arrived is in the order it was sent (drops leave gaps, nothing is reordered).
    let next = 0;
    for (const [index, bytes] of got.entries()) {
      const from = next;
      while (next < count && (flood[next].bytes[0] !== bytes[0] || flood[next].bytes[1] !== bytes[1])) next++;
      assert.ok(
        next < count,
        `message ${index} of ${got.length} (${bytes.join(' ')}) is not in the flood after sent message ${from}; ` +
          `received before it: ${JSON.stringify(got.slice(Math.max(0, index - 3), index))}`,
      );
      next++;
    }
  });

  it(
    'a SysEx flood (a firmware dump) while the window is busy: the host keeps its byte bound, stays up, and the control moved after it still arrives',
    async () => {
      // 4,000 SysEx messages of 300 bytes (1.2 MB, more than the host's 1 MB bound), one a millisecond.
      const count = 4000;
      const sysEx = (i: number) => [0xf0, 0x7d, ...Array.from({ length: 297 }, (_, k) => (i + k) & 0x7f), 0xf7];
      const flood: PerformanceStep[] = Array.from({ length: count }, (_, i) => ({ bytes: sysEx(i), delayMs: 1 }));
      const { connection, received, fake } = await floodWhileBusy('sysex-flood', flood);
      await waitFor('the flood to be received or counted as dropped', () => received.afterProbes().length + connection.droppedMessages >= count * 0.9);
      assert.ok(connection.droppedMessages > 0, `the host dropped nothing (${received.afterProbes().length} received): its byte bound was never reached`);
      for (const bytes of received.afterProbes()) {
        assert.equal(bytes.length, 300, 'every SysEx that arrives arrives whole');
        assert.deepEqual([bytes[0], bytes[299]], [0xf0, 0xf7]);
      }
      // The host is still up and the next control gets through.
      assert.deepEqual(connection.state, { kind: 'ready' });
      await fake.play([{ bytes: note(true, 0x0b) }]);
      await waitFor('the note after the flood', () => received.afterProbes().some(b => b.join(' ') === note(true, 0x0b).join(' ')));
    },
  );

  it('lets two hosts (two VS Code windows) open the same input, and both receive everything', async () => {
    const one = await readyHost();
    const two = await readyHost();
    const logs = [new ReceivedLog(one.connection), new ReceivedLog(two.connection)];
    const fake = await startController('shared');
    await one.connection.connectInput(await inputListed(one.connection, fake));
    await two.connection.connectInput(await inputListed(two.connection, fake));
    await probeUntilHeard(fake, logs);
    const performance = Array.from({ length: 50 }, (_, i) => ({ bytes: [0xb1, 0x13, i], delayMs: i % 10 === 0 ? 3 : 0 }));
    await fake.play(performance);
    for (const log of logs) {
      await waitFor('all 50 messages in both windows', () => log.afterProbes().length >= 50);
      assert.deepEqual(log.afterProbes(), performance.map(step => step.bytes));
    }
  });
});

describe('MIDI host over JACK: unplugging, crashes, bad requests', () => {
  it('reports an unplugged controller as disconnected, then reconnects to it when it is plugged back in', async () => {
    const { connection } = await readyHost();
    const connections = recordConnections(connection);
    const received = new ReceivedLog(connection);
    const fake = await startController('replug');
    const input = await inputListed(connection, fake);
    await connection.connectInput(input);
    assert.deepEqual(connection.connection, { input });

    await fake.unplug();
    await waitFor('the connection to be reported lost', () => connection.connection.input === null);
    assert.deepEqual(connection.connection, { input: null, error: `${input} disconnected.` });
    assert.equal(connection.chosenInput, input, 'the chosen port is remembered while it is gone');

    await fake.plug();
    await waitFor('the reconnection', () => connection.connection.input !== null);
    assert.deepEqual(connection.connection, { input, reconnected: true });
    assert.deepEqual(connections, [{ input }, { input: null, error: `${input} disconnected.` }, { input, reconnected: true }]);
    await probeUntilHeard(fake, [received]);
    await fake.play([{ bytes: note(true, 0x42) }]);
    await waitFor('a note after the reconnection', () => received.afterProbes().length >= 1);
    assert.deepEqual(received.afterProbes(), [note(true, 0x42)]);
  });

  it('does not reconnect after disconnectInput(): the user let go of the port', async () => {
    const { connection } = await readyHost();
    const fake = await startController('let-go');
    await connection.connectInput(await inputListed(connection, fake));
    await connection.disconnectInput();
    assert.deepEqual(connection.connection, { input: null });
    assert.equal(connection.chosenInput, null);
    await fake.unplug();
    await waitFor('the port to leave', () => !listedPort(connection.ports.inputs, fake.portName));
    await fake.plug();
    await inputListed(connection, fake);
    await connection.refreshPorts(); // one more round trip: a reconnection would have been reported before it
    assert.deepEqual(connection.connection, { input: null });
  });

  it('reports a killed host as stopped; restart() brings it back and reconnects the chosen input', async () => {
    const { connection } = await readyHost();
    const received = new ReceivedLog(connection);
    const fake = await startController('restart');
    const input = await inputListed(connection, fake);
    await connection.connectInput(input);
    const pid = connection.hostProcessId;
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    const stopped = await waitFor('the stopped state', () => (connection.state.kind === 'stopped' ? connection.state : undefined));
    assert.equal(stopped.message, 'The MIDI host stopped (it was stopped by SIGKILL). Restart it to use MIDI again.');
    assert.deepEqual(connection.connection, { input: null, error: 'The MIDI host stopped.' });
    await assert.rejects(connection.refreshPorts(), { message: stopped.message });

    await connection.restart();
    assert.deepEqual(connection.state, { kind: 'ready' });
    assert.notEqual(connection.hostProcessId, pid);
    assert.deepEqual(connection.connection, { input, reconnected: true });
    await probeUntilHeard(fake, [received]);
    await fake.play([{ bytes: [0xb6, 0x1f, 0x41] }]);
    await waitFor('a message through the new host', () => received.afterProbes().length >= 1);
    assert.deepEqual(received.afterProbes(), [[0xb6, 0x1f, 0x41]]);
  });

  it('rejects bad requests with a sentence for people, and keeps working', async () => {
    const { connection } = await readyHost();
    const fake = await startController('bad');
    const output = await waitFor('the fake among the outputs', () => listedPort(connection.ports.outputs, fake.portName));
    await assert.rejects(connection.connectInput('No Such Controller'), { message: 'No MIDI input named "No Such Controller" is connected.' });
    assert.equal(connection.chosenInput, null, 'a port that could not be opened is not waited for');
    await assert.rejects(connection.send('No Such Controller', note(true, 1)), { message: 'No MIDI output named "No Such Controller" is connected.' });
    await assert.rejects(connection.send(output, [0x90, 0x0b]), { message: 'A message starting 90 takes 3 bytes, not 2: 90 0B.' });
    await assert.rejects(connection.send(output, [0x0b, 0x7f]), { message: 'A MIDI message starts with a status byte (80–FF), not 0B: 0B 7F.' });
    await assert.rejects(connection.send(output, [0x90, 300, 1]), { message: 'Byte 2 of the message (300) is not a whole number from 0 to 255.' });
    await assert.rejects(connection.send(output, [0x90, 0x0b, 0x80]), { message: 'Data bytes are 00–7F: 90 0B 80.' });
    await assert.rejects(connection.send(output, []), { message: 'A MIDI message is a non-empty list of bytes.' });
    await assert.rejects(connection.send(output, [0xf0, 0x01]), { message: 'A SysEx message ends with F7: F0 01.' });
    assert.deepEqual(connection.state, { kind: 'ready' });
    const input = await inputListed(connection, fake);
    await connection.connectInput(input);
    assert.deepEqual(connection.connection, { input });
  });

  it('answers malformed IPC requests with an error (when they have an id) and exits when its parent goes', async () => {
    const child = fork(HOST_MODULE, [], { env: { ...process.env, ...jack.env }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const messages: Record<string, unknown>[] = [];
    child.on('message', (m: Record<string, unknown>) => messages.push(m));
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    for (const request of [
      'text',
      [1, 2],
      { type: 'connectInput' },
      { type: 'connectInput', id: 1 },
      { type: 'launch', id: 2 },
      { type: 'send', id: 3, output: 'x', bytes: 'abc' },
      { type: 'refreshPorts', id: 4 },
    ]) {
      child.send(request);
    }
    const responses = await waitFor('four responses', () => {
      const r = messages.filter(m => m.type === 'response');
      return r.length >= 4 ? r : undefined;
    });
    assert.deepEqual(responses, [
      { type: 'response', id: 1, ok: false, error: 'Connecting an input needs a port name.' },
      { type: 'response', id: 2, ok: false, error: 'The MIDI host does not know the request "launch".' },
      { type: 'response', id: 3, ok: false, error: 'A MIDI message is a non-empty list of bytes.' },
      { type: 'response', id: 4, ok: true, result: responses[3].result },
    ]);
    assert.deepEqual(messages[0], { type: 'state', state: 'ready', protocol: 1 });
    child.disconnect();
    assert.equal(await exited, 0);
  });
});

describe('MIDI host with the shipped binary on this machine', () => {
  it('stays up and says MIDI is unavailable, with what to check, when the system has no MIDI', async () => {
    // Without the override the host loads dist/node_modules/@julusian/midi: the ALSA prebuild.
    const { connection, log } = startHost({ REKORDBOX_MIDI_NATIVE_MODULE: undefined });
    const states: MidiHostState[] = [];
    connection.onDidChangeState(s => states.push(s));
    const state = await connection.waitUntilStarted();
    if (fs.existsSync('/dev/snd/seq')) {
      // A machine with an ALSA sequencer: the shipped binary works.
      assert.deepEqual(state, { kind: 'ready' }, log.join('\n'));
      return;
    }
    assert.deepEqual(
      state,
      {
        kind: 'unavailable',
        message: "MIDI is not available on this computer: the system's MIDI service did not answer.",
        advice:
          'Check that the ALSA sequencer is there: /dev/snd/seq exists (load it with `sudo modprobe snd-seq`) and your user is in the `audio` group. ' +
          'Then restart the MIDI host.',
        detail: 'Failed to initialise RtMidi',
      },
      log.join('\n'),
    );
    await assert.rejects(connection.connectInput('DDJ-400'), { message: "MIDI is not available on this computer: the system's MIDI service did not answer." });
    assert.deepEqual(await connection.refreshPorts(), { inputs: [], outputs: [] });
    assert.equal(connection.state.kind, 'unavailable', 'the host is still up');
    assert.ok(connection.hostProcessId);
  });
});
