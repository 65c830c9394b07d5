/**
 * "Install into Rekordbox…", the part that decides and writes (no `vscode` import; the command in
 * installCommand.ts asks and reports). The mapping goes to `<store>/<device>.midi.csv`, where
 * `<device>` is the name on its `@file` line, which is the file name Rekordbox looks for.
 *
 * Safety, in order: a device name a file name cannot hold is refused; nothing is written inside an
 * application folder; the store must exist (Rekordbox makes it; we do not guess where); what was
 * there is first copied to `<device>.midi.csv.<yyyymmdd-hhmmss>.bak` beside it and read back; the new
 * bytes go to a temporary file in the same folder that is then renamed over the target, so the
 * target is always either the old file or the whole new one.
 */
import { promises as fsp } from 'fs';
import { errorMessage } from '../common/errors';
import { applicationFolderHolding, installStore, pathFlavour, RekordboxFolders, RekordboxPlatform } from './rekordboxFolders';

export type InstallRefusal =
  | 'no-device-name'
  | 'bad-device-name'
  | 'no-store'
  | 'inside-application'
  | 'missing-folder'
  | 'read-only'
  | 'not-a-file'
  | 'failed';

export type InstallPlan =
  | { ok: true; deviceName: string; store: string; target: string; platform: RekordboxPlatform }
  | { ok: false; reason: InstallRefusal; message: string; target?: string };

export type InstallResult =
  | { status: 'installed'; target: string; backup: string | undefined; bytes: number }
  | { status: 'unchanged'; target: string }
  | { status: 'refused'; reason: InstallRefusal; message: string; target?: string };

/** The little of a file system an install needs; `nodeInstallFileSystem` is the real one. */
export interface InstallFileSystem {
  stat(file: string): Promise<'file' | 'directory' | 'other' | undefined>;
  readFile(file: string): Promise<Uint8Array>;
  /** Creates `file`, which must not exist yet, with `data`, flushed to disk. */
  writeNewFile(file: string, data: Uint8Array): Promise<void>;
  /** Replaces `to` with `from` in one step (same folder). */
  rename(from: string, to: string): Promise<void>;
  remove(file: string): Promise<void>;
}

export const IMPORT_ADVICE =
  "To load a mapping without writing into Rekordbox's folders, use IMPORT instead: in Rekordbox open Preferences > Controller > MIDI " +
  '(or the MIDI button), choose the device and click IMPORT.';

