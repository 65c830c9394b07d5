/**
 * "Rekordbox MIDI: Learn from Controller": listens to the connected input for one control move
 * (learnSession.ts), asks the server what it was and where its code goes (`rekordboxMidi/learn`,
 * docs/learn.md), and applies the answer as one edit: one undo step, never saved. The sidebar's
 * Learn switch writes each move through `writeLearnedMove`, the same path.
 *
 * What can go wrong is said in a sentence and nothing is written: no MIDI on this system, the host
 * stopped, the port unplugged, the mapping closed or changed so that the edit no longer fits.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LearnParams, LearnRequest, LearnResult } from '../../../protocol/messages';
import { isInATab } from '../common/editorTabs';
import { errorMessage } from '../common/errors';
import type { MidiHostConnection, MidiHostState, TimedMidiMessage } from '../midi/midiHostApi';
import { MidiService } from '../midi/midiService';
import { DEFAULT_QUIET_MS, DEFAULT_TIMEOUT_MS, LearnSession } from './learnSession';

export const RESTART_HOST_ACTION = 'Restart MIDI Host';

export interface LearnDependencies {
  midi: MidiService;
  client: () => LanguageClient | undefined;
  /** The mapping editor to learn into (the active one, or the last one while the sidebar has the focus). */
  mappingEditor: () => vscode.TextEditor | undefined;
  /** Set while a learn listens, so the sidebar can show it and the switch can wait. */
  onListening?: (listening: boolean) => void;
}

/** What a learn did, returned by the command (the editor tests read it). */
export interface LearnCommandResult {
  written: boolean;
  /** The sentence shown to the user. */
  message: string;
  learned?: LearnResult['learned'];
}

export function learnSettings(): { quietMs: number; timeoutMs: number } {
  const config = vscode.workspace.getConfiguration('rekordboxMidi.learn');
  const quiet = config.get<number>('quietMilliseconds', DEFAULT_QUIET_MS);
  const timeout = config.get<number>('timeoutSeconds', DEFAULT_TIMEOUT_MS / 1000);
  return {
    quietMs: Number.isFinite(quiet) && quiet >= 50 ? quiet : DEFAULT_QUIET_MS,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : DEFAULT_TIMEOUT_MS,
  };
}

/** The sentence for a host that cannot be used now, or undefined when it is ready. */
export function hostProblem(state: MidiHostState): string | undefined {
  switch (state.kind) {
    case 'ready':
      return undefined;
    case 'starting':
      return 'The MIDI host is still starting. Try again in a moment.';
    case 'unavailable': {
      // The host's sentence usually names MIDI already ("MIDI is not available on this computer: …").
      const message = /\bMIDI\b/.test(state.message) ? state.message : `MIDI is not available: ${state.message}`;
      return `${message} ${state.advice}`.trim();
    }
    case 'stopped':
      // The connection's own sentence usually says it already ("The MIDI host stopped (…)").
      return /^The MIDI host/.test(state.message) ? state.message : `The MIDI host stopped: ${state.message}`;
  }
}

/** Shows a problem with the host, offering to restart it; does not wait for the user. */
export function showHostProblem(midi: MidiService, message: string): void {
  void vscode.window.showWarningMessage(message, RESTART_HOST_ACTION).then(choice => {
    if (choice === RESTART_HOST_ACTION) void midi.restart();
  });
}

