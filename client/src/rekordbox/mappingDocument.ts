/** Which mapping a folder command acts on: the one a menu names, else the active mapping editor's. */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../common/languageId';

/** A Rekordbox mapping by language or by name (a `.midi.csv` opened as plain text counts too). */
export function isMapping(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID || /\.midi\.csv$/i.test(document.uri.path);
}

/** The document named by `uri`, or the active mapping editor's. */
export async function mappingDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  return active && isMapping(active) ? active : undefined;
}
