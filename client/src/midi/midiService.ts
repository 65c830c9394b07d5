/**
 * The extension's one MIDI host, started lazily: only when the sidebar is first shown or a learn
 * (or connect) command runs, so a user without a controller never pays for the host process.
 *
 * Also remembers the input the user connected last (in globalState) and connects it again when a
 * later session's host lists it. Everything else is the host connection's (midiHostApi.ts).
 */
import * as vscode from 'vscode';
import { errorMessage } from '../common/errors';
import type { MidiHostConnection, MidiHostState, TimedMidiMessage } from './midiHostApi';

const LAST_INPUT_KEY = 'rekordboxMidi.lastInput';

export class MidiService implements vscode.Disposable {
  private connection: MidiHostConnection | undefined;
  private readonly subscriptions: { dispose(): void }[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly received = new vscode.EventEmitter<TimedMidiMessage[]>();
  /** Whether the remembered input was tried in this host session (tried once: a failure is not retried in a loop). */
  private triedRemembered = false;

  /** State, ports or connection changed (or the host started). */
  readonly onDidChange = this.changed.event;
  /** Messages from the connected input. */
  readonly onDidReceive = this.received.event;

  constructor(
    private readonly startHost: () => MidiHostConnection,
    private readonly memento: vscode.Memento,
    private readonly log: (line: string) => void,
  ) {}

  /** The host when it has been started. */
  get host(): MidiHostConnection | undefined {
    return this.connection;
  }

  get rememberedInput(): string | undefined {
    return this.memento.get<string>(LAST_INPUT_KEY);
  }

  /** The host, started now if it was not. */
  ensureStarted(): MidiHostConnection {
    if (this.connection) return this.connection;
    this.log('starting the MIDI host');
    const host = this.startHost();
    this.connection = host;
    this.subscriptions.push(
      host.onDidChangeState(state => {
        this.log(`MIDI host: ${describeState(state)}`);
        if (state.kind === 'ready') void this.connectRemembered();
        else this.triedRemembered = false;
        this.changed.fire();
      }),
      host.onDidChangePorts(() => {
        void this.connectRemembered();
        this.changed.fire();
      }),
      host.onDidChangeConnection(connection => {
        if (connection.error) this.log(`MIDI input: ${connection.error}`);
        this.changed.fire();
      }),
      host.onDidReceive(batch => this.received.fire(batch)),
    );
    this.changed.fire();
    if (host.state.kind === 'ready') void this.connectRemembered();
    return host;
  }

  /** The host's state once it is no longer starting. */
  async settledState(): Promise<MidiHostState> {
    const host = this.ensureStarted();
    if (host.state.kind !== 'starting') return host.state;
    return host.waitUntilStarted();
  }

  async connect(name: string): Promise<void> {
    const host = this.ensureStarted();
    await host.connectInput(name);
    await this.memento.update(LAST_INPUT_KEY, name);
    this.changed.fire();
  }

  async disconnect(): Promise<void> {
    await this.memento.update(LAST_INPUT_KEY, undefined);
    if (this.connection) await this.connection.disconnectInput();
    this.changed.fire();
  }

  async restart(): Promise<void> {
    if (!this.connection) {
      this.ensureStarted();
      return;
    }
    this.triedRemembered = false;
    await this.connection.restart();
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.connection?.dispose();
    this.connection = undefined;
    this.changed.dispose();
    this.received.dispose();
  }

  /** Connects the input remembered from an earlier session once this host lists it. */
  private async connectRemembered(): Promise<void> {
    const host = this.connection;
    const remembered = this.rememberedInput;
    if (!host || !remembered || this.triedRemembered || host.state.kind !== 'ready') return;
    if (host.connection.input !== null || host.chosenInput !== null) return; // the user or the host already chose
    if (!host.ports.inputs.includes(remembered)) return;
    this.triedRemembered = true;
    try {
      await host.connectInput(remembered);
      this.log(`connected ${remembered} again (the input used last time)`);
    } catch (error) {
      this.log(`could not connect ${remembered} again: ${errorMessage(error)}`);
    }
    this.changed.fire();
  }
}

export function describeState(state: MidiHostState): string {
  switch (state.kind) {
    case 'starting':
      return 'starting';
    case 'ready':
      return 'ready';
    case 'unavailable':
      return `unavailable: ${state.message}${state.detail ? ` (${state.detail})` : ''}`;
    case 'stopped':
      return `stopped: ${state.message}`;
  }
}
