/**
 * The sidebar's Learn switch: while it is on, every completed control move is learned at the
 * cursor of the active mapping editor, through the same path as the command (writeLearnedMove).
 * Sessions wait without a timeout; the switch turns itself off, with a sentence, when the input or
 * the host goes away.
 */
import * as vscode from 'vscode';
import type { MidiHostConnection } from '../midi/midiHostApi';
import { hostProblem, LearnDependencies, learnSettings, writeLearnedMove } from './learnCommand';
import { LearnSession } from './learnSession';

export class LearnSwitch implements vscode.Disposable {
  private session: LearnSession | undefined;
  private enabled = false;
  private text = '';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: LearnDependencies) {}

  get on(): boolean {
    return this.enabled;
  }

  /** What the switch last did, for the sidebar. */
  get status(): string {
    return this.text;
  }

  async setOn(on: boolean): Promise<void> {
    if (on === this.enabled) return;
    if (!on) {
      this.stop('Learning is off.');
      return;
    }
    const state = await this.deps.midi.settledState();
    const problem = hostProblem(state);
    const host = this.deps.midi.ensureStarted();
    if (problem) return this.stop(problem);
    if (!host.connection.input) return this.stop('Connect a MIDI input first, then turn learning on.');
    this.enabled = true;
    this.report(`Move a control on ${host.connection.input}: its code goes in at the cursor.`);
    void this.loop(host);
  }

  dispose(): void {
    this.enabled = false;
    this.session?.cancel();
    this.changed.dispose();
  }

  private async loop(host: MidiHostConnection): Promise<void> {
    while (this.enabled) {
      const session = new LearnSession({ quietMs: learnSettings().quietMs, timeoutMs: Infinity });
      this.session = session;
      const subscriptions = [
        host.onDidReceive(batch => session.receive(batch)),
        host.onDidChangeConnection(connection => {
          if (connection.input === null) {
            // When the host itself stopped, its state follows in the same turn: say that instead.
            queueMicrotask(() =>
              session.fail(
                connection.error
                  ? `The controller went away (${connection.error}). Learning is off.`
                  : 'The MIDI input was disconnected. Learning is off.',
              ),
            );
          }
        }),
        host.onDidChangeState(state => {
          if (state.kind !== 'ready') session.fail(`${hostProblem(state) ?? 'The MIDI host stopped.'} Learning is off.`);
        }),
      ];
      const outcome = await session.outcome;
      subscriptions.forEach(s => s.dispose());
      if (!this.enabled) return;
      if (outcome.kind === 'failed' || outcome.kind === 'timedOut') return this.stop(outcome.message);
      if (outcome.kind === 'cancelled') return;
      const editor = this.deps.mappingEditor();
      if (!editor) {
        this.report('A control moved, but no mapping is open: open one and put the cursor where the code should go.');
        continue;
      }
      this.deps.onListening?.(true);
      try {
        const result = await writeLearnedMove(this.deps, editor.document, editor.selection.active, outcome.messages);
        this.report(result.message);
      } finally {
        this.deps.onListening?.(false);
      }
    }
  }

  private stop(message: string): void {
    this.enabled = false;
    this.session?.cancel();
    this.session = undefined;
    this.report(message);
  }

  private report(message: string): void {
    this.text = message;
    this.changed.fire();
  }
}
