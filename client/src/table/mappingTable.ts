/**
 * "Open Mapping Table": a webview beside the text that shows the mapping like Rekordbox's MIDI
 * window — its tabs, the columns Function / Deck / MIDI IN / Type / MIDI OUT / Comment with the codes
 * each deck gets, sorting, a filter, problems marked, `#` rows greyed — and follows the text as it
 * changes. A row's click reveals it in the text; DUPLICATE and DELETE are text edits the server makes
 * (`rekordboxMidi/rowAction`) and this applies as one undo step each, never saving.
 *
 * One panel per document: running the command again shows it. The panel goes when the document's
 * last tab closes. The webview is a web page: a strict Content-Security-Policy (nothing remote,
 * scripts only with this load's nonce, styles only from the extension's media folder), and every
 * message it sends goes through parseTableMessage first. Updates are posted at most once per
 * POST_INTERVAL_MS; the rows are asked for again at most once per REFRESH_DELAY_MS while typing.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  MappingRowsParams,
  MappingRowsRequest,
  MappingRowsResult,
  RowActionKind,
  RowActionParams,
  RowActionRequest,
} from '../../../protocol/messages';
import { isInATab } from '../common/editorTabs';
import { errorMessage } from '../common/errors';
import { LANGUAGE_ID } from '../common/languageId';
import { webviewHtml } from '../common/webviewPage';
import { parseSavedTableState, parseTableMessage, SavedTableState, TableMessage } from './tableMessages';
import { ALL_TAB, buildTableView, FILE_ORDER, nextSort, TableRow, TableSort, TableTab, TableView, toTableRows } from './tableModel';

export const OPEN_TABLE_COMMAND = 'rekordboxMidi.openMappingTable';
/** Not in the manifest (so in no menu or palette): the editor tests read and drive a table through these. */
export const TABLE_STATE_COMMAND = 'rekordboxMidi.mappingTable.state';
export const TABLE_POST_COMMAND = 'rekordboxMidi.mappingTable.postFromPage';

const VIEW_TYPE = 'rekordboxMidi.mappingTable';
/** At most one update to the webview per this many ms. */
const POST_INTERVAL_MS = 50;
/** While the text changes, the rows are asked for at most once per this many ms. */
const REFRESH_DELAY_MS = 150;
const UNDO_KEY = process.platform === 'darwin' ? '⌘Z' : 'Ctrl+Z';

/** Everything the page shows: posted as one message, and what the editor tests read. */
export interface TableState extends TableView {
  uri: string;
  fileName: string;
  deviceName: string | null;
  /** The document version the rows are of; null until the server has answered. */
  version: number | null;
  tab: TableTab;
  sort: TableSort;
  filter: string;
  /** Rows in the document. */
  total: number;
  /** What the last action did, or why it did nothing. */
  message: string;
}

export function registerMappingTable(context: vscode.ExtensionContext, client: LanguageClient): void {
  const tables = new MappingTables(context.extensionUri, client);
  context.subscriptions.push(
    tables,
    vscode.commands.registerCommand(OPEN_TABLE_COMMAND, (uri?: unknown) => tables.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(TABLE_STATE_COMMAND, (uri?: unknown) => tables.get(uri)?.state()),
    vscode.commands.registerCommand(TABLE_POST_COMMAND, async (uri: unknown, message: unknown) => tables.get(uri)?.receiveFromWebview(message)),
    // After a reload VS Code brings back the panels it had, with what their page saved (setState).
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: (panel, saved) => tables.revive(panel, saved) }),
  );
}

/** The open tables, one per document. */
class MappingTables implements vscode.Disposable {
  private readonly tables = new Map<string, MappingTable>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
  ) {}

  /** Opens (or shows) the table of the given mapping, else of the active one; its URI, or undefined. */
  async open(uri: vscode.Uri | undefined): Promise<string | undefined> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage('Open a Rekordbox mapping (*.midi.csv) first: the table shows the mapping in front.');
      return undefined;
    }
    const key = document.uri.toString();
    const existing = this.tables.get(key);
    if (existing) {
      existing.show();
      return key;
    }
    // The table sits beside the text, which must be in a tab for the table to follow it.
    const editor = vscode.window.visibleTextEditors.find(e => e.document === document) ?? (await vscode.window.showTextDocument(document, { preview: false }));
    this.add(
      key,
      onDispose => new MappingTable(document, { textColumn: editor.viewColumn ?? vscode.ViewColumn.One }, this.extensionUri, this.client, onDispose),
    );
    return key;
  }

  /**
   * A table VS Code restores after a reload: its document opened again and the view as the user left
   * it. A saved state that does not name a readable mapping closes the panel (the file was deleted or
   * moved meanwhile) and says so in the log; nothing else is touched.
   */
  async revive(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const saved = parseSavedTableState(raw);
    let document: vscode.TextDocument | undefined;
    try {
      if (saved) document = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri, true));
    } catch {
      document = undefined;
    }
    const key = document?.uri.toString();
    if (!saved || !document || !key || document.languageId !== LANGUAGE_ID || this.tables.has(key)) {
      panel.dispose();
      return;
    }
    this.add(key, onDispose => new MappingTable(document, { panel, view: saved }, this.extensionUri, this.client, onDispose));
  }

  private add(key: string, create: (onDispose: () => void) => MappingTable): void {
    const table = create(() => {
      if (this.tables.get(key) === table) this.tables.delete(key);
    });
    this.tables.set(key, table);
  }

  /** The table of a document (by URI or its string), else of the active editor's document, else the only one. */
  get(uri: unknown): MappingTable | undefined {
    const key = uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : vscode.window.activeTextEditor?.document.uri.toString();
    if (key && this.tables.has(key)) return this.tables.get(key);
    return uri === undefined && this.tables.size === 1 ? [...this.tables.values()][0] : undefined;
  }

  dispose(): void {
    for (const table of [...this.tables.values()]) table.dispose();
    this.tables.clear();
  }
}