/** Why a device name cannot be a file name, or undefined when it can. Windows rules apply everywhere (see docs). */
export function deviceFileNameProblem(deviceName: string, platform: RekordboxPlatform): string | undefined {
  if (deviceName.trim() === '') return 'it is empty';
  const bad = [...new Set(deviceName.match(/[/\\:*?"<>|]/g) ?? [])];
  if (bad.length) return `it contains ${bad.map(c => `"${c}"`).join(', ')}, which a file name cannot hold`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(deviceName)) return 'it contains a control character, which a file name cannot hold';
  if (deviceName === '.' || deviceName === '..') return 'it names a folder, not a file';
  if (platform === 'windows') {
    if (/[. ]$/.test(deviceName)) return 'it ends with a dot or a space, which Windows drops from file names';
    if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(deviceName)) return 'it is a name Windows reserves for a device';
  }
  return undefined;
}

/** Where the mapping of `deviceName` would be installed, or why it cannot be. Reads nothing. */
export function planInstall(deviceName: string | undefined, folders: RekordboxFolders): InstallPlan {
  if (deviceName === undefined) {
    return { ok: false, reason: 'no-device-name', message: 'This mapping has no "@file,1,<device name>" first line, so there is no device to install it for.' };
  }
  const problem = deviceFileNameProblem(deviceName, folders.platform);
  if (problem) {
    return {
      ok: false,
      reason: 'bad-device-name',
      message: `The device name "${deviceName}" cannot be used as a file name: ${problem}. Nothing was written. ${IMPORT_ADVICE}`,
    };
  }
  const p = pathFlavour(folders.platform);
  // Inside an application folder is refused first, even when that folder is missing: it is the graver mistake.
  const store = installStore(folders) ?? folders.stores[0];
  const target = store ? p.join(store.folder, `${deviceName}.midi.csv`) : undefined;
  const application = target ? applicationFolderHolding(target, folders) : undefined;
  if (target && application) {
    return {
      ok: false,
      reason: 'inside-application',
      target,
      message:
        `${target} is inside Rekordbox's application folder (${application.folder}). Nothing is ever written there: users report ` +
        `Rekordbox crashing at launch after files there were edited. Check the setting rekordboxMidi.rekordbox.userMappingFolder.`,
    };
  }
  if (!store || !target || !store.exists) {
    const looked = folders.stores.map(s => s.folder);
    const why = folders.notes.length ? ` ${folders.notes.join(' ')}` : '';
    return {
      ok: false,
      reason: 'no-store',
      message: `Rekordbox's user mapping folder was not found${looked.length ? ` (looked for ${looked.join(', ')})` : ''}. Nothing was written.${why}`,
    };
  }
  return { ok: true, deviceName, store: store.folder, target, platform: folders.platform };
}

/** `<device>.midi.csv.20250314-213005.bak` (local time). */
export function backupFileName(targetName: string, now: Date, attempt = 1): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return `${targetName}.${stamp}${attempt > 1 ? `-${attempt}` : ''}.bak`;
}

/** Writes `bytes` to the plan's target with a backup of what was there; never leaves a partial file. */
export async function installMapping(
  plan: Extract<InstallPlan, { ok: true }>,
  bytes: Uint8Array,
  fs: InstallFileSystem,
  now: Date = new Date(),
): Promise<InstallResult> {
  const p = pathFlavour(plan.platform);
  const { target, store } = plan;
  const refuse = (reason: InstallRefusal, message: string): InstallResult => ({ status: 'refused', reason, message, target });

  if ((await fs.stat(store)) !== 'directory') {
    return refuse('missing-folder', `The folder ${store} does not exist (any more). Nothing was written.`);
  }
  const existing = await fs.stat(target);
  if (existing !== undefined && existing !== 'file') return refuse('not-a-file', `${target} exists and is not a file. Nothing was written.`);

  let previous: Uint8Array | undefined;
  if (existing === 'file') {
    try {
      previous = await fs.readFile(target);
    } catch (error) {
      return refuse(
        isPermission(error) ? 'read-only' : 'failed',
        `Cannot read the mapping already at ${target} (${describe(error)}), so no backup can be made. Nothing was written.`,
      );
    }
    if (sameBytes(previous, bytes)) return { status: 'unchanged', target };
  }

  // The whole new file first, beside the target: if the folder cannot be written, nothing else happened.
  const temporary = p.join(store, `.${p.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await fs.writeNewFile(temporary, bytes);
  } catch (error) {
    await fs.remove(temporary).catch(() => undefined);
    return writeRefusal(error, store, target);
  }

  let backup: string | undefined;
  if (previous) {
    try {
      backup = await writeBackup(p, target, previous, fs, now);
    } catch (error) {
      await fs.remove(temporary).catch(() => undefined);
      return refuse(isPermission(error) ? 'read-only' : 'failed', `Cannot keep a backup of ${target} (${describe(error)}). Nothing was changed.`);
    }
  }

  try {
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.remove(temporary).catch(() => undefined);
    const kept = backup ? ` The previous mapping is unchanged (a backup is also at ${backup}).` : '';
    return refuse(isPermission(error) ? 'read-only' : 'failed', `Cannot replace ${target} (${describe(error)}).${kept}`);
  }
  return { status: 'installed', target, backup, bytes: bytes.length };
}

/** Copies `previous` to a new `.bak` beside the target and reads it back; returns its path. */
async function writeBackup(p: typeof import('path'), target: string, previous: Uint8Array, fs: InstallFileSystem, now: Date): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const backup = p.join(p.dirname(target), backupFileName(p.basename(target), now, attempt));
    if ((await fs.stat(backup)) !== undefined) continue; // two installs in one second
    try {
      await fs.writeNewFile(backup, previous);
    } catch (error) {
      // A write that stopped part way (a full disk) must not leave a truncated backup that looks
      // like a good one; a file that already existed (EEXIST) is not ours to remove.
      if ((error as NodeJS.ErrnoException)?.code !== 'EEXIST') await fs.remove(backup).catch(() => undefined);
      throw error;
    }
    if (!sameBytes(await fs.readFile(backup), previous)) {
      await fs.remove(backup).catch(() => undefined);
      throw new Error('the backup read back differs from the original');
    }
    return backup;
  }
}

function writeRefusal(error: unknown, store: string, target: string): InstallResult {
  if (isPermission(error)) {
    return {
      status: 'refused',
      reason: 'read-only',
      target,
      message: `The folder ${store} cannot be written (${describe(error)}): it is read-only or belongs to another user. Nothing was written.`,
    };
  }
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') {
    return { status: 'refused', reason: 'missing-folder', target, message: `The folder ${store} does not exist (any more). Nothing was written.` };
  }
  return { status: 'refused', reason: 'failed', target, message: `Cannot write into ${store} (${describe(error)}). Nothing was written.` };
}

function isPermission(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = errorMessage(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The real file system (node `fs`). */
export function nodeInstallFileSystem(): InstallFileSystem {
  return {
    async stat(file) {
      try {
        const stats = await fsp.stat(file);
        return stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
      } catch {
        return undefined;
      }
    },
    readFile: file => fsp.readFile(file),
    async writeNewFile(file, data) {
      // `wx`: never reuse a file that is already there; sync so a crash cannot rename an empty file in.
      const handle = await fsp.open(file, 'wx');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    rename: (from, to) => fsp.rename(from, to),
    remove: file => fsp.rm(file, { force: true }),
  };
}
