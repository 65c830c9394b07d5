/**
 * The folder commands' side of the `rekordboxMidi.rekordbox.*` settings: discovery with them applied
 * (rekordboxFolders.ts does the looking), and a message that offers to open them when nothing was found.
 */
import * as vscode from 'vscode';
import { APPLICATION_FOLDER_SETTING, findRekordboxFolders, nodeFolderView, RekordboxFolders, USER_MAPPING_FOLDER_SETTING } from './rekordboxFolders';

/** Rekordbox's folders on this machine, as the settings and discovery say now (asked again on every command). */
export function discoverFolders(): Promise<RekordboxFolders> {
  const settings = vscode.workspace.getConfiguration();
  return findRekordboxFolders({
    platform: process.platform,
    env: process.env,
    fs: nodeFolderView(),
    settings: {
      applicationFolder: settings.get<string>(APPLICATION_FOLDER_SETTING, ''),
      userMappingFolder: settings.get<string>(USER_MAPPING_FOLDER_SETTING, ''),
    },
  });
}

const OPEN_SETTINGS = 'Open Settings';

/** Shows `message` (an error, else a warning) with a button that opens the Rekordbox folder settings. */
export function offerSettings(message: string, error = true): void {
  const show = error ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(message, OPEN_SETTINGS).then(choice => {
    if (choice === OPEN_SETTINGS) void vscode.commands.executeCommand('workbench.action.openSettings', 'rekordboxMidi.rekordbox');
  });
}
