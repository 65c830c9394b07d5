/**
 * The mapping the MIDI tools work on: the active `rekordbox-midi` editor (or the last one, while the
 * sidebar has the focus), its rows with their per-deck codes from `rekordboxMidi/mappingRows`, kept
 * current as the text changes, and the row under its cursor.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MappingRowInfo, MappingRowsParams, MappingRowsRequest, MappingRowsResult } from '../../../protocol/messages';
import { LANGUAGE_ID } from '../common/languageId';

/** Typing pauses shorter than this do not ask for the rows again. */
const REFRESH_DELAY_MS = 250;

export class ActiveMapping implements vscode.Disposable {
  private editor: vscode.TextEditor | undefined;
  private result: MappingRowsResult | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly rowsChanged = new vscode.EventEmitter<MappingRowsResult | null>();
  private readonly cursorChanged = new vscode.EventEmitter<void>();
  private requestSerial = 0;

  readonly onDidChangeRows = this.rowsChanged.event;
  /** The editor or its cursor line changed. */
  readonly onDidChangeCursor = this.cursorChanged.event;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(editor => {
        if (editor && editor.document.languageId === LANGUAGE_ID) this.track(editor);
        else if (editor) this.track(undefined); // another file is in front: the tools have no mapping
      }),
      vscode.window.onDidChangeTextEditorSelection(event => {
        if (event.textEditor === this.editor) this.cursorChanged.fire();
      }),
      vscode.workspace.onDidChangeTextDocument(event => {
        if (event.document === this.editor?.document) this.refreshSoon();
      }),
      // The server publishes diagnostics once it has read the text: when the rows were asked for
      // before that (at startup the request can overtake the open notification), ask again.
      vscode.languages.onDidChangeDiagnostics(event => {
        const document = this.editor?.document;
        if (!document || (this.result && this.result.version === document.version)) return;
        if (event.uris.some(uri => uri.toString() === document.uri.toString())) this.refreshSoon();
      }),
      vscode.workspace.onDidCloseTextDocument(document => {
        if (document === this.editor?.document) this.track(undefined);
      }),
      vscode.workspace.onDidOpenTextDocument(document => {
        // A document whose language changes to ours is reopened: pick it up if it is in front.
        if (document.languageId === LANGUAGE_ID && vscode.window.activeTextEditor?.document === document) this.track(vscode.window.activeTextEditor);
      }),
    );
    const active = vscode.window.activeTextEditor;
    if (active?.document.languageId === LANGUAGE_ID) this.track(active);
  }

  /** The mapping editor, when one is (or was last) in front and still open. */
  get activeEditor(): vscode.TextEditor | undefined {
    const editor = this.editor;
    if (!editor || editor.document.isClosed) return undefined;
    // The same document may have been shown again in a new editor (tabs moved): prefer a visible one.
    return vscode.window.visibleTextEditors.find(e => e.document === editor.document) ?? editor;
  }

  get rows(): MappingRowsResult | null {
    return this.result;
  }

  /** The row on the cursor's line, if that line is a mapping row. */
  rowAtCursor(): MappingRowInfo | undefined {
    const editor = this.activeEditor;
    if (!editor || !this.result || this.result.uri !== editor.document.uri.toString()) return undefined;
    const line = editor.selection.active.line;
    return this.result.rows.find(r => r.line === line);
  }

  /** Asks the server for the rows now (also called once the language server runs). */
  async refresh(): Promise<void> {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    const editor = this.activeEditor;
    const client = this.client();
    const serial = ++this.requestSerial;
    if (!editor || !client || !client.isRunning()) {
      this.setResult(null);
      return;
    }
    try {
      const params: MappingRowsParams = { textDocument: { uri: editor.document.uri.toString() } };
      const result = await client.sendRequest(MappingRowsRequest.type, params);
      if (serial === this.requestSerial) this.setResult(result);
    } catch {
      // The server restarts or the document closed: the next event asks again.
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.rowsChanged.dispose();
    this.cursorChanged.dispose();
  }

  private track(editor: vscode.TextEditor | undefined): void {
    if (editor === this.editor) return;
    this.editor = editor;
    this.cursorChanged.fire();
    void this.refresh();
  }

  private refreshSoon(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private setResult(result: MappingRowsResult | null): void {
    this.result = result;
    this.rowsChanged.fire(result);
  }
}
