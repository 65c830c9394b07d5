/**
 * "Compare with Factory Mapping": finds the factory mapping Rekordbox ships for the mapping's device
 * (the newest installed version's) and opens a diff of it, read-only (factoryFileSystem.ts), with
 * the mapping. Takes the mapping's Uri (menus pass it) and returns what it did.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentInfoParams, DocumentInfoRequest } from '../../../protocol/messages';
import { LANGUAGE_ID } from '../common/languageId';
import { FACTORY_SCHEME } from './factoryFileSystem';
import { discoverFolders, offerSettings } from './folderSettings';
import { mappingDocument } from './mappingDocument';
import { deviceNameOf, findFactoryMappings, nodeFolderView } from './rekordboxFolders';

export interface CompareCommandResult {
  /** The factory file compared with, when one was found. */
  factory?: string;
  version?: string;
  /** Other installed versions that have the same device. */
  otherVersions?: (string | undefined)[];
  message: string;
}

export async function compareWithFactory(client: LanguageClient, uri: vscode.Uri | undefined): Promise<CompareCommandResult> {
  const document = await mappingDocument(uri);
  if (!document) {
    const message = 'Open a Rekordbox MIDI mapping (*.midi.csv) to compare it with its factory mapping.';
    void vscode.window.showErrorMessage(message);
    return { message };
  }
  const deviceName = (await serverDeviceName(client, document)) ?? deviceNameOf(document.getText(new vscode.Range(0, 0, 1, 0)));
  if (!deviceName) {
    const message = 'This mapping has no "@file,1,<device name>" first line, so there is no device to look up.';
    void vscode.window.showErrorMessage(message);
    return { message };
  }
  const folders = await discoverFolders();
  if (folders.applications.length === 0) {
    const message = `No Rekordbox application folder was found, so there is no factory mapping to compare with. ${folders.notes.join(' ')}`.trim();
    offerSettings(message);
    return { message };
  }
  const matches = await findFactoryMappings(deviceName, folders, nodeFolderView());
  if (matches.length === 0) {
    const looked = folders.applications.map(a => a.mappingFolder).join(', ');
    const message =
      `Rekordbox has no factory mapping for "${deviceName}" (looked for "${deviceName}.midi.csv" and for its @file line in ${looked}). ` +
      'Factory mappings exist only for devices Rekordbox supports out of the box.';
    void vscode.window.showInformationMessage(message);
    return { message };
  }
  const [newest, ...others] = matches;
  const versionName = newest.application.version ? `rekordbox ${newest.application.version}` : 'Rekordbox';
  const factoryUri = vscode.Uri.file(newest.file).with({ scheme: FACTORY_SCHEME });
  const title = `${deviceName}: factory (${versionName}) ↔ ${path.basename(document.uri.path)}`;
  await vscode.commands.executeCommand('vscode.diff', factoryUri, document.uri, title, { preview: false });
  const otherVersions = others.map(o => o.application.version);
  const message =
    others.length > 0
      ? `Compared with the factory mapping of ${versionName}, the newest of ${matches.length} installed versions ` +
        `(also: ${otherVersions.map(v => v ?? 'unknown version').join(', ')}).`
      : `Compared with the factory mapping of ${versionName} (${newest.file}).`;
  void vscode.window.setStatusBarMessage(message, 8000);
  if (others.length > 0) void vscode.window.showInformationMessage(message);
  return { factory: newest.file, version: newest.application.version, otherVersions, message };
}

async function serverDeviceName(client: LanguageClient, document: vscode.TextDocument): Promise<string | undefined> {
  if (document.languageId !== LANGUAGE_ID || !client.isRunning()) return undefined;
  try {
    const params: DocumentInfoParams = { textDocument: { uri: document.uri.toString() } };
    const info = await client.sendRequest(DocumentInfoRequest.type, params);
    return info?.deviceName ?? undefined;
  } catch {
    return undefined; // the server is restarting: the first line is read instead
  }
}
