/**
 * The client's side of the MIDI host: forks dist/midiHost.js, keeps its state, ports and connection
 * current from the events it sends, and turns the interface's calls into requests that always end
 * (answer, error sentence, or timeout). No `vscode` import: the learn command, the sidebar and the
 * tests use it from plain Node.
 *
 * Reconnection lives here, not in the host: the connection remembers the input the user chose, and
 * when that port is listed again (replugged, or after a restart) it opens it and reports
 * `reconnected: true`.
 */
import { ChildProcess, fork } from 'child_process';
import { errorMessage } from '../common/errors';
import type {
  Disposable,
  Listener,
  MidiConnection,
  MidiHostConnection,
  MidiHostState,
  MidiPorts,
  TimedMidiMessage,
} from './midiHostApi';
import { HOST_PROTOCOL_VERSION, HostRequest, parseHostEvent } from './host/hostProtocol';

export interface StartMidiHostOptions {
  /** Absolute path of the host bundle: `context.asAbsolutePath('dist/midiHost.js')` in the extension. */
  hostModule: string;
  /** Receives the host's stderr (RtMidi's warnings, load errors) and the connection's own notes, one line at a time. */
  log?: (line: string) => void;
  /** Added to this process's environment for the host (e.g. REKORDBOX_MIDI_NATIVE_MODULE in tests). */
  env?: NodeJS.ProcessEnv;
  /** A request not answered within this rejects (default 5000 ms). */
  requestTimeoutMs?: number;
  /** A host still `starting` after this is killed and reported stopped (default 15000 ms). */
  startTimeoutMs?: number;
}

/** Forks the MIDI host and returns its connection (state `starting` until the host reports). */
export function startMidiHost(options: StartMidiHostOptions): MidiHostConnection {
  return new ForkedMidiHostConnection(options);
}

// ---- port identity --------------------------------------------------------------------------------

/**
 * A port's name without the numbers the system gives it per session: ALSA's ` 24:0` client:port
 * suffix, JACK's `-01` client suffix, Windows' `2- ` prefix for a second identical device. A
 * replugged controller may come back under another number.
 */
export function portIdentity(name: string): string {
  // ALSA names always end in the client:port numbers; only other names can carry JACK's suffix.
  const alsa = /^(.*\S)\s+\d+:\d+$/.exec(name);
  if (alsa) return alsa[1];
  return name.replace(/^([^:]*)-\d\d:/, '$1:').replace(/^\d+- /, '');
}

/** The listed port that is the chosen one back: the same name, else the only one with the same identity. */
export function findReturningPort(chosen: string, listed: readonly string[]): string | undefined {
  if (listed.includes(chosen)) return chosen;
  const identity = portIdentity(chosen);
  const candidates = listed.filter(name => portIdentity(name) === identity);
  return candidates.length === 1 ? candidates[0] : undefined;
}

// ---- events ---------------------------------------------------------------------------------------

