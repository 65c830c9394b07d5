/**
 * The commands that work with Rekordbox's own folders (the thin VS Code side of rekordboxFolders.ts
 * and installMapping.ts): "Install into Rekordbox…", "Compare with Factory Mapping", "Open Rekordbox
 * Mapping Folder", "Copy to a Safe Place…", and the warning shown when a mapping opened in the editor
 * lives inside Rekordbox's application folder.
 *
 * Each command takes the mapping's Uri (menus pass it) and returns what it did, so tests and other
 * extensions can run it. Install also takes `{ skipConfirmation: true }` for tests and automation:
 * the backup is still kept, an unsaved document is still refused (nothing is ever saved behind the
 * user's back). Copy to a Safe Place takes a target Uri instead of asking, and then never replaces a file.
 */
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentInfoParams, DocumentInfoRequest } from '../../../protocol/messages';
import { IMPORT_ADVICE, installMapping, InstallResult, nodeInstallFileSystem, planInstall } from './installMapping';
import {
  APPLICATION_FOLDER_SETTING,
  applicationFolderHolding,
  deviceNameOf,
  deviceNameOfBytes,
  findFactoryMappings,
  findRekordboxFolders,
  nodeFolderView,
  RekordboxFolders,
  USER_MAPPING_FOLDER_SETTING,
} from './rekordboxFolders';

const LANGUAGE_ID = 'rekordbox-midi';
export const INSTALL_COMMAND = 'rekordboxMidi.installIntoRekordbox';
export const COMPARE_COMMAND = 'rekordboxMidi.compareWithFactory';
export const OPEN_FOLDER_COMMAND = 'rekordboxMidi.openMappingFolder';
export const COPY_TO_SAFE_PLACE_COMMAND = 'rekordboxMidi.copyToSafePlace';
/** Factory files are shown through this read-only scheme: they cannot be edited or saved by mistake. */
export const FACTORY_SCHEME = 'rekordbox-factory';

export type InstallCommandResult = InstallResult | { status: 'cancelled' | 'unsaved' | 'no-mapping'; message?: string };

export interface CompareCommandResult {
  /** The factory file compared with, when one was found. */
  factory?: string;
  version?: string;
  /** Other installed versions that have the same device. */
  otherVersions?: (string | undefined)[];
  message: string;
}

export function registerRekordboxFolderCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const warned = new Set<string>();
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(FACTORY_SCHEME, new FactoryFileProvider(), {
      isReadonly: true,
      isCaseSensitive: process.platform === 'linux',
    }),
    vscode.commands.registerCommand(INSTALL_COMMAND, (uri?: unknown, options?: unknown) => installCommand(asUri(uri), options)),
    vscode.commands.registerCommand(COMPARE_COMMAND, (uri?: unknown) => compareCommand(client, asUri(uri))),
    vscode.commands.registerCommand(OPEN_FOLDER_COMMAND, () => openFolderCommand()),
    vscode.commands.registerCommand(COPY_TO_SAFE_PLACE_COMMAND, (uri?: unknown, target?: unknown) => copyToSafePlace(asUri(uri), asUri(target))),
    vscode.workspace.onDidOpenTextDocument(document => void warnIfInApplicationFolder(document, warned)),
  );
  for (const document of vscode.workspace.textDocuments) void warnIfInApplicationFolder(document, warned);
}

function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

function discover(): Promise<RekordboxFolders> {
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

function isMapping(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID || /\.midi\.csv$/i.test(document.uri.path);
}

/** The document named by `uri`, or the active mapping editor's. */
async function mappingDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  return active && isMapping(active) ? active : undefined;
}

const OPEN_SETTINGS = 'Open Settings';
function offerSettings(message: string, error = true): void {
  const show = error ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
  void show(message, OPEN_SETTINGS).then(choice => {
    if (choice === OPEN_SETTINGS) void vscode.commands.executeCommand('workbench.action.openSettings', 'rekordboxMidi.rekordbox');
  });
}

// ---- Install into Rekordbox… --------------------------------------------------------------------

