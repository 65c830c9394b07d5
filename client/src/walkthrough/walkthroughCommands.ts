/**
 * The commands behind the "Get started with Rekordbox MIDI mappings" walkthrough's buttons
 * (package.json `contributes.walkthroughs`). The examples it opens are the bundled `examples/`
 * files, copied into the extension's global storage first: the installed extension's folder must
 * never be edited, and a real file (not an untitled one) can be saved and installed.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../common/languageId';
import { FACTORY_EXAMPLE, MISTAKES_EXAMPLE, WalkthroughExample } from './walkthroughExamples';

export const OPEN_WALKTHROUGH_COMMAND = 'rekordboxMidi.walkthrough.open';
/** The walkthrough's id in package.json, prefixed with the extension's id when opened. */
export const WALKTHROUGH_ID = 'getStarted';
export const OPEN_MAPPING_FILE_COMMAND = 'rekordboxMidi.walkthrough.openMappingFile';
export const OPEN_EXAMPLE_COMMAND = 'rekordboxMidi.walkthrough.openExample';
export const OPEN_EXAMPLE_WITH_MISTAKES_COMMAND = 'rekordboxMidi.walkthrough.openExampleWithMistakes';
export const SHOW_FIXES_COMMAND = 'rekordboxMidi.walkthrough.showFixes';
export const INSTALL_COMMAND = 'rekordboxMidi.walkthrough.installIntoRekordbox';

/** What the open commands return (for the editor tests): where the copy is and where the cursor went. */
export interface OpenedExample {
  uri: string;
  line: number;
  character: number;
}

export function registerWalkthroughCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false),
    ),
    vscode.commands.registerCommand(OPEN_MAPPING_FILE_COMMAND, () => openMappingFile()),
    vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, async (): Promise<OpenedExample> => {
      const { editor, opened } = await openExample(context, FACTORY_EXAMPLE);
      // The hover is what this step is about: show it on the code without making the user aim the mouse.
      await showHoverWhenReady(editor);
      return opened;
    }),
    vscode.commands.registerCommand(OPEN_EXAMPLE_WITH_MISTAKES_COMMAND, async (): Promise<OpenedExample> => {
      const { editor, opened } = await openExample(context, MISTAKES_EXAMPLE);
      // The Problems panel lists every mistake; the focus goes back to the text so Ctrl+. works at once.
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      return opened;
    }),
    vscode.commands.registerCommand(SHOW_FIXES_COMMAND, async (): Promise<OpenedExample> => {
      const { opened } = await openExample(context, MISTAKES_EXAMPLE);
      // Quick Fix acts on the focused editor, which the example now is (a walkthrough link has none).
      await vscode.commands.executeCommand('editor.action.quickFix');
      return opened;
    }),
    vscode.commands.registerCommand(INSTALL_COMMAND, () => {
      // From the walkthrough no text editor is in front: install the mapping shown beside it.
      const mapping = vscode.window.visibleTextEditors.find(e => e.document.languageId === LANGUAGE_ID);
      return vscode.commands.executeCommand('rekordboxMidi.installIntoRekordbox', mapping?.document.uri);
    }),
  );
}

/**
 * Shows the hover at the editor's cursor once the language server has one for it. `showHover` asks
 * once: on a busy machine a just-opened copy may not have reached the server yet, and the hover
 * would stay empty with nothing to ask again. Waits at most 10 s, then shows whatever there is.
 */
async function showHoverWhenReady(editor: vscode.TextEditor): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      editor.selection.active,
    );
    if (hovers?.some(h => h.contents.length > 0)) break;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  // The hover is shown in the focused editor: make sure it is this one (a click in the walkthrough may have taken the focus).
  if (vscode.window.activeTextEditor?.document !== editor.document) {
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }
  await vscode.commands.executeCommand('editor.action.showHover');
}

async function openMappingFile(): Promise<vscode.TextEditor | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open Mapping',
    title: 'Open a Rekordbox MIDI mapping (*.midi.csv)',
    // A filter cannot say `.midi.csv`; every such file ends in `.csv`.
    filters: { 'Rekordbox MIDI mappings': ['csv'], 'All files': ['*'] },
  });
  if (!picked?.[0]) return undefined;
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(picked[0]), { viewColumn: besideTheWalkthrough(), preview: false });
}

/**
 * Opens the storage copy of `example` with the cursor on its code. The copy is made fresh from the
 * bundled file unless it is open with unsaved edits (then those are kept and it is only shown).
 */
async function openExample(context: vscode.ExtensionContext, example: WalkthroughExample): Promise<{ editor: vscode.TextEditor; opened: OpenedExample }> {
  const folder = vscode.Uri.joinPath(context.globalStorageUri, 'walkthrough');
  const copy = vscode.Uri.joinPath(folder, example.file);
  const openDocument = vscode.workspace.textDocuments.find(d => d.uri.toString() === copy.toString());
  if (!openDocument?.isDirty) {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', example.file)));
  }
  const shownIn = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === copy.toString())?.viewColumn;
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy), {
    viewColumn: shownIn ?? besideTheWalkthrough(),
    preview: false,
  });
  const position = codePosition(editor.document, example);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { editor, opened: { uri: copy.toString(), line: position.line, character: position.character } };
}

/** The start of the example's code cell (the document's first line when the row is not found). */
function codePosition(document: vscode.TextDocument, example: WalkthroughExample): vscode.Position {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (!text.startsWith(example.rowPrefix)) continue;
    const character = text.split(',').slice(0, example.field).reduce((n, cell) => n + cell.length + 1, 0);
    return new vscode.Position(line, character);
  }
  return new vscode.Position(0, 0);
}

/** Beside the walkthrough when it (or another page that is not a text editor) is in front, so its steps stay in view. */
function besideTheWalkthrough(): vscode.ViewColumn {
  const front = vscode.window.tabGroups.activeTabGroup.activeTab;
  return front && !vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}
