/**
 * "Install into Rekordbox…": asks, then has installMapping.ts write the mapping's saved file into
 * Rekordbox's user mapping folder, and reports what it did.
 *
 * Takes the mapping's Uri (menus pass it) and returns what it did. Also takes `{ skipConfirmation:
 * true }` for tests and automation: the backup is still kept, an unsaved document is still refused
 * (nothing is ever saved behind the user's back).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { errorMessage } from '../common/errors';
import { discoverFolders, offerSettings } from './folderSettings';
import { IMPORT_ADVICE, installMapping, InstallResult, nodeInstallFileSystem, planInstall } from './installMapping';
import { mappingDocument } from './mappingDocument';
import { deviceNameOfBytes } from './rekordboxFolders';
import { showInFileManager } from './showInFileManager';

export type InstallCommandResult = InstallResult | { status: 'cancelled' | 'unsaved' | 'no-mapping'; message?: string };

export async function installCommand(uri: vscode.Uri | undefined, options: unknown): Promise<InstallCommandResult> {
  const skipConfirmation = typeof options === 'object' && options !== null && (options as { skipConfirmation?: unknown }).skipConfirmation === true;
  const document = await mappingDocument(uri);
  if (!document) {
    const message = 'Open a Rekordbox MIDI mapping (*.midi.csv) to install it into Rekordbox.';
    void vscode.window.showErrorMessage(message);
    return { status: 'no-mapping', message };
  }
  if (document.isUntitled || document.uri.scheme !== 'file') {
    const message = 'Save this mapping to a file first (File > Save As…), then install it into Rekordbox.';
    void vscode.window.showWarningMessage(message);
    return { status: 'unsaved', message };
  }
  if (document.isDirty) {
    // What is installed is the file on disk: it must be what the user sees. Ask; never save unasked.
    const message = `${path.basename(document.uri.fsPath)} has unsaved changes. Rekordbox would get the saved file without them.`;
    if (skipConfirmation) return { status: 'unsaved', message };
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: 'Save it and go on installing?' }, 'Save and Continue');
    if (choice !== 'Save and Continue') return { status: 'cancelled' };
    if (!(await document.save())) {
      const failed = `${path.basename(document.uri.fsPath)} could not be saved, so nothing was installed.`;
      void vscode.window.showErrorMessage(failed);
      return { status: 'unsaved', message: failed };
    }
  }

  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(document.uri);
  } catch (error) {
    const message = `Cannot read ${document.uri.fsPath}: ${errorMessage(error)}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'refused', reason: 'failed', message };
  }
  // The name on the installed bytes' own @file line: exactly what Rekordbox will read.
  const deviceName = deviceNameOfBytes(bytes);
  const folders = await discoverFolders();
  const plan = planInstall(deviceName, folders);
  if (!plan.ok) {
    if (plan.reason === 'no-store' || plan.reason === 'inside-application') offerSettings(plan.message);
    else void vscode.window.showErrorMessage(plan.message);
    return { status: 'refused', reason: plan.reason, message: plan.message, target: plan.target };
  }

  if (!skipConfirmation) {
    const replacing = (await nodeInstallFileSystem().stat(plan.target)) === 'file';
    const detail = [
      `This writes:\n${plan.target}`,
      replacing
        ? `The mapping there now is kept beside it as ${path.basename(plan.target)}.<date-time>.bak.`
        : 'There is no mapping for this device there yet.',
      'Close Rekordbox first: it reads this file when it starts, ' +
        'and a running Rekordbox rewrites it (when a mapping changes), which would overwrite what is installed now.',
      IMPORT_ADVICE,
    ].join('\n\n');
    const choice = await vscode.window.showWarningMessage(`Install the mapping for "${plan.deviceName}" into Rekordbox?`, { modal: true, detail }, 'Install');
    if (choice !== 'Install') return { status: 'cancelled' };
  }

  const result = await installMapping(plan, bytes, nodeInstallFileSystem());
  if (result.status === 'refused') {
    void vscode.window.showErrorMessage(result.message);
  } else if (result.status === 'unchanged') {
    void vscode.window.showInformationMessage(`Rekordbox already has this exact mapping for "${plan.deviceName}" (${result.target}): nothing to do.`);
  } else {
    const backup = result.backup ? ` The previous mapping is kept as ${path.basename(result.backup)}.` : '';
    void vscode.window
      .showInformationMessage(
        `Installed the mapping for "${plan.deviceName}" into Rekordbox: ${result.target}.${backup} Start Rekordbox to use it.`,
        'Show in Folder',
      )
      .then(choice => {
        if (choice === 'Show in Folder') void showInFileManager(result.target);
      });
  }
  return result;
}
