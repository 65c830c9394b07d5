/**
 * The MIDI host: a small Node process (forked by midiHostConnection.ts, bundled to dist/midiHost.js)
 * that owns the native binding @julusian/midi, so a driver crash or a stuck call never takes the
 * extension host down. It talks to its parent over IPC only (hostProtocol.ts) and exits when the
 * parent goes away.
 *
 * - Loading the binding or starting RtMidi may fail (no ALSA sequencer, no prebuild for the
 *   platform): the host then stays up and reports `unavailable` with a sentence and advice.
 * - RtMidi has no hot-plug events: the port lists are polled and reported only when they change.
 * - One input at a time, opened by name; when its port leaves the list the host closes it and says so.
 * - Messages go to the parent in small batches from a bounded queue: a SysEx flood or a fast jog
 *   cannot grow memory (beyond the bound, messages are dropped and counted).
 *
 * Test knob: REKORDBOX_MIDI_NATIVE_MODULE=<absolute path of an @julusian/midi package folder> loads
 * that build instead of the bundled one (the midi lane uses a JACK build; see docs/midi.md).
 */
import { createRequire } from 'module';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { errorMessage } from '../../common/errors';
import type { MidiPorts, TimedMidiMessage } from '../midiHostApi';
import { HOST_PROTOCOL_VERSION, HostEvent, HostRequest, parseHostRequest } from './hostProtocol';
import { describeUnavailable, Unavailable } from './unavailable';

// ---- the parts of @julusian/midi we use (its own types may differ in the override build) ----------

interface NativePort {
  getPortCount(): number;
  getPortName(index: number): string;
  openPort(index: number): void;
  closePort(): void;
  destroy(): void;
}
interface NativeInput extends NativePort {
  ignoreTypes(sysex: boolean, timing: boolean, activeSensing: boolean): void;
  on(event: 'message', listener: (deltaTime: number, message: number[]) => void): void;
}
interface NativeOutput extends NativePort {
  sendMessage(message: number[]): void;
}
interface MidiBinding {
  verifyLibraryLoaded(): void;
  Input: new () => NativeInput;
  Output: new () => NativeOutput;
}

// ---- limits -------------------------------------------------------------------------------------

const DEFAULT_POLL_INTERVAL_MS = 1000;
/** Messages waiting for the parent, at most; beyond this they are dropped and counted. */
const MAX_QUEUED_MESSAGES = 4096;
/** Bytes waiting for the parent, at most (a few SysEx dumps). */
const MAX_QUEUED_BYTES = 1 << 20;
/** Messages in one IPC batch, at most. */
const MAX_BATCH_MESSAGES = 512;
/** Batches written to the IPC channel and not yet taken by the parent: beyond this the host queues. */
const MAX_UNACKNOWLEDGED_BATCHES = 8;

// ---- the binding ----------------------------------------------------------------------------------

/** The bundled binding (dist/node_modules/@julusian/midi), or the package folder the env names. */
function loadBinding(): MidiBinding {
  const override = process.env.REKORDBOX_MIDI_NATIVE_MODULE;
  if (override) {
    if (!path.isAbsolute(override)) throw new Error(`REKORDBOX_MIDI_NATIVE_MODULE must be an absolute path, not ${override}`);
    // A package may require itself by name from inside its folder: this keeps to its `exports` map.
    return createRequire(path.join(override, 'package.json'))('@julusian/midi/lazy') as MidiBinding;
  }
  // The lazy entry never throws on import: a load error surfaces at verifyLibraryLoaded().
  return createRequire(__filename)('@julusian/midi/lazy') as MidiBinding;
}

/**
 * The unnamed ports RtMidi creates for a plain (non-virtual) connection, ours included: JACK and
 * ALSA list them as ports of their own, but no controller is ever one of them.
 */
const RTMIDI_CONNECTION_PORT = /^RtMidi (Input|Output) Client(-\d+)?:RtMidi (Input|Output)( \d+:\d+)?$/;

function listPortNames(lister: NativePort): string[] {
  const names: string[] = [];
  const count = lister.getPortCount();
  for (let index = 0; index < count; index++) {
    try {
      const name = lister.getPortName(index);
      // A port may vanish between the count and the name: skip it, the next poll is right.
      if (name && !RTMIDI_CONNECTION_PORT.test(name) && !names.includes(name)) names.push(name);
    } catch {
      // as above
    }
  }
  return names;
}

