/**
 * What the rest of the client sees of MIDI: the surface of the MIDI host connection.
 *
 * The native binding (@julusian/midi) never runs in the extension host: a small MIDI host process
 * owns it (client/src/midi/host/) and this connection talks to it over IPC. Everything here is plain
 * data and plain events, so the sidebar, the learn command and the tests depend on this file only.
 * No `vscode` import: the connection is usable (and tested) from plain Node too.
 */

/** One MIDI message as the port delivered it, with the host's receive time. */
export interface TimedMidiMessage {
  /** Status byte first: `[0x90, 0x0b, 0x7f]`. SysEx arrives whole (`F0 … F7`). */
  bytes: number[];
  /** Milliseconds on the host's monotonic clock (performance.now() in the host process). */
  time: number;
}

export interface MidiPorts {
  /** Input port names as the system lists them (RtMidi has no hot-plug events: the host polls). */
  inputs: string[];
  /** Output port names (for lighting a row's MIDI OUT code). */
  outputs: string[];
}

/**
 * The host process's life:
 * - `starting`: spawned, not ready yet;
 * - `ready`: the binding loaded and the MIDI subsystem answered;
 * - `unavailable`: the host runs but there is no MIDI (no ALSA sequencer, binding missing for this
 *   platform…): `message` is a plain sentence for people, `advice` what to check on their system;
 * - `stopped`: the host process exited or crashed (`message` says how); `restart()` brings it back.
 */
export type MidiHostState =
  | { kind: 'starting' }
  | { kind: 'ready' }
  | { kind: 'unavailable'; message: string; advice: string; detail?: string }
  | { kind: 'stopped'; message: string };

/** The connected input port, or null; `error` says why it went away when it did not on request. */
export interface MidiConnection {
  input: string | null;
  error?: string;
  /** Set when the connection was made again without being asked: the chosen port came back, or the host restarted. */
  reconnected?: boolean;
}

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;

export interface MidiHostConnection extends Disposable {
  readonly state: MidiHostState;
  readonly ports: MidiPorts;
  readonly connection: MidiConnection;
  onDidChangeState(listener: Listener<MidiHostState>): Disposable;
  onDidChangePorts(listener: Listener<MidiPorts>): Disposable;
  /** Fires when the input connects, disconnects, or vanishes (unplugged: `error` set). */
  onDidChangeConnection(listener: Listener<MidiConnection>): Disposable;
  /** Messages from the connected input, in order, in small batches (clock and active sensing dropped at the source). */
  onDidReceive(listener: Listener<TimedMidiMessage[]>): Disposable;
  /** Opens the input port with this name (by name: indices shift when devices come and go). Rejects with a sentence for people. */
  connectInput(name: string): Promise<void>;
  disconnectInput(): Promise<void>;
  /** Sends one message on the output port with this name (opened on demand, kept open). Rejects with a sentence for people. */
  send(outputName: string, bytes: number[]): Promise<void>;
  /** Kills and respawns the host process; reconnects the last input when it is still listed. */
  restart(): Promise<void>;
  /**
   * The input the user chose last (connectInput), kept while its port is gone: it is reconnected
   * when it is listed again. null after disconnectInput().
   */
  readonly chosenInput: string | null;
  /** Messages the host dropped because they came faster than they could be passed on (bounded queue), since it started. */
  readonly droppedMessages: number;
  /** Resolves with the first state after `starting` (ready, unavailable or stopped). */
  waitUntilStarted(): Promise<MidiHostState>;
  /** Reads the port lists now (the host otherwise polls once a second) and resolves with them. */
  refreshPorts(): Promise<MidiPorts>;
  /** The host process's id while it runs (for logs, and for tests that kill it). */
  readonly hostProcessId: number | undefined;
}
