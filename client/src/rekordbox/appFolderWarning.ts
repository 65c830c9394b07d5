/**
 * The warning shown once per document when a mapping opened in the editor lives inside Rekordbox's
 * application folder, with "Copy to a Safe Place…" as its action.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { copyToSafePlace } from './copyToSafePlace';
import { discoverFolders } from './folderSettings';
import { isMapping } from './mappingDocument';
import { applicationFolderHolding } from './rekordboxFolders';

/** `warned` holds the documents already warned about (by Uri), so reopening one does not warn again. */
export async function warnIfInApplicationFolder(document: vscode.TextDocument, warned: Set<string>): Promise<void> {
  if (document.uri.scheme !== 'file' || !isMapping(document) || warned.has(document.uri.toString())) return;
  const holder = applicationFolderHolding(document.uri.fsPath, await discoverFolders());
  if (!holder) return;
  warned.add(document.uri.toString());
  const action = 'Copy to a Safe Place…';
  const choice = await vscode.window.showWarningMessage(
    `${path.basename(document.uri.fsPath)} is inside Rekordbox's application folder (${holder.folder}). Users report Rekordbox crashing at ` +
      'launch after files here were edited, and an update replaces them. Edit a copy instead, then load it with IMPORT or "Install into Rekordbox…".',
    action,
  );
  if (choice === action) await copyToSafePlace(document.uri, undefined);
}
