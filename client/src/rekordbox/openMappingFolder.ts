/**
 * "Open Rekordbox Mapping Folder": shows one of Rekordbox's mapping folders (the user's store, or an
 * application's factory folder, picked when there are several) in the system's file manager, and
 * returns the folder shown.
 */
import * as vscode from 'vscode';
import { discoverFolders, offerSettings } from './folderSettings';
import { showInFileManager } from './showInFileManager';

export async function openMappingFolder(): Promise<string | undefined> {
  const folders = await discoverFolders();
  const items: (vscode.QuickPickItem & { folder: string })[] = [
    ...folders.stores
      .filter(s => s.exists)
      .map(s => ({ label: 'Your mappings (Rekordbox reads these at launch)', description: s.folder, folder: s.folder })),
    ...folders.applications.map(a => ({
      label: `Factory mappings of ${a.version ? `rekordbox ${a.version}` : 'Rekordbox'}`,
      description: a.mappingFolder,
      detail: 'Inside the application: look, do not edit (copy a file out first).',
      folder: a.mappingFolder,
    })),
  ];
  if (items.length === 0) {
    offerSettings(`No Rekordbox mapping folder was found. ${folders.notes.join(' ')}`.trim(), false);
    return undefined;
  }
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Open Rekordbox Mapping Folder', matchOnDescription: true });
  if (!picked) return undefined;
  await showInFileManager(picked.folder);
  return picked.folder;
}
