/**
 * "Copy to a Safe Place…": copies a mapping (with any unsaved edits) out of Rekordbox's application
 * folder and opens the copy. Takes the mapping's Uri (menus pass it) and a target Uri instead of
 * asking, and then never replaces a file; returns where the copy went.
 */
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { errorMessage } from '../common/errors';
import { discoverFolders } from './folderSettings';
import { mappingDocument } from './mappingDocument';
import { applicationFolderHolding } from './rekordboxFolders';

/** Copies the mapping (with any unsaved edits) out of the application folder and opens the copy. */
export async function copyToSafePlace(uri: vscode.Uri | undefined, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const document = await mappingDocument(uri);
  if (!document) {
    void vscode.window.showErrorMessage('Open a Rekordbox MIDI mapping (*.midi.csv) to copy it.');
    return undefined;
  }
  const folders = await discoverFolders();
  const name = path.basename(document.uri.path);
  let destination = target;
  if (destination) {
    // No dialog, so no "replace?" question either: never replace a file this way.
    if (await vscode.workspace.fs.stat(destination).then(() => true, () => false)) {
      void vscode.window.showErrorMessage(`${destination.fsPath} already exists: not replaced.`);
      return undefined;
    }
  } else {
    // Home, not the user store: a file saved straight into the store would skip Install's backup.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
    destination = await vscode.window.showSaveDialog({
      title: 'Copy the mapping to a safe place',
      saveLabel: 'Copy Here',
      defaultUri: vscode.Uri.joinPath(folder, name),
      filters: { 'Rekordbox MIDI mapping': ['csv'] },
    });
    if (!destination) return undefined;
  }
  const holder = destination.scheme === 'file' ? applicationFolderHolding(destination.fsPath, folders) : undefined;
  if (holder) {
    void vscode.window.showErrorMessage(`${destination.fsPath} is inside Rekordbox's application folder too: choose a folder outside ${holder.folder}.`);
    return undefined;
  }
  try {
    if (document.isDirty) await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(document.getText()));
    else await vscode.workspace.fs.copy(document.uri, destination, { overwrite: true });
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot copy to ${destination.fsPath}: ${errorMessage(error)}`);
    return undefined;
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(destination), { preview: false });
  if (document.isDirty) {
    void vscode.window.showInformationMessage(
      `The copy has your unsaved edits. The file in Rekordbox's application folder is unchanged: close its editor without saving.`,
    );
  }
  return destination;
}