async function installCommand(uri: vscode.Uri | undefined, options: unknown): Promise<InstallCommandResult> {
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
    const message = `Cannot read ${document.uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'refused', reason: 'failed', message };
  }
  // The name on the installed bytes' own @file line: exactly what Rekordbox will read.
  const deviceName = deviceNameOfBytes(bytes);
  const folders = await discover();
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
      'Close Rekordbox first: it reads this file when it starts, and a running Rekordbox rewrites it (when a mapping changes), which would overwrite what is installed now.',
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
      .showInformationMessage(`Installed the mapping for "${plan.deviceName}" into Rekordbox: ${result.target}.${backup} Start Rekordbox to use it.`, 'Show in Folder')
      .then(choice => {
        if (choice === 'Show in Folder') void showInFileManager(result.target);
      });
  }
  return result;
}

// ---- Compare with Factory Mapping ---------------------------------------------------------------

async function compareCommand(client: LanguageClient, uri: vscode.Uri | undefined): Promise<CompareCommandResult> {
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
  const folders = await discover();
  if (folders.applications.length === 0) {
    const message = `No Rekordbox application folder was found, so there is no factory mapping to compare with. ${folders.notes.join(' ')}`.trim();
    offerSettings(message);
    return { message };
  }
  const matches = await findFactoryMappings(deviceName, folders, nodeFolderView());
  if (matches.length === 0) {
    const looked = folders.applications.map(a => a.mappingFolder).join(', ');
    const message = `Rekordbox has no factory mapping for "${deviceName}" (looked for "${deviceName}.midi.csv" and for its @file line in ${looked}). Factory mappings exist only for devices Rekordbox supports out of the box.`;
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
      ? `Compared with the factory mapping of ${versionName}, the newest of ${matches.length} installed versions (also: ${otherVersions.map(v => v ?? 'unknown version').join(', ')}).`
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

/**
 * Serves factory files read-only under `rekordbox-factory:` (same path as the file): the diff shows
 * the real file, current, and the editor refuses edits, so Rekordbox's own file cannot be saved over
 * by mistake. A copy in extension storage would be editable and go stale.
 */
class FactoryFileProvider implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  private fileUri(uri: vscode.Uri): vscode.Uri {
    // Only mapping files: this scheme is not a general way to read the disk.
    if (!/\.midi\.csv$/i.test(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    return uri.with({ scheme: 'file' });
  }

  watch(uri: vscode.Uri): vscode.Disposable {
    const file = this.fileUri(uri);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file.fsPath)), path.basename(file.fsPath)));
    const fire = (type: vscode.FileChangeType) => this.changed.fire([{ type, uri }]);
    watcher.onDidChange(() => fire(vscode.FileChangeType.Changed));
    watcher.onDidDelete(() => fire(vscode.FileChangeType.Deleted));
    watcher.onDidCreate(() => fire(vscode.FileChangeType.Created));
    return watcher;
  }
  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    return vscode.workspace.fs.stat(this.fileUri(uri));
  }
  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.fileUri(uri));
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

// ---- Open Rekordbox Mapping Folder --------------------------------------------------------------

async function openFolderCommand(): Promise<string | undefined> {
  const folders = await discover();
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

/**
 * Shows a file or folder in the system's file manager. VS Code for the Web and remote windows have
 * no `revealFileInOS` (the files are not on the user's machine): there the path is shown, to copy.
 */
async function showInFileManager(target: string): Promise<void> {
  if ((await vscode.commands.getCommands(true)).includes('revealFileInOS')) {
    await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(target));
    return;
  }
  const copy = 'Copy Path';
  void vscode.window.showInformationMessage(`This window has no file manager to show it in (VS Code for the Web or a remote window): ${target}`, copy).then(choice => {
    if (choice === copy) void vscode.env.clipboard.writeText(target);
  });
}

// ---- the application-folder warning and Copy to a Safe Place ------------------------------------

async function warnIfInApplicationFolder(document: vscode.TextDocument, warned: Set<string>): Promise<void> {
  if (document.uri.scheme !== 'file' || !isMapping(document) || warned.has(document.uri.toString())) return;
  const holder = applicationFolderHolding(document.uri.fsPath, await discover());
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

/** Copies the mapping (with any unsaved edits) out of the application folder and opens the copy. */
async function copyToSafePlace(uri: vscode.Uri | undefined, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const document = await mappingDocument(uri);
  if (!document) {
    void vscode.window.showErrorMessage('Open a Rekordbox MIDI mapping (*.midi.csv) to copy it.');
    return undefined;
  }
  const folders = await discover();
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
    void vscode.window.showErrorMessage(`Cannot copy to ${destination.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
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