function indexOfPort(lister: NativePort, name: string): number {
  const count = lister.getPortCount();
  for (let index = 0; index < count; index++) {
    try {
      if (lister.getPortName(index) === name) return index;
    } catch {
      // vanished meanwhile
    }
  }
  return -1;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** A request that fails with a sentence for people (the response's `error`). */
class RequestError extends Error {}

// ---- the host ---------------------------------------------------------------------------------------

class MidiHost {
  private binding: MidiBinding | undefined;
  private unavailable: Unavailable | undefined;
  private inputLister: NativeInput | undefined;
  private outputLister: NativeOutput | undefined;
  private ports: MidiPorts = { inputs: [], outputs: [] };
  private pollTimer: NodeJS.Timeout | undefined;
  private input: { name: string; port: NativeInput } | undefined;
  private readonly outputs = new Map<string, NativeOutput>();

  private queue: TimedMidiMessage[] = [];
  private queuedBytes = 0;
  private dropped = 0;
  private unacknowledgedBatches = 0;
  private flushScheduled = false;

  constructor(
    private readonly post: (event: HostEvent, onWritten?: () => void) => void,
    private readonly log: (line: string) => void,
    private readonly pollIntervalMs: number,
  ) {}

  start(): void {
    let binding: MidiBinding;
    try {
      binding = loadBinding();
      binding.verifyLibraryLoaded();
    } catch (error) {
      this.becomeUnavailable(describeUnavailable('load', error));
      return;
    }
    try {
      // Opening the listers starts RtMidi: "Failed to initialise RtMidi" when there is no MIDI system.
      this.inputLister = new binding.Input();
      this.outputLister = new binding.Output();
    } catch (error) {
      this.inputLister?.destroy();
      this.becomeUnavailable(describeUnavailable('start', error));
      return;
    }
    this.binding = binding;
    this.post({ type: 'state', state: 'ready', protocol: HOST_PROTOCOL_VERSION });
    this.poll(true);
    this.pollTimer = setInterval(() => this.poll(false), this.pollIntervalMs);
  }

  private becomeUnavailable(unavailable: Unavailable): void {
    this.unavailable = unavailable;
    this.log(`MIDI unavailable: ${unavailable.message} (${unavailable.detail})`);
    this.post({ type: 'state', state: 'unavailable', protocol: HOST_PROTOCOL_VERSION, ...unavailable });
    this.post({ type: 'ports', inputs: [], outputs: [] });
  }

  /** Reads both port lists; reports them when they changed; closes ports that left. */
  private poll(report: boolean): void {
    if (!this.inputLister || !this.outputLister) return;
    let inputs: string[];
    let outputs: string[];
    try {
      inputs = listPortNames(this.inputLister);
      outputs = listPortNames(this.outputLister);
    } catch (error) {
      this.log(`listing ports failed: ${errorMessage(error)}`);
      return;
    }
    const changed = !sameList(inputs, this.ports.inputs) || !sameList(outputs, this.ports.outputs);
    this.ports = { inputs, outputs };
    if (this.input && !inputs.includes(this.input.name)) {
      const name = this.input.name;
      this.closeInput();
      this.post({ type: 'connection', input: null, error: `${name} disconnected.` });
    }
    for (const [name, output] of this.outputs) {
      if (!outputs.includes(name)) {
        closeQuietly(output);
        this.outputs.delete(name);
      }
    }
    if (changed || report) this.post({ type: 'ports', inputs, outputs });
  }

  handle(raw: unknown): void {
    const request = parseHostRequest(raw);
    if (!('type' in request)) {
      if (request.id === undefined) this.log(request.error);
      else this.post({ type: 'response', id: request.id, ok: false, error: request.error });
      return;
    }
    try {
      const result = this.perform(request);
      this.post({ type: 'response', id: request.id, ok: true, ...(result === undefined ? {} : { result }) });
    } catch (error) {
      // A RequestError is already a sentence; anything else is a bug or a driver failure: say which request.
      const sentence = error instanceof RequestError ? error.message : `The MIDI host could not ${request.type}: ${errorMessage(error)}`;
      this.post({ type: 'response', id: request.id, ok: false, error: sentence });
    }
  }

  private perform(request: HostRequest): unknown {
    if (request.type === 'refreshPorts') {
      this.poll(false);
      return this.ports;
    }
    if (!this.binding) throw new RequestError(this.unavailable?.message ?? 'The MIDI host is still starting.');
    switch (request.type) {
      case 'connectInput':
        return this.connectInput(this.binding, request.name);
      case 'disconnectInput':
        if (this.input) {
          this.closeInput();
          this.post({ type: 'connection', input: null });
        }
        return undefined;
      case 'send':
        return this.send(this.binding, request.output, request.bytes);
    }
  }

  private connectInput(binding: MidiBinding, name: string): void {
    if (this.input?.name === name) return;
    const index = this.inputLister ? indexOfPort(this.inputLister, name) : -1;
    if (index < 0) throw new RequestError(`No MIDI input named ${JSON.stringify(name)} is connected.`);
    if (this.input) this.closeInput();
    const port = new binding.Input();
    // Clock and active sensing arrive dozens of times a second and say nothing about a control: drop
    // them in the driver. SysEx is kept (some controllers answer identity requests with it).
    port.ignoreTypes(false, true, true);
    port.on('message', (_deltaTime, bytes) => {
      if (this.input?.port === port) this.enqueue(bytes);
    });
    try {
      port.openPort(index);
    } catch (error) {
      closeQuietly(port);
      throw new RequestError(`Could not open ${name}: another program may be using it (${errorMessage(error)}).`);
    }
    this.input = { name, port };
    this.post({ type: 'connection', input: name });
  }

  private closeInput(): void {
    const input = this.input;
    this.input = undefined;
    if (input) closeQuietly(input.port);
    // Whatever is still queued came from that port: it goes out first, in order.
    this.scheduleFlush();
  }

  private send(binding: MidiBinding, name: string, bytes: number[]): void {
    let output = this.outputs.get(name);
    if (!output) {
      const index = this.outputLister ? indexOfPort(this.outputLister, name) : -1;
      if (index < 0) throw new RequestError(`No MIDI output named ${JSON.stringify(name)} is connected.`);
      output = new binding.Output();
      try {
        output.openPort(index);
      } catch (error) {
        closeQuietly(output);
        throw new RequestError(`Could not open ${name}: another program may be using it (${errorMessage(error)}).`);
      }
      this.outputs.set(name, output);
    }
    try {
      output.sendMessage(bytes);
    } catch (error) {
      throw new RequestError(`Could not send to ${name}: ${errorMessage(error)}.`);
    }
  }

  // ---- the bounded queue to the parent ----

  private enqueue(bytes: number[]): void {
    if (this.queue.length >= MAX_QUEUED_MESSAGES || this.queuedBytes + bytes.length > MAX_QUEUED_BYTES) {
      this.dropped++;
      return;
    }
    this.queue.push({ bytes, time: performance.now() });
    this.queuedBytes += bytes.length;
    this.scheduleFlush();
  }

  /** After the messages of this turn of the event loop have arrived (no timer: no added delay). */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.unacknowledgedBatches >= MAX_UNACKNOWLEDGED_BATCHES) return;
    if (this.queue.length === 0 && this.dropped === 0) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queue.length === 0 && this.dropped === 0) return;
    const messages = this.queue.splice(0, MAX_BATCH_MESSAGES);
    for (const message of messages) this.queuedBytes -= message.bytes.length;
    const dropped = this.dropped;
    this.dropped = 0;
    this.unacknowledgedBatches++;
    this.post({ type: 'messages', messages, dropped }, () => {
      this.unacknowledgedBatches--;
      this.scheduleFlush();
    });
    this.scheduleFlush();
  }

  dispose(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.closeInput();
    for (const output of this.outputs.values()) closeQuietly(output);
    this.outputs.clear();
    if (this.inputLister) closeQuietly(this.inputLister);
    if (this.outputLister) closeQuietly(this.outputLister);
  }
}