class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  constructor(private readonly log: (line: string) => void) {}
  subscribe(listener: Listener<T>): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        // One listener's bug must not stop the others, nor the connection.
        this.log(`a listener threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
  clear(): void {
    this.listeners.clear();
  }
}

/** A request without its id (one Omit per member of the union). */
type RequestBody = HostRequest extends infer Member ? (Member extends HostRequest ? Omit<Member, 'id'> : never) : never;

interface PendingRequest {
  type: HostRequest['type'];
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
const DEFAULT_START_TIMEOUT_MS = 15000;
/** How long a host asked to exit (IPC closed) gets before it is killed. */
const EXIT_GRACE_MS = 2000;

class ForkedMidiHostConnection implements MidiHostConnection {
  state: MidiHostState = { kind: 'starting' };
  ports: MidiPorts = { inputs: [], outputs: [] };
  connection: MidiConnection = { input: null };
  chosenInput: string | null = null;
  droppedMessages = 0;

  get hostProcessId(): number | undefined {
    return this.child?.pid;
  }

  private readonly log: (line: string) => void;
  private readonly requestTimeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly stateChanged: Emitter<MidiHostState>;
  private readonly portsChanged: Emitter<MidiPorts>;
  private readonly connectionChanged: Emitter<MidiConnection>;
  private readonly received: Emitter<TimedMidiMessage[]>;

  private child: ChildProcess | undefined;
  /** Events from a host this connection has since replaced are ignored. */
  private generation = 0;
  private nextRequestId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private lastStderrLine = '';
  /** The name being reopened automatically, so its `connection` event is marked `reconnected`. */
  private reconnecting: string | undefined;
  private reconnection: Promise<void> | undefined;
  private disposed = false;

  constructor(private readonly options: StartMidiHostOptions) {
    this.log = line => options.log?.(line);
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.stateChanged = new Emitter(this.log);
    this.portsChanged = new Emitter(this.log);
    this.connectionChanged = new Emitter(this.log);
    this.received = new Emitter(this.log);
    this.spawn();
  }

  onDidChangeState(listener: Listener<MidiHostState>): Disposable {
    return this.stateChanged.subscribe(listener);
  }
  onDidChangePorts(listener: Listener<MidiPorts>): Disposable {
    return this.portsChanged.subscribe(listener);
  }
  onDidChangeConnection(listener: Listener<MidiConnection>): Disposable {
    return this.connectionChanged.subscribe(listener);
  }
  onDidReceive(listener: Listener<TimedMidiMessage[]>): Disposable {
    return this.received.subscribe(listener);
  }

  // ---- the process ----

  private spawn(): void {
    const generation = ++this.generation;
    this.setState({ kind: 'starting' });
    let child: ChildProcess;
    try {
      child = fork(this.options.hostModule, [], {
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        // In VS Code process.execPath is Electron: ELECTRON_RUN_AS_NODE makes it plain Node, as
        // vscode-languageclient does for its servers. Plain Node ignores it.
        env: { ...process.env, ...this.options.env, ELECTRON_RUN_AS_NODE: '1' },
        // The extension host's own flags (--inspect…) are not for the host.
        execArgv: [],
      });
    } catch (error) {
      this.setState({ kind: 'stopped', message: `The MIDI host could not start: ${errorMessage(error)}` });
      return;
    }
    this.child = child;
    this.lastStderrLine = '';
    forEachLine(child.stdout, line => this.log(`[midi host] ${line}`));
    forEachLine(child.stderr, line => {
      this.lastStderrLine = line;
      this.log(`[midi host] ${line}`);
    });
    const startTimer = setTimeout(() => {
      if (generation !== this.generation || this.state.kind !== 'starting') return;
      this.log(`the MIDI host did not start within ${this.startTimeoutMs} ms: killing it`);
      child.kill('SIGKILL');
    }, this.startTimeoutMs);
    child.on('message', message => {
      if (generation === this.generation) this.handleEvent(message);
    });
    child.on('error', error => {
      // Spawning failed (no 'exit' follows then) or a signal could not be delivered.
      if (generation === this.generation && child.exitCode === null && child.pid === undefined) {
        clearTimeout(startTimer);
        this.hostStopped(`The MIDI host could not start: ${error.message}`);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(startTimer);
      if (generation !== this.generation) return;
      const how = signal ? `it was stopped by ${signal}` : `exit code ${code}`;
      const why = code !== 0 && this.lastStderrLine ? `: ${this.lastStderrLine}` : '';
      this.hostStopped(`The MIDI host stopped (${how})${why}. Restart it to use MIDI again.`);
    });
  }

  private hostStopped(message: string): void {
    this.child = undefined;
    this.rejectPending('The MIDI host stopped before answering.');
    this.setPorts({ inputs: [], outputs: [] });
    if (this.connection.input !== null) this.setConnection({ input: null, error: 'The MIDI host stopped.' });
    this.setState({ kind: 'stopped', message });
  }

  /** Closes the host's IPC channel (it exits by itself, closing its ports) and kills it if it lingers. */
  private stopChild(child: ChildProcess): Promise<void> {
    return new Promise(resolve => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killTimer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(killTimer);
        resolve();
      });
      if (child.connected) child.disconnect();
      else child.kill('SIGTERM');
    });
  }

  async restart(): Promise<void> {
    if (this.disposed) throw new Error('The MIDI host connection is closed.');
    const old = this.child;
    this.generation++; // the old host's last words no longer count
    this.child = undefined;
    this.rejectPending('The MIDI host was restarted before answering.');
    // Ports are let go before the new host opens them (Windows gives a port to one program at a time).
    if (old) await this.stopChild(old);
    this.setPorts({ inputs: [], outputs: [] });
    if (this.connection.input !== null) this.setConnection({ input: null });
    this.spawn();
    const state = await this.waitUntilStarted();
    if (state.kind !== 'ready' || this.chosenInput === null) return;
    // The host sends its ports right after `ready`: once refreshPorts answers they have been seen
    // and the reconnection, if the chosen port is listed, is under way.
    await this.refreshPorts().catch(error => this.log(`after restart: ${errorMessage(error)}`));
    await this.reconnection;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    const child = this.child;
    this.child = undefined;
    this.rejectPending('The MIDI host connection was closed.');
    if (child) void this.stopChild(child);
    for (const emitter of [this.stateChanged, this.portsChanged, this.connectionChanged, this.received]) emitter.clear();
  }

  // ---- what the host says ----

  private handleEvent(raw: unknown): void {
    const event = parseHostEvent(raw);
    if (!event) {
      this.log(`ignored a malformed message from the MIDI host: ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    switch (event.type) {
      case 'state':
        if (event.protocol !== HOST_PROTOCOL_VERSION) this.log(`the MIDI host speaks protocol ${event.protocol}, this client ${HOST_PROTOCOL_VERSION}`);
        this.setState(
          event.state === 'ready'
            ? { kind: 'ready' }
            : { kind: 'unavailable', message: event.message, advice: event.advice, ...(event.detail === undefined ? {} : { detail: event.detail }) },
        );
        return;
      case 'ports':
        this.setPorts({ inputs: event.inputs, outputs: event.outputs });
        this.reconnectChosenInput();
        return;
      case 'connection':
        this.setConnection({
          input: event.input,
          ...(event.error === undefined ? {} : { error: event.error }),
          ...(event.input !== null && event.input === this.reconnecting ? { reconnected: true } : {}),
        });
        return;
      case 'messages':
        this.droppedMessages += event.dropped;
        if (event.dropped > 0) this.log(`the MIDI host dropped ${event.dropped} messages (they came faster than they could be passed on)`);
        if (event.messages.length > 0) this.received.fire(event.messages);
        return;
      case 'response': {
        const request = this.pending.get(event.id);
        if (!request) return; // timed out meanwhile
        this.pending.delete(event.id);
        clearTimeout(request.timer);
        if (event.ok) request.resolve(event.result);
        else request.reject(new Error(event.error));
        return;
      }
    }
  }

  /** When the chosen input is listed again and nothing is connected, opens it (once per ports change). */
  private reconnectChosenInput(): void {
    const chosen = this.chosenInput;
    if (this.state.kind !== 'ready' || chosen === null || this.connection.input !== null || this.reconnecting !== undefined) return;
    const name = findReturningPort(chosen, this.ports.inputs);
    if (name === undefined) return;
    this.reconnecting = name;
    this.reconnection = this.request({ type: 'connectInput', name })
      .then(
        () => {
          if (this.chosenInput === chosen) this.chosenInput = name; // it may have come back under another number
        },
        error => {
          this.log(`reconnecting ${name}: ${errorMessage(error)}`);
          this.setConnection({ input: null, error: errorMessage(error) });
        },
      )
      .finally(() => {
        this.reconnecting = undefined;
      });
  }

  private setState(state: MidiHostState): void {
    this.state = state;
    this.stateChanged.fire(state);
  }

  private setPorts(ports: MidiPorts): void {
    if (sameList(ports.inputs, this.ports.inputs) && sameList(ports.outputs, this.ports.outputs)) return;
    this.ports = ports;
    this.portsChanged.fire(ports);
  }

  private setConnection(connection: MidiConnection): void {
    this.connection = connection;
    this.connectionChanged.fire(connection);
  }

  // ---- requests ----

  waitUntilStarted(): Promise<MidiHostState> {
    if (this.state.kind !== 'starting') return Promise.resolve(this.state);
    return new Promise(resolve => {
      const subscription = this.onDidChangeState(state => {
        if (state.kind === 'starting') return;
        subscription.dispose();
        resolve(state);
      });
    });
  }

  async connectInput(name: string): Promise<void> {
    const previous = this.chosenInput;
    this.chosenInput = name;
    try {
      await this.request({ type: 'connectInput', name });
    } catch (error) {
      // A port that could not be opened is not the one to wait for: keep what is connected.
      if (this.chosenInput === name) this.chosenInput = this.connection.input ?? (previous === name ? null : previous);
      throw error;
    }
  }

  async disconnectInput(): Promise<void> {
    this.chosenInput = null;
    await this.request({ type: 'disconnectInput' });
  }

  async send(outputName: string, bytes: number[]): Promise<void> {
    // The host checks the bytes (one place for the rule and its sentences).
    await this.request({ type: 'send', output: outputName, bytes });
  }

  async refreshPorts(): Promise<MidiPorts> {
    await this.request({ type: 'refreshPorts' });
    // The answer carries the lists too, but the `ports` event before it already set them.
    return this.ports;
  }

  private request(body: RequestBody): Promise<unknown> {
    if (this.disposed) return Promise.reject(new Error('The MIDI host connection is closed.'));
    const child = this.child;
    if (!child || !child.connected) {
      return Promise.reject(new Error(this.state.kind === 'stopped' ? this.state.message : 'The MIDI host is not running. Restart it to use MIDI again.'));
    }
    const id = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`The MIDI host did not answer within ${formatSeconds(this.requestTimeoutMs)} (${body.type}). Restart it if this goes on.`));
      }, this.requestTimeoutMs);
      this.pending.set(id, { type: body.type, resolve, reject, timer });
      try {
        child.send({ ...body, id }, error => {
          if (error) this.failRequest(id, `Could not reach the MIDI host: ${error.message}`);
        });
      } catch (error) {
        this.failRequest(id, `Could not reach the MIDI host: ${errorMessage(error)}`);
      }
    });
  }

  private failRequest(id: number, message: string): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    clearTimeout(request.timer);
    request.reject(new Error(message));
  }

  private rejectPending(message: string): void {
    for (const [id, request] of this.pending) {
      clearTimeout(request.timer);
      request.reject(new Error(`${message} (${request.type})`));
      this.pending.delete(id);
    }
  }
}

// ---- small helpers ---------------------------------------------------------------------------------

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split(/\r?\n/);
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') onLine(line);
  });
  stream.on('end', () => {
    if (partial.trim() !== '') onLine(partial);
    partial = '';
  });
}
