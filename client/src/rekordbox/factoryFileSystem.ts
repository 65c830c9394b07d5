/**
 * Serves factory files read-only under `rekordbox-factory:` (same path as the file): the diff of
 * Compare with Factory Mapping shows the real file, current, and the editor refuses edits, so
 * Rekordbox's own file cannot be saved over by mistake. A copy in extension storage would be
 * editable and go stale.
 */
import * as path from 'path';
import * as vscode from 'vscode';

/** Factory files are shown through this read-only scheme: they cannot be edited or saved by mistake. */
export const FACTORY_SCHEME = 'rekordbox-factory';

/** `rekordbox-factory:` over the `file:` paths of mapping files, read-only. */
export class FactoryFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  private fileUri(uri: vscode.Uri): vscode.Uri {
    // Only mapping files: this scheme is not a general way to read the disk.
    if (!/\.midi\.csv$/i.test(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    return uri.with({ scheme: 'file' });
  }

  watch(uri: vscode.Uri): vscode.Disposable {
    const file = this.fileUri(uri);
    const pattern = new vscode.RelativePattern(vscode.Uri.file(path.dirname(file.fsPath)), path.basename(file.fsPath));
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
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
