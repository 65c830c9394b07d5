/**
 * Registers the commands that work with Rekordbox's own folders — "Install into Rekordbox…"
 * (installCommand.ts), "Compare with Factory Mapping" (compareWithFactory.ts, which shows factory
 * files through factoryFileSystem.ts), "Open Rekordbox Mapping Folder" (openMappingFolder.ts), "Copy
 * to a Safe Place…" (copyToSafePlace.ts) — and the warning shown when a mapping opened in the editor
 * lives inside Rekordbox's application folder (appFolderWarning.ts). These are the thin VS Code side
 * of rekordboxFolders.ts and installMapping.ts.
 *
 * Each command takes the mapping's Uri (menus pass it) and returns what it did, so tests and other
 * extensions can run it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { warnIfInApplicationFolder } from './appFolderWarning';
import { compareWithFactory } from './compareWithFactory';
import { copyToSafePlace } from './copyToSafePlace';
import { FACTORY_SCHEME, FactoryFileSystem } from './factoryFileSystem';
import { installCommand } from './installCommand';
import { openMappingFolder } from './openMappingFolder';

export const INSTALL_COMMAND = 'rekordboxMidi.installIntoRekordbox';
export const COMPARE_COMMAND = 'rekordboxMidi.compareWithFactory';
export const OPEN_FOLDER_COMMAND = 'rekordboxMidi.openMappingFolder';
export const COPY_TO_SAFE_PLACE_COMMAND = 'rekordboxMidi.copyToSafePlace';

export function registerRekordboxFolderCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const warned = new Set<string>();
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(FACTORY_SCHEME, new FactoryFileSystem(), {
      isReadonly: true,
      isCaseSensitive: process.platform === 'linux',
    }),
    vscode.commands.registerCommand(INSTALL_COMMAND, (uri?: unknown, options?: unknown) => installCommand(asUri(uri), options)),
    vscode.commands.registerCommand(COMPARE_COMMAND, (uri?: unknown) => compareWithFactory(client, asUri(uri))),
    vscode.commands.registerCommand(OPEN_FOLDER_COMMAND, () => openMappingFolder()),
    vscode.commands.registerCommand(COPY_TO_SAFE_PLACE_COMMAND, (uri?: unknown, target?: unknown) => copyToSafePlace(asUri(uri), asUri(target))),
    vscode.workspace.onDidOpenTextDocument(document => void warnIfInApplicationFolder(document, warned)),
  );
  for (const document of vscode.workspace.textDocuments) void warnIfInApplicationFolder(document, warned);
}

function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}
