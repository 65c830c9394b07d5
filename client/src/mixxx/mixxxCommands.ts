/**
 * "Rekordbox MIDI: Import Mixxx Mapping…" and "Export as Mixxx Mapping…". The conversion runs in the
 * language server (rekordboxMidi/importMixxx, rekordboxMidi/exportMixxx); this file only picks files,
 * opens the result and reports. Both commands take an optional Uri so tests (and other extensions)
 * can skip the dialogs.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ExportMixxxParams,
  ExportMixxxRequest,
  ExportMixxxResult,
  ImportMixxxParams,
  ImportMixxxRequest,
  ImportMixxxResult,
} from '../../../protocol/messages';
import { errorMessage } from '../common/errors';
import { LANGUAGE_ID } from '../common/languageId';

export const IMPORT_COMMAND = 'rekordboxMidi.importMixxx';
export const EXPORT_COMMAND = 'rekordboxMidi.exportMixxx';

export function registerMixxxCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const output = vscode.window.createOutputChannel('Rekordbox MIDI: Mixxx');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(IMPORT_COMMAND, (source?: vscode.Uri) => importMixxx(client, output, source)),
    vscode.commands.registerCommand(EXPORT_COMMAND, (document?: vscode.Uri, target?: vscode.Uri) => exportMixxx(client, output, document, target)),
  );
}

/** Opens the converted mapping as a new, unsaved document and returns it (undefined when cancelled or failed). */
async function importMixxx(client: LanguageClient, output: vscode.OutputChannel, source?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  let uri = source instanceof vscode.Uri ? source : undefined;
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Import',
      title: 'Import a Mixxx controller mapping',
      filters: { 'Mixxx MIDI mapping': ['xml'], 'All files': ['*'] },
    });
    uri = picked?.[0];
    if (!uri) return undefined;
  }
  const fileName = path.basename(uri.path);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot read ${fileName}: ${errorMessage(error)}`);
    return undefined;
  }
  let result: ImportMixxxResult;
  try {
    const params: ImportMixxxParams = { xml, fileName };
    result = await client.sendRequest(ImportMixxxRequest.type, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Importing ${fileName} failed: ${errorMessage(error)}`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: result.csv });
  await vscode.window.showTextDocument(document, { preview: false });

  output.clear();
  output.appendLine(`Imported ${uri.fsPath || uri.toString()}`);
  output.appendLine(result.summary.text);
  for (const r of result.summary.needUserReasons) output.appendLine(`  ${r.controls} controls ${r.text}, e.g. ${r.examples.join(', ')}`);
  for (const k of result.summary.skipped) output.appendLine(`  ${k.controls} controls left out: ${k.text}, e.g. ${k.examples.join(', ')}`);
  if (result.problems.length) output.appendLine('Problems:');
  for (const p of result.problems) {
    const where = p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : '';
    output.appendLine(`  ${fileName}${where} ${p.severity}: ${p.message}`);
  }

  const hasErrors = result.problems.some(p => p.severity === 'error');
  const show = hasErrors ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  // Not awaited: the notification stays until dismissed; the command is done once the document is open.
  void show(result.summary.text, 'Show details').then(choice => {
    if (choice === 'Show details') output.show(true);
  });
  return document;
}

/** Writes the Mixxx skeleton of a mapping; returns where it was written (undefined when cancelled or failed). */
async function exportMixxx(
  client: LanguageClient,
  output: vscode.OutputChannel,
  documentUri?: vscode.Uri,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const document =
    documentUri instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(documentUri)
      : vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID
        ? vscode.window.activeTextEditor.document
        : undefined;
  if (!document || document.languageId !== LANGUAGE_ID) {
    void vscode.window.showErrorMessage('Open a Rekordbox MIDI mapping (*.midi.csv) to export it as a Mixxx mapping.');
    return undefined;
  }
  let result: ExportMixxxResult | null;
  try {
    const params: ExportMixxxParams = { textDocument: { uri: document.uri.toString() } };
    result = await client.sendRequest(ExportMixxxRequest.type, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Exporting failed: ${errorMessage(error)}`);
    return undefined;
  }
  if (!result) {
    void vscode.window.showErrorMessage('The language server does not have this mapping open yet; try again in a moment.');
    return undefined;
  }

  let destination = target instanceof vscode.Uri ? target : undefined;
  if (destination) {
    // No dialog, so no confirmation either: never replace a file this way.
    if (await exists(destination)) {
      void vscode.window.showErrorMessage(`${path.basename(destination.path)} already exists: not overwritten.`);
      return undefined;
    }
  } else {
    const base = path.basename(document.uri.path).replace(/\.midi\.csv$/i, '').replace(/\.csv$/i, '') || 'mapping';
    const folder = document.uri.scheme === 'file' ? vscode.Uri.file(path.dirname(document.uri.fsPath)) : vscode.workspace.workspaceFolders?.[0]?.uri;
    // The save dialog asks before replacing an existing file.
    destination = await vscode.window.showSaveDialog({
      title: 'Export as a Mixxx controller mapping',
      saveLabel: 'Export',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.midi.xml`) : undefined,
      filters: { 'Mixxx MIDI mapping': ['xml'] },
    });
    if (!destination) return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.xml));
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot write ${path.basename(destination.path)}: ${errorMessage(error)}`);
    return undefined;
  }
  output.appendLine(`Exported ${document.uri.toString()} to ${destination.toString()}`);
  output.appendLine(result.summary.text);
  void vscode.window.showInformationMessage(result.summary.text, 'Show details').then(choice => {
    if (choice === 'Show details') output.show(true);
  });
  return destination;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