function closeQuietly(port: NativePort): void {
  try {
    port.closePort();
    port.destroy();
  } catch {
    // Closing a port whose device is gone may throw; it is closed either way.
  }
}

// ---- the process ------------------------------------------------------------------------------------

function main(): void {
  const send = process.send?.bind(process);
  if (!send) {
    console.error('The MIDI host talks to the extension over IPC: start it with child_process.fork.');
    process.exit(2);
  }
  // The parent prefixes and logs whatever the host writes to stderr (RtMidi prints its warnings there).
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const post = (event: HostEvent, onWritten?: () => void) => {
    if (!process.connected) return;
    send(event, undefined, {}, error => {
      if (error) log(`IPC write failed: ${errorMessage(error)}`);
      onWritten?.();
    });
  };
  const pollIntervalMs = Number(process.env.REKORDBOX_MIDI_POLL_MS) > 0 ? Number(process.env.REKORDBOX_MIDI_POLL_MS) : DEFAULT_POLL_INTERVAL_MS;
  const host = new MidiHost(post, log, pollIntervalMs);
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    host.dispose();
    process.exit(code);
  };
  // The parent went away (closed the channel, crashed): nothing is listening any more.
  process.on('disconnect', () => exit(0));
  process.on('SIGTERM', () => exit(0));
  process.on('message', message => host.handle(message));
  host.start();
}

main();