/** Lets the user pick an input and connects it. Undefined (with a message shown) when none was connected. */
export async function pickAndConnectInput(midi: MidiService, host: MidiHostConnection): Promise<string | undefined> {
  const inputs = host.ports.inputs.length ? host.ports.inputs : (await host.refreshPorts().catch(() => host.ports)).inputs;
  if (inputs.length === 0) {
    void vscode.window.showInformationMessage('No MIDI input is connected to this computer. Plug in the controller and try again.');
    return undefined;
  }
  const remembered = midi.rememberedInput;
  const items = inputs.map(name => ({ label: name, description: name === remembered ? 'used last time' : undefined }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Learn from which MIDI input?', placeHolder: 'The controller to listen to' });
  if (!picked) return undefined;
  try {
    await midi.connect(picked.label);
    return picked.label;
  } catch (error) {
    void vscode.window.showWarningMessage(`Could not open ${picked.label}: ${errorMessage(error)}`);
    return undefined;
  }
}

/** The command. */
export async function learnFromController(deps: LearnDependencies): Promise<LearnCommandResult> {
  const editor = deps.mappingEditor();
  if (!editor) return tell('Open a Rekordbox mapping (*.midi.csv) and put the cursor where the code should go, then learn again.', 'info');
  const document = editor.document;

  const state = await deps.midi.settledState();
  const problem = hostProblem(state);
  if (problem) {
    showHostProblem(deps.midi, problem);
    return { written: false, message: problem };
  }
  const host = deps.midi.ensureStarted();
  let port = host.connection.input;
  if (!port) {
    port = (await pickAndConnectInput(deps.midi, host)) ?? null;
    if (!port) return { written: false, message: 'No MIDI input connected: nothing learned.' };
  }

  const { quietMs, timeoutMs } = learnSettings();
  const session = new LearnSession({ quietMs, timeoutMs });
  const cleanup = watchLearn(session, host, document);
  deps.onListening?.(true);
  let outcome;
  try {
    outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Move a control on ${port}…`, cancellable: true },
      async (_progress, token) => {
        token.onCancellationRequested(() => session.cancel());
        return session.outcome;
      },
    );
  } finally {
    cleanup.dispose();
    deps.onListening?.(false);
  }
  switch (outcome.kind) {
    case 'cancelled':
      return { written: false, message: 'Learning cancelled: nothing written.' };
    case 'timedOut':
    case 'failed':
      return tell(outcome.message, 'warning');
    case 'moved':
      return writeLearnedMove(deps, document, editor.selection.active, outcome.messages);
  }
}

/**
 * Ends a session when what it listens to goes away: the input (unplugged or disconnected), the host,
 * or the mapping.
 */
export function watchLearn(session: LearnSession, host: MidiHostConnection, document: vscode.TextDocument): vscode.Disposable {
  const subscriptions = [
    host.onDidReceive(batch => session.receive(batch)),
    host.onDidChangeConnection(connection => {
      if (connection.input === null) {
        // When the host itself stopped, its state follows in the same turn: say that instead.
        queueMicrotask(() =>
          session.fail(
            connection.error
              ? `The controller went away (${connection.error}): nothing learned.`
              : 'The MIDI input was disconnected: nothing learned.',
          ),
        );
      }
    }),
    host.onDidChangeState(state => {
      if (state.kind !== 'ready') session.fail(`${hostProblem(state) ?? 'The MIDI host stopped.'} Nothing learned.`);
    }),
    vscode.workspace.onDidCloseTextDocument(closed => {
      if (closed === document) session.fail(closedWhileLearning(document));
    }),
    // Closing the tab is what the user sees as closing the mapping; VS Code may keep the document
    // itself open in memory for minutes, and writing there would be writing where nobody asked.
    vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!isInATab(document)) session.fail(closedWhileLearning(document));
    }),
  ];
  return { dispose: () => subscriptions.forEach(s => s.dispose()) };
}

function closedWhileLearning(document: vscode.TextDocument): string {
  return `${path.basename(document.uri.path)} was closed while learning: nothing written.`;
}

/**
 * Asks the server about one control move and writes its answer into `document` at the cursor (of
 * the editor showing it, else `fallbackPosition`): one WorkspaceEdit, one undo step, never saved.
 */
export async function writeLearnedMove(
  deps: Pick<LearnDependencies, 'client'>,
  document: vscode.TextDocument,
  fallbackPosition: vscode.Position,
  messages: TimedMidiMessage[],
): Promise<LearnCommandResult> {
  if (document.isClosed || !isInATab(document)) return tell(closedWhileLearning(document), 'warning');
  const client = deps.client();
  if (!client || !client.isRunning()) return tell('The Rekordbox MIDI language server is not running: nothing written.', 'warning');
  const editor = vscode.window.visibleTextEditors.find(e => e.document === document);
  const position = editor ? editor.selection.active : fallbackPosition;
  const params: LearnParams = {
    textDocument: { uri: document.uri.toString() },
    position: { line: position.line, character: position.character },
    messages: messages.map(m => ({ bytes: m.bytes, time: m.time })),
  };
  let result: LearnResult;
  try {
    result = await client.sendRequest(LearnRequest.type, params);
  } catch (error) {
    return tell(`The language server did not answer the learn (${errorMessage(error)}): nothing written.`, 'warning');
  }
  if (!result.edit) return tell(result.summary, result.learned ? 'info' : 'warning', result.learned);

  // The edit names the version the server read; typing since then makes it stale.
  const expected = result.edit.documentChanges?.find(change => 'textDocument' in change)?.textDocument.version;
  const stale = 'The mapping changed while the code was being written: nothing written. Learn again.';
  if (document.isClosed || !isInATab(document)) return tell(closedWhileLearning(document), 'warning');
  if (typeof expected === 'number' && expected !== document.version) return tell(stale, 'warning', result.learned);
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (typeof expected === 'number' && expected !== document.version) return tell(stale, 'warning', result.learned);
  // VS Code refuses the edit itself when the text moved on meanwhile (it checks the version it saw).
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) return tell(stale, 'warning', result.learned);

  tell(result.summary, result.conflicts?.length ? 'warning' : 'info');
  if (result.cursor) {
    const shown = await vscode.window.showTextDocument(document, { viewColumn: editor?.viewColumn, preserveFocus: false });
    const cursor = new vscode.Position(result.cursor.line, result.cursor.character);
    shown.selection = new vscode.Selection(cursor, cursor);
    shown.revealRange(new vscode.Range(cursor, cursor));
    // The new row needs its function: open function completion there.
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
  }
  return { written: true, message: result.summary, learned: result.learned };
}

function tell(message: string, level: 'info' | 'warning', learned?: LearnResult['learned']): LearnCommandResult {
  if (level === 'warning') void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return { written: false, message, ...(learned ? { learned } : {}) };
}
