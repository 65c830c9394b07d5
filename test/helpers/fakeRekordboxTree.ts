/**
 * Fake macOS and Windows machines in a temporary folder, for Rekordbox folder discovery and install.
 * The code under test sees real platform paths (`/Applications/rekordbox 7/…`, `C:\Program Files\…`);
 * the views below map each onto the temporary folder (`<root>/Applications/…`, `<root>/C/Program Files/…`)
 * and hand the rest to node's real file system.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InstallFileSystem, nodeInstallFileSystem } from '../../client/src/rekordbox/installMapping';
import { FolderView, nodeFolderView } from '../../client/src/rekordbox/rekordboxFolders';

export type FakePlatform = 'darwin' | 'win32' | 'linux';

export class FakeMachine {
  readonly root: string;

  constructor(readonly platform: FakePlatform) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), `rekordbox-${platform}-`));
  }

  /** The temporary-folder path behind a path of the fake machine. */
  real(machinePath: string): string {
    if (this.platform === 'win32') {
      const match = /^([a-zA-Z]):[\\/]?(.*)$/.exec(machinePath);
      if (!match) throw new Error(`not an absolute Windows path: ${machinePath}`);
      return path.join(this.root, match[1].toUpperCase(), ...match[2].split(/[\\/]+/).filter(s => s !== ''));
    }
    if (!machinePath.startsWith('/')) throw new Error(`not an absolute path: ${machinePath}`);
    return path.join(this.root, machinePath);
  }

  folder(machinePath: string): string {
    fs.mkdirSync(this.real(machinePath), { recursive: true });
    return machinePath;
  }

  file(machinePath: string, content: string | Uint8Array): string {
    const real = this.real(machinePath);
    fs.mkdirSync(path.dirname(real), { recursive: true });
    fs.writeFileSync(real, content);
    return machinePath;
  }

  read(machinePath: string): string {
    return fs.readFileSync(this.real(machinePath), 'utf8');
  }

  exists(machinePath: string): boolean {
    return fs.existsSync(this.real(machinePath));
  }

  /** Names in a folder of the fake machine, sorted. */
  list(machinePath: string): string[] {
    return fs.readdirSync(this.real(machinePath)).sort();
  }

  folderView(): FolderView {
    const real = nodeFolderView();
    return {
      list: folder => real.list(this.real(folder)),
      isDirectory: folder => real.isDirectory(this.real(folder)),
      readText: file => real.readText(this.real(file)),
    };
  }

  installFileSystem(): InstallFileSystem {
    const real = nodeInstallFileSystem();
    return {
      stat: file => real.stat(this.real(file)),
      readFile: file => real.readFile(this.real(file)),
      writeNewFile: (file, data) => real.writeNewFile(this.real(file), data),
      rename: (from, to) => real.rename(this.real(from), this.real(to)),
      remove: file => real.remove(this.real(file)),
    };
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** A minimal Info.plist as a macOS bundle has it. */
export function infoPlist(version: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n' +
    '\t<key>CFBundleName</key>\n\t<string>rekordbox</string>\n' +
    `\t<key>CFBundleShortVersionString</key>\n\t<string>${version}</string>\n` +
    '</dict>\n</plist>\n'
  );
}

/** An error as node's fs raises it. */
export function fsError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: operation not permitted, ${syscall} '${file}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}
