/**
 * The "Rekordbox MIDI" sidebar: a webview view with the MIDI inputs (connect, disconnect), the MIDI
 * host's state in plain words, the live monitor (each line with the rows it triggers; a click
 * reveals the row), the Learn switch, and "Light" for the row under the cursor.
 *
 * The webview is a web page: a strict Content-Security-Policy (nothing remote, scripts only with
 * this load's nonce, styles only from the extension's media folder), and every message it sends goes
 * through parseWebviewMessage before anything acts on it. Updates are posted at most once per
 * POST_INTERVAL_MS however fast the controller sends.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { errorMessage } from '../common/errors';
import { webviewHtml } from '../common/webviewPage';
import type { MidiHostState } from '../midi/midiHostApi';
import { MidiService } from '../midi/midiService';
import { matchOutputPort } from '../midi/outputPortMatch';
import { ActiveMapping } from '../monitor/activeMapping';
import { MonitorLine, MonitorModel } from '../monitor/monitorModel';
import { LearnSwitch } from '../learn/learnSwitch';
import { LIGHT_MS, lightMessages } from './lightRow';
import { parseWebviewMessage, WebviewMessage } from './webviewMessages';

export const SIDEBAR_VIEW_ID = 'rekordboxMidi.sidebar';
/** At most one update to the webview per this many ms (20 per second). */
const POST_INTERVAL_MS = 50;
const OUTPUT_CHOICE_KEY = 'rekordboxMidi.outputFor';

/** Everything the webview shows: posted as one message, and what the editor tests read. */
export interface SidebarState {
  host: { kind: MidiHostState['kind'] | 'notStarted'; message?: string; advice?: string };
  inputs: string[];
  connected: string | null;
  connectionError?: string;
  monitor: { lines: MonitorLine[]; hiddenClock: number; hiddenActiveSensing: number; mapping: string | null };
  learn: { on: boolean; status: string; listening: boolean };
  light: { row?: { line: number; functionName: string; control: string; codes: string[] }; output?: string; problem?: string; lit: boolean };
}