class MappingTable implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private result: MappingRowsResult | null = null;
  private rows: TableRow[] = [];
  private view: { tab: TableTab; sort: TableSort; filter: string } = { tab: 'DECK', sort: FILE_ORDER, filter: '' };
  private tabChosen = false;
  private message = '';
  /** The page's messages, handled in turn (see receiveFromWebview). Never rejects: receiveOne catches. */
  private inbox: Promise<void> = Promise.resolve();
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private requestSerial = 0;
  private lastPosted = '';
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `textColumn`: a new panel beside the text there; `panel`: one VS Code restored, with its saved view. */
  constructor(
    private readonly document: vscode.TextDocument,
    place: { textColumn: vscode.ViewColumn } | { panel: vscode.WebviewPanel; view: SavedTableState },
    extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const options = { enableScripts: true, localResourceRoots: [media], enableFindWidget: true };
    if ('panel' in place) {
      this.panel = place.panel;
      this.panel.webview.options = options;
      this.view = { tab: place.view.tab, sort: place.view.sort, filter: place.view.filter };
      this.tabChosen = place.view.tab !== 'DECK'; // DECK is also the fallback: a file without DECK rows shows All
    } else {
      const column = place.textColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.Beside;
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        `${path.basename(document.uri.path)} — Table`,
        { viewColumn: column, preserveFocus: false },
        options,
      );
    }
    this.panel.webview.html = html(this.panel.webview, media);
    const uri = document.uri.toString();
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage(raw => void this.receiveFromWebview(raw)),
      this.panel.onDidChangeViewState(() => {
        if (this.panel.visible) this.post(true);
      }),
      vscode.workspace.onDidChangeTextDocument(event => {
        if (event.document === document && event.contentChanges.length > 0) this.refreshSoon();
      }),
      // The server reads the text after the open event: rows asked for before that come back null.
      vscode.languages.onDidChangeDiagnostics(event => {
        if (this.result?.version === document.version) return;
        if (event.uris.some(u => u.toString() === uri)) this.refreshSoon();
      }),
      client.onDidChangeState(() => this.refreshSoon()),
      vscode.workspace.onDidCloseTextDocument(closed => {
        if (closed === document) this.panel.dispose();
      }),
      // Closing the text's last tab is closing the mapping for the user (VS Code may keep the
      // document itself in memory for minutes).
      vscode.window.tabGroups.onDidChangeTabs(() => {
        if (!isInATab(document)) this.panel.dispose();
      }),
    );
    void this.refresh();
  }

  show(): void {
    this.panel.reveal(this.panel.viewColumn, false);
  }

  /** The state the page is (or would be) showing. */
  state(): TableState {
    const view = buildTableView(this.rows, this.view);
    return {
      uri: this.document.uri.toString(),
      fileName: path.basename(this.document.uri.path),
      deviceName: this.result?.deviceName ?? null,
      version: this.result?.version ?? null,
      tab: this.view.tab,
      sort: this.view.sort,
      filter: this.view.filter,
      total: this.rows.length,
      message: this.message,
      ...view,
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.postTimer) clearTimeout(this.postTimer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
    this.onDispose();
  }

  // ---- the rows ---------------------------------------------------------------------------------

  private refreshSoon(): void {
    if (this.refreshTimer || this.disposed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    if (this.disposed || !this.client.isRunning()) return;
    const serial = ++this.requestSerial;
    const params: MappingRowsParams = { textDocument: { uri: this.document.uri.toString() }, withProblems: true };
    let result: MappingRowsResult | null;
    try {
      result = await this.client.sendRequest(MappingRowsRequest.type, params);
    } catch {
      return; // the server is restarting: its state change asks again
    }
    // A later request was sent meanwhile, or the server does not have the text yet.
    if (serial !== this.requestSerial || this.disposed || !result) return;
    this.result = result;
    this.rows = toTableRows(result);
    if (!this.tabChosen && !this.rows.some(r => r.tab === this.view.tab)) this.view.tab = ALL_TAB;
    // Typed faster than the throttle: the newest text is asked for next.
    if (result.version !== this.document.version) this.refreshSoon();
    this.schedule();
  }

  // ---- updates ----------------------------------------------------------------------------------

  private schedule(): void {
    if (this.postTimer || this.disposed) return;
    this.postTimer = setTimeout(() => {
      this.postTimer = undefined;
      this.post(false);
    }, POST_INTERVAL_MS);
  }

  private post(force: boolean): void {
    if (this.disposed || !this.panel.visible) return;
    const json = JSON.stringify(this.state());
    if (!force && json === this.lastPosted) return;
    this.lastPosted = json;
    void this.panel.webview.postMessage({ type: 'state', state: JSON.parse(json) as TableState });
  }

  // ---- what the page asks -----------------------------------------------------------------------

  /** Everything the page posts comes through here (the editor tests post through it too): validated, then handled. */
  receiveFromWebview(raw: unknown): Promise<void> {
    // One message at a time, in the order the page sent them: an undo moves the focus to the text
    // and back to the table, and a redo pressed meanwhile must not run its command while the table
    // has the focus again (VS Code would send it to the webview, where it does nothing).
    const handled = this.inbox.then(() => this.receiveOne(raw));
    this.inbox = handled;
    return handled;
  }

  private async receiveOne(raw: unknown): Promise<void> {
    const message = parseTableMessage(raw);
    if (!message || this.disposed) return; // not something this page sends: ignored
    try {
      await this.handle(message);
    } catch (error) {
      this.message = errorMessage(error);
    } finally {
      this.schedule();
    }
  }

  private async handle(message: TableMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post(true);
        return;
      case 'selectTab':
        this.view.tab = message.tab;
        this.tabChosen = true;
        return;
      case 'sort':
        this.view.sort = nextSort(this.view.sort, message.column);
        return;
      case 'filter':
        this.view.filter = message.text;
        return;
      case 'reveal':
        await this.reveal(message.line);
        return;
      case 'duplicate':
      case 'duplicateForDeck':
      case 'delete':
        await this.rowAction(message.line, message.type);
        return;
      case 'undo':
      case 'redo':
        await this.undoOrRedo(message.type);
        return;
    }
  }

  /** The text editor showing the document, shown and focused (opened beside the table when none shows it). */
  private async focusText(): Promise<vscode.TextEditor> {
    const visible = vscode.window.visibleTextEditors.find(e => e.document === this.document);
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    return vscode.window.showTextDocument(this.document, { viewColumn: column, preserveFocus: false, preview: false });
  }

  private async reveal(line: number): Promise<void> {
    if (this.document.isClosed || line >= this.document.lineCount) return;
    const editor = await this.focusText();
    const start = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async rowAction(line: number, action: RowActionKind): Promise<void> {
    const result = this.result;
    const row = this.rows.find(r => r.line === line);
    if (!result || !row) return;
    const name = row.functionName || '(no function)';
    if (result.version !== this.document.version) {
      this.message = 'The text changed since the table was drawn: nothing changed. Try again.';
      this.refreshSoon();
      return;
    }
    const params: RowActionParams = { textDocument: { uri: result.uri }, version: result.version, line, action };
    const answer = await this.client.sendRequest(RowActionRequest.type, params);
    if (!answer?.edit) {
      this.message = answer?.message ?? 'Nothing changed.';
      return;
    }
    const edit = await this.client.protocol2CodeConverter.asWorkspaceEdit(answer.edit);
    // One WorkspaceEdit on one document: one undo step, and the file stays unsaved.
    if (!(await vscode.workspace.applyEdit(edit))) {
      this.message = 'VS Code did not apply the change (the file may be read-only): nothing changed.';
      return;
    }
    this.message =
      action === 'delete'
        ? `Deleted line ${line + 1} (${name}). ${UNDO_KEY} brings it back.`
        : action === 'duplicateForDeck'
          ? `Duplicated line ${line + 1} (${name}) for deck ${row.duplicateForDeck?.deck}: ` +
            `line ${line + 2}, MIDI IN ${row.duplicateForDeck?.midiIn}. ${UNDO_KEY} undoes it.`
          : `Duplicated line ${line + 1} (${name}) for decks 1–4: deck channels 0,1,2,3. ${UNDO_KEY} undoes it.`;
    this.refreshSoon();
  }

  /** Ctrl+Z (or redo) in the table: the text's undo (a webview has no undo of its own), then back to the table. */
  private async undoOrRedo(command: 'undo' | 'redo'): Promise<void> {
    if (this.document.isClosed) return;
    const editor = await this.focusText();
    // 'undo' acts on whatever has the focus: never on another file or on the table itself.
    if (vscode.window.activeTextEditor !== editor) {
      const done = command === 'undo' ? 'undone' : 'redone';
      this.message = `The text of ${path.basename(this.document.uri.path)} did not take the focus: nothing was ${done}. Try again.`;
      return;
    }
    await vscode.commands.executeCommand(command);
    this.message = '';
    this.panel.reveal(this.panel.viewColumn, false);
    // The page puts the keyboard back on its row (VS Code's reveal alone sometimes leaves it on no element).
    void this.panel.webview.postMessage({ type: 'focusRows' });
  }
}

function html(webview: vscode.Webview, media: vscode.Uri): string {
  return webviewHtml({ webview, media, script: 'table.js', stylesheet: 'table.css', title: 'Mapping table', body: '<main id="app"></main>' });
}
