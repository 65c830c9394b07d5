/** Shared helpers of the editor lane (runs inside VS Code's extension host). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const EXTENSION_ID = 'rekordbox-midi-tools.rekordbox-midi';
export const LANGUAGE_ID = 'rekordbox-midi';
/** The repository root, from out/test/editor/suite. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** The folder the lane opens (test/fixtures/workspace); temporary files made by the tests start with `tmp-`. */
export const WORKSPACE_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
export const TMP_PREFIX = 'tmp-';

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? folder.uri.fsPath : WORKSPACE_DIR;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceDir(), name));
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}

export interface ExtensionApi {
  client: LanguageClient | undefined;
}

export function extension(): vscode.Extension<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/** The running language client (activates the extension when needed and waits for the server). */
export async function runningClient(): Promise<LanguageClient> {
  const ext = extension();
  const api = ext.isActive ? ext.exports : await ext.activate();
  const client = api?.client;
  assert.ok(client, 'activate() returned no client');
  await waitFor('the language server to run', () => client.isRunning(), 20000);
  return client;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function errors(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter(d => d.severity === vscode.DiagnosticSeverity.Error && (code === undefined || codeOf(d) === code));
}

/** Diagnostics of `uri` once `accept` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (all: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${path.basename(uri.fsPath)}: ${what}`, () => {
    const all = vscode.languages.getDiagnostics(uri);
    return accept(all) ? all : undefined;
  }, timeoutMs);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export function hoverAt(uri: vscode.Uri, position: vscode.Position): Thenable<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
}

/** A fresh writable file in the workspace (the fixtures are read-only copies): `tmp-<name>`. */
export function writeTemp(name: string, content: string | Uint8Array): vscode.Uri {
  const file = path.join(workspaceDir(), TMP_PREFIX + name);
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, content, { mode: 0o644 });
  return vscode.Uri.file(file);
}

export function removeTemp(uri: vscode.Uri): void {
  fs.rmSync(uri.fsPath, { force: true });
}

/** Closes every editor; unsaved edits are dropped first (closing a dirty editor would ask, and wait). */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty) continue;
    try {
      await vscode.window.showTextDocument(document);
      // Reverts (softly when the file is gone) and closes.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } catch {
      // not shown: closed below
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(WORKSPACE_DIR, name), 'utf8');
}

// ---- errors nobody handled ------------------------------------------------------------------
export const processErrors: string[] = [];
let recording = false;

/** Records unhandled rejections and uncaught exceptions in the extension host while the suite runs. */
export function recordProcessErrors(): void {
  if (recording) return;
  recording = true;
  process.on('unhandledRejection', reason => {
    processErrors.push(`unhandledRejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
  process.on('uncaughtExceptionMonitor', error => {
    processErrors.push(`uncaughtException: ${error.stack ?? error.message}`);
  });
}

/** Those of the recorded errors that come from this extension (its client bundle or its server). */
export function extensionProcessErrors(): string[] {
  return processErrors.filter(e => /rekordbox|dist[\\/](client|server)\.js/i.test(e));
}

/** Where VS Code writes this window's logs: the lane passes the user-data-dir in REKORDBOX_MIDI_USER_DATA_DIR. */
function logRoots(): string[] {
  return [process.env.REKORDBOX_MIDI_USER_DATA_DIR, process.env.VSCODE_LOGS].filter((r): r is string => !!r);
}

/** The newest log file under the log roots whose name matches, or undefined when none is found. */
function newestLog(name: RegExp): string | undefined {
  const found: { file: string; mtime: number }[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (name.test(e.name)) found.push({ file: p, mtime: fs.statSync(p).mtimeMs });
    }
  };
  for (const root of logRoots()) walk(root.endsWith('logs') ? root : path.join(root, 'logs'), 0);
  found.sort((a, b) => b.mtime - a.mtime);
  return found[0] ? fs.readFileSync(found[0].file, 'utf8') : undefined;
}

/** True when this lane's runner said where the logs are (then a missing log is a failure, not a skip). */
export function logsExpected(): boolean {
  return !!process.env.REKORDBOX_MIDI_USER_DATA_DIR;
}

/**
 * The "Rekordbox MIDI" output channel's log file, where the server logs a handler that failed
 * (`<what> failed: <stack>`). VS Code keeps output channels as files under the logs folder.
 * Undefined when not found.
 */
export function outputChannelLog(): string | undefined {
  return newestLog(/Rekordbox MIDI\.log$/);
}

/**
 * The extension host's log (`remoteexthost.log` in code-server, `exthost.log` in desktop VS Code):
 * where VS Code writes an error thrown in an extension's event listener or command, which never
 * reaches process-level handlers. Undefined when not found.
 */
export function extensionHostLog(): string | undefined {
  return newestLog(/^(remote)?exthost\.log$/i);
}

/** PIDs of the processes (Linux: /proc) whose command line and parent PID pass `test`; none elsewhere. */
function pidsWhere(test: (commandLine: string[], parentPid: number) => boolean): number[] {
  if (process.platform !== 'linux') return [];
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      // /proc/N/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (test(commandLine, parentPid)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** The MIDI host processes this extension host started (dist/midiHost.js, its children). */
export function midiHostPids(): number[] {
  return pidsWhere((commandLine, parentPid) => parentPid === process.pid && commandLine.some(a => a.endsWith(path.join('dist', 'midiHost.js'))));
}

/** PIDs of this window's language server processes, found by their command line. */
export function serverPids(): number[] {
  return pidsWhere(
    commandLine => commandLine.some(a => a.endsWith(path.join('dist', 'server.js'))) && commandLine.includes(`--clientProcessId=${process.pid}`),
  );
}