export class SidebarView implements vscode.WebviewViewProvider, vscode.Disposable {
  readonly monitor = new MonitorModel();
  private view: vscode.WebviewView | undefined;
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPosted = '';
  private listening = false;
  private lit = false;
  private lightProblem: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly midi: MidiService,
    private readonly mapping: ActiveMapping,
    private readonly learnSwitch: LearnSwitch,
    private readonly memento: vscode.Memento,
  ) {
    this.subscriptions.push(
      midi.onDidChange(() => this.schedule()),
      midi.onDidReceive(batch => {
        this.monitor.push(batch);
        this.schedule();
      }),
      mapping.onDidChangeRows(rows => {
        this.monitor.setRows(rows);
        this.schedule();
      }),
      mapping.onDidChangeCursor(() => {
        this.lightProblem = undefined;
        this.schedule();
      }),
      learnSwitch.onDidChange(() => this.schedule()),
    );
  }

  setListening(listening: boolean): void {
    this.listening = listening;
    this.schedule();
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    view.webview.html = this.html(view.webview, media);
    this.subscriptions.push(
      view.webview.onDidReceiveMessage(raw => void this.receiveFromWebview(raw)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.post(true);
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    );
    // Showing the sidebar is when MIDI starts (not activation: users without a controller pay nothing).
    this.midi.ensureStarted();
    void this.mapping.refresh();
  }

  /** The state the webview is (or would be) showing. */
  state(): SidebarState {
    const host = this.midi.host;
    const hostState: SidebarState['host'] = !host
      ? { kind: 'notStarted' }
      : host.state.kind === 'unavailable'
        ? { kind: 'unavailable', message: host.state.message, advice: host.state.advice }
        : host.state.kind === 'stopped'
          ? { kind: 'stopped', message: host.state.message }
          : { kind: host.state.kind };
    const connected = host?.connection.input ?? null;
    const row = this.mapping.rowAtCursor();
    const light: SidebarState['light'] = { lit: this.lit };
    if (row) light.row = { line: row.line, functionName: row.functionName, control: row.control, codes: row.output.map(c => c.code) };
    if (this.lightProblem) light.problem = this.lightProblem;
    if (connected && host) {
      const output = this.outputFor(connected, host.ports.outputs);
      if (output) light.output = output;
    }
    const uri = this.monitor.rowsUri;
    return {
      host: hostState,
      inputs: host ? [...host.ports.inputs] : [],
      connected,
      ...(host?.connection.error ? { connectionError: host.connection.error } : {}),
      monitor: {
        lines: [...this.monitor.lines],
        hiddenClock: this.monitor.hidden.clock,
        hiddenActiveSensing: this.monitor.hidden.activeSensing,
        mapping: uri ? path.basename(vscode.Uri.parse(uri).path) : null,
      },
      learn: { on: this.learnSwitch.on, status: this.learnSwitch.status, listening: this.listening },
      light,
    };
  }

  dispose(): void {
    if (this.postTimer) clearTimeout(this.postTimer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }

  // ---- updates ----------------------------------------------------------------------------------

  private schedule(): void {
    if (this.postTimer || !this.view) return;
    this.postTimer = setTimeout(() => {
      this.postTimer = undefined;
      this.post(false);
    }, POST_INTERVAL_MS);
  }

  private post(force: boolean): void {
    const view = this.view;
    if (!view || !view.visible) return;
    const json = JSON.stringify(this.state());
    if (!force && json === this.lastPosted) return;
    this.lastPosted = json;
    void view.webview.postMessage({ type: 'state', state: JSON.parse(json) as SidebarState });
  }

  // ---- what the webview asks --------------------------------------------------------------------

  /** Everything the page posts comes through here (the editor tests post through it too): validated, then handled. */
  async receiveFromWebview(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return; // not something this page sends: ignored
    await this.handle(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          this.post(true);
          return;
        case 'connect': {
          const host = this.midi.ensureStarted();
          if (!host.ports.inputs.includes(message.input)) return; // only ports the host lists
          await this.midi.connect(message.input);
          return;
        }
        case 'disconnect':
          await this.learnSwitch.setOn(false);
          await this.midi.disconnect();
          return;
        case 'restartHost':
          await this.midi.restart();
          return;
        case 'setLearn':
          await this.learnSwitch.setOn(message.on);
          return;
        case 'revealRow':
          await this.revealRow(message.line);
          return;
        case 'lightRow':
          await this.lightRow();
          return;
        case 'chooseOutput':
          await this.chooseOutput();
          return;
        case 'clearMonitor':
          this.monitor.clear();
          this.schedule();
          return;
      }
    } catch (error) {
      void vscode.window.showWarningMessage(errorMessage(error));
    } finally {
      this.schedule();
    }
  }

  private async revealRow(line: number): Promise<void> {
    const editor = this.mapping.activeEditor;
    if (!editor || line >= editor.document.lineCount) return;
    const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    const start = new vscode.Position(line, 0);
    shown.selection = new vscode.Selection(start, start);
    shown.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The output the user chose for this input, else its clear twin. */
  private outputFor(input: string, outputs: readonly string[]): string | undefined {
    const chosen = this.memento.get<Record<string, string>>(OUTPUT_CHOICE_KEY)?.[input];
    if (chosen && outputs.includes(chosen)) return chosen;
    return matchOutputPort(input, outputs).port;
  }

  private async chooseOutput(): Promise<string | undefined> {
    const host = this.midi.ensureStarted();
    const input = host.connection.input;
    if (!input) return undefined;
    const match = matchOutputPort(input, host.ports.outputs);
    const offered = [...match.candidates, ...host.ports.outputs.filter(o => !match.candidates.includes(o))];
    if (offered.length === 0) {
      this.lightProblem = 'This computer lists no MIDI output to light the controller with.';
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(offered, { title: `Which output lights ${input}?`, placeHolder: 'The controller’s MIDI output' });
    if (!picked) return undefined;
    const choices = { ...(this.memento.get<Record<string, string>>(OUTPUT_CHOICE_KEY) ?? {}), [input]: picked };
    await this.memento.update(OUTPUT_CHOICE_KEY, choices);
    return picked;
  }

  /** Lights the MIDI OUT of the row under the cursor for a second; the sentence why not, when it cannot. */
  async lightRow(): Promise<string | undefined> {
    this.lightProblem = undefined;
    this.lightProblem = await this.light();
    this.schedule();
    return this.lightProblem;
  }

  private async light(): Promise<string | undefined> {
    const host = this.midi.ensureStarted();
    const row = this.mapping.rowAtCursor();
    if (!row) return 'Put the cursor on a mapping row to light it.';
    const input = host.connection.input;
    if (!input) return 'Connect the controller’s input first: its output is found from it.';
    const messages = lightMessages(row.output.map(c => c.code));
    if ('problem' in messages) return messages.problem;
    const output = this.outputFor(input, host.ports.outputs) ?? (await this.chooseOutput());
    if (!output) return this.lightProblem ?? 'No output chosen: nothing lit.';
    for (const bytes of messages.on) await host.send(output, bytes);
    this.lit = true;
    this.schedule();
    setTimeout(() => {
      void (async () => {
        try {
          for (const bytes of messages.off) await host.send(output, bytes);
        } catch {
          // The port went away meanwhile: the light stays as the controller left it.
        }
        this.lit = false;
        this.schedule();
      })();
    }, LIGHT_MS);
    return undefined;
  }

  // ---- the page -----------------------------------------------------------------------------------

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    return webviewHtml({
      webview,
      media,
      script: 'sidebar.js',
      stylesheet: 'sidebar.css',
      title: 'Rekordbox MIDI',
      body: '<main id="app" aria-live="polite"></main>',
    });
  }
}
