/**
 * The MIDI host's pure parts (message rules, request and event checks, the unavailable sentences,
 * port identity) and the connection's behaviour against scripted stand-in hosts (tiny scripts, no
 * MIDI): timeouts, crashes, malformed events. The real host over real ports is the midi lane.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { after, describe, it } from 'node:test';
import { describeInvalidMidiMessage, parseHostEvent, parseHostRequest } from '../../../../client/src/midi/host/hostProtocol';
import { describeUnavailable } from '../../../../client/src/midi/host/unavailable';
import type { MidiConnection, MidiHostConnection } from '../../../../client/src/midi/midiHostApi';
import { findReturningPort, portIdentity, startMidiHost } from '../../../../client/src/midi/midiHostConnection';

describe('MIDI messages the host sends', () => {
  it('accepts complete messages of every kind', () => {
    for (const bytes of [
      [0x90, 0x0b, 0x7f],
      [0x80, 0x0b, 0x00],
      [0xb6, 0x1f, 0x41],
      [0xc0, 0x05],
      [0xd3, 0x40],
      [0xe0, 0x00, 0x40],
      [0xf0, 0x7e, 0x7f, 0x06, 0x01, 0xf7],
      [0xf0, 0xf7],
      [0xf2, 0x10, 0x20],
      [0xf3, 0x01],
      [0xfa],
      [0xff],
    ]) {
      assert.equal(describeInvalidMidiMessage(bytes), undefined, bytes.join(' '));
    }
  });

  it('says what is wrong with anything else', () => {
    assert.equal(describeInvalidMidiMessage('90 0B 7F'), 'A MIDI message is a non-empty list of bytes.');
    assert.equal(describeInvalidMidiMessage([]), 'A MIDI message is a non-empty list of bytes.');
    assert.equal(describeInvalidMidiMessage([0x90, 1.5, 2]), 'Byte 2 of the message (1.5) is not a whole number from 0 to 255.');
    assert.equal(describeInvalidMidiMessage([0x90, '1', 2]), 'Byte 2 of the message ("1") is not a whole number from 0 to 255.');
    assert.equal(describeInvalidMidiMessage([0x0b, 0x7f]), 'A MIDI message starts with a status byte (80–FF), not 0B: 0B 7F.');
    assert.equal(describeInvalidMidiMessage([0x90, 0x0b]), 'A message starting 90 takes 3 bytes, not 2: 90 0B.');
    assert.equal(describeInvalidMidiMessage([0xc0, 0x05, 0x01]), 'A message starting C0 takes 2 bytes, not 3: C0 05 01.');
    assert.equal(describeInvalidMidiMessage([0xf8, 0x00]), 'A message starting F8 takes 1 byte, not 2: F8 00.');
    assert.equal(describeInvalidMidiMessage([0x90, 0x0b, 0x80]), 'Data bytes are 00–7F: 90 0B 80.');
    assert.equal(describeInvalidMidiMessage([0xf0, 0x01, 0x02]), 'A SysEx message ends with F7: F0 01 02.');
    assert.equal(describeInvalidMidiMessage([0xf0, 0x90, 0xf7]), 'A SysEx message carries data bytes (00–7F) only: F0 90 F7.');
    assert.equal(describeInvalidMidiMessage([0xf7]), 'F7 is not a status byte a message can start with.');
    assert.equal(describeInvalidMidiMessage([0xf4]), 'F4 is not a status byte a message can start with.');
    assert.match(
      describeInvalidMidiMessage([0xf0, ...new Array(70000).fill(1), 0xf7]) ?? '',
      /^A MIDI message of 70002 bytes is too long to send \(at most 65536\)\.$/,
    );
  });
});

describe('host protocol checks', () => {
  it('parses well-formed requests and answers malformed ones with a sentence', () => {
    assert.deepEqual(parseHostRequest({ type: 'connectInput', id: 3, name: 'DDJ-400' }), { type: 'connectInput', id: 3, name: 'DDJ-400' });
    assert.deepEqual(parseHostRequest({ type: 'send', id: 4, output: 'DDJ-400', bytes: [0x90, 1, 2], extra: true }), {
      type: 'send',
      id: 4,
      output: 'DDJ-400',
      bytes: [0x90, 1, 2],
    });
    assert.deepEqual(parseHostRequest(null), { id: undefined, error: 'The MIDI host received a request that is not an object.' });
    assert.deepEqual(parseHostRequest({ type: 'refreshPorts', id: -1 }), { id: undefined, error: 'The MIDI host received a request without a valid id.' });
    assert.deepEqual(parseHostRequest({ type: 'connectInput', id: 1, name: '' }), { id: 1, error: 'Connecting an input needs a port name.' });
    assert.deepEqual(parseHostRequest({ type: 'send', id: 2, bytes: [0x90, 1, 2] }), { id: 2, error: 'Sending needs an output port name.' });
    assert.deepEqual(parseHostRequest({ type: 'send', id: 2, output: 'x', bytes: [0x90, 1] }), {
      id: 2,
      error: 'A message starting 90 takes 3 bytes, not 2: 90 01.',
    });
    assert.deepEqual(parseHostRequest({ type: '__proto__', id: 5 }), { id: 5, error: 'The MIDI host does not know the request "__proto__".' });
  });

  it('keeps well-formed events and drops malformed ones', () => {
    assert.deepEqual(parseHostEvent({ type: 'messages', messages: [{ bytes: [0x90, 1, 2], time: 1.5 }], dropped: 0 }), {
      type: 'messages',
      messages: [{ bytes: [0x90, 1, 2], time: 1.5 }],
      dropped: 0,
    });
    assert.deepEqual(parseHostEvent({ type: 'connection', input: null, error: 'X disconnected.' }), {
      type: 'connection',
      input: null,
      error: 'X disconnected.',
    });
    for (const malformed of [
      { type: 'messages', messages: [{ bytes: [256], time: 1 }], dropped: 0 },
      { type: 'messages', messages: [{ bytes: [], time: 1 }], dropped: 0 },
      { type: 'ports', inputs: ['a'], outputs: [1] },
      { type: 'state', state: 'ready' },
      { type: 'connection', input: 3 },
      { type: 'response', id: 1, ok: false },
      { type: 'nonsense' },
      'ready',
    ]) {
      assert.equal(parseHostEvent(malformed), undefined, JSON.stringify(malformed));
    }
  });
});

describe('what people read when there is no MIDI', () => {
  const noRtMidi = new Error('Failed to initialise RtMidi');
  it('names the ALSA sequencer, the snd-seq module and the audio group on Linux', () => {
    assert.deepEqual(describeUnavailable('start', noRtMidi, 'linux'), {
      message: "MIDI is not available on this computer: the system's MIDI service did not answer.",
      advice:
        'Check that the ALSA sequencer is there: /dev/snd/seq exists (load it with `sudo modprobe snd-seq`) and your user is in the `audio` group. ' +
        'Then restart the MIDI host.',
      detail: 'Failed to initialise RtMidi',
    });
  });
  it('names the device, its driver and other programs holding the port on macOS and Windows', () => {
    assert.match(describeUnavailable('start', noRtMidi, 'darwin').advice, /connected.*Audio MIDI Setup.*driver/);
    assert.match(describeUnavailable('start', noRtMidi, 'win32').advice, /connected.*driver.*no other program/);
  });
  it('tells a missing prebuild from a library that would not load', () => {
    assert.equal(
      describeUnavailable('load', new Error('Failed to find binding for midi\nTried paths: …'), 'linux', 'riscv64').message,
      'No MIDI driver is built for this platform (linux riscv64).',
    );
    const alsaMissing = describeUnavailable('load', new Error('libasound.so.2: cannot open shared object file'), 'linux');
    assert.equal(alsaMissing.message, 'The MIDI driver could not be loaded.');
    assert.match(alsaMissing.advice, /libasound2/);
    assert.equal(alsaMissing.detail, 'libasound.so.2: cannot open shared object file');
  });
});

describe('finding the chosen port again', () => {
  it('ignores the numbers ALSA, JACK and Windows give a port per session', () => {
    assert.equal(portIdentity('DDJ-400:DDJ-400 MIDI 1 20:0'), 'DDJ-400:DDJ-400 MIDI 1');
    assert.equal(portIdentity('RtMidi Output Client-01:Fake DDJ'), 'RtMidi Output Client:Fake DDJ');
    assert.equal(portIdentity('2- DDJ-FLX4'), 'DDJ-FLX4');
  });
  it('prefers the same name, else the only port with the same identity', () => {
    assert.equal(findReturningPort('DDJ-400:DDJ-400 MIDI 1 20:0', ['DDJ-400:DDJ-400 MIDI 1 20:0']), 'DDJ-400:DDJ-400 MIDI 1 20:0');
    assert.equal(findReturningPort('DDJ-400:DDJ-400 MIDI 1 20:0', ['Midi Through:Port 0 14:0', 'DDJ-400:DDJ-400 MIDI 1 24:0']), 'DDJ-400:DDJ-400 MIDI 1 24:0');
    // Two identical controllers: which one came back is unknown, so neither is opened.
    assert.equal(findReturningPort('DDJ-400:DDJ-400 MIDI 1 20:0', ['DDJ-400:DDJ-400 MIDI 1 24:0', 'DDJ-400:DDJ-400 MIDI 1 28:0']), undefined);
    assert.equal(findReturningPort('DDJ-400', ['DDJ-FLX4']), undefined);
  });
});

describe('the connection against stand-in hosts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbm-midi-host-'));
  const connections: MidiHostConnection[] = [];
  after(() => {
    for (const connection of connections) connection.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A host script: `ready` and a port list, then `onRequest` (JavaScript, `request` in scope) for each request. */
  function standInHost(name: string, onRequest: string, extraStartup = ''): string {
    const file = path.join(dir, `${name}.js`);
    fs.writeFileSync(
      file,
      `process.send({ type: 'state', state: 'ready', protocol: 1 });
       process.send({ type: 'ports', inputs: ['Stand-in'], outputs: [] });
       ${extraStartup}
       process.on('message', request => { ${onRequest} });
       process.on('disconnect', () => process.exit(0));`,
    );
    return file;
  }
  const start = (hostModule: string, log: string[] = [], requestTimeoutMs = 300) => {
    const connection = startMidiHost({ hostModule, requestTimeoutMs, log: line => log.push(line) });
    connections.push(connection);
    return connection;
  };

  it('rejects a request the host never answers, with a sentence, instead of hanging', async () => {
    const connection = start(standInHost('silent', '/* never answers */'));
    assert.deepEqual(await connection.waitUntilStarted(), { kind: 'ready' });
    await assert.rejects(connection.connectInput('Stand-in'), {
      message: 'The MIDI host did not answer within 300 ms (connectInput). Restart it if this goes on.',
    });
    assert.equal(connection.chosenInput, null);
  });

  it('reports a crash as stopped with the exit code and the last error line, and rejects what was pending', async () => {
    const log: string[] = [];
    const connection = start(standInHost('crashing', "console.error('driver exploded'); process.exit(3);"), log, 5000);
    await connection.waitUntilStarted();
    const connections: MidiConnection[] = [];
    connection.onDidChangeConnection(c => connections.push(c));
    await assert.rejects(connection.refreshPorts(), { message: 'The MIDI host stopped before answering. (refreshPorts)' });
    assert.deepEqual(connection.state, { kind: 'stopped', message: 'The MIDI host stopped (exit code 3): driver exploded. Restart it to use MIDI again.' });
    assert.deepEqual(connection.ports, { inputs: [], outputs: [] });
    assert.ok(log.includes('[midi host] driver exploded'), log.join('\n'));
    await assert.rejects(connection.disconnectInput(), { message: 'The MIDI host stopped (exit code 3): driver exploded. Restart it to use MIDI again.' });
  });

  it('ignores malformed events and still answers', async () => {
    const log: string[] = [];
    const host = standInHost(
      'noisy',
      "process.send({ type: 'messages', messages: 'lots', dropped: 0 }); process.send({ type: 'response', id: request.id, ok: true });",
      "process.send({ type: 'messages', messages: [{ bytes: [0x90, 1, 2], time: 1 }], dropped: 7 });",
    );
    const connection = start(host, log, 5000);
    const received: number[][] = [];
    connection.onDidReceive(batch => received.push(...batch.map(m => m.bytes)));
    await connection.refreshPorts();
    assert.deepEqual(connection.ports, { inputs: ['Stand-in'], outputs: [] });
    assert.deepEqual(received, [[0x90, 1, 2]]);
    assert.equal(connection.droppedMessages, 7);
    assert.ok(log.some(line => line.startsWith('ignored a malformed message from the MIDI host')), log.join('\n'));
  });

  it('reports a host that cannot be started as stopped', async () => {
    const connection = start(path.join(dir, 'no-such-host.js'));
    const state = await connection.waitUntilStarted();
    assert.equal(state.kind, 'stopped');
    assert.match(state.kind === 'stopped' ? state.message : '', /^The MIDI host stopped \(exit code 1\): .*Restart it to use MIDI again\.$/);
  });
});
