/**
 * Where Rekordbox keeps its MIDI mappings on this machine: the factory `MidiMappings` folder inside
 * each installed application, and the per-user store (`Pioneer/rekordbox6/MidiMappings` under the
 * user's application data) that Rekordbox reads at launch and rewrites when you remap.
 *
 * Pure: no `vscode` import. The platform, the environment and the file system come in as arguments
 * (a `FolderView`), so the tests run on fake macOS and Windows trees in a temporary folder. Every
 * result carries its evidence (which path, which version, and where the version was read) and the
 * list of places looked at, for messages that say where we looked. Layouts and their sources:
 * docs/rekordbox-folders.md.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { appFolderOf, deviceNameOfText } from '../../../protocol/languageService';

export type RekordboxPlatform = 'macos' | 'windows' | 'linux' | 'other';

/** The little of a file system discovery needs; `nodeFolderView` is the real one. */
export interface FolderView {
  /** A folder's entries, or undefined when it does not exist or cannot be read. */
  list(folder: string): Promise<{ name: string; isDirectory: boolean }[] | undefined>;
  isDirectory(folder: string): Promise<boolean>;
  /** A small text file (Info.plist), or undefined when it cannot be read. */
  readText(file: string): Promise<string | undefined>;
}

export interface RekordboxFolderSettings {
  /** `rekordboxMidi.rekordbox.applicationFolder`: empty = automatic. */
  applicationFolder?: string;
  /** `rekordboxMidi.rekordbox.userMappingFolder`: empty = automatic. */
  userMappingFolder?: string;
}

export interface DiscoveryInput {
  /** `process.platform`: `darwin`, `win32`, `linux`, … */
  platform: string;
  env: Record<string, string | undefined>;
  fs: FolderView;
  settings?: RekordboxFolderSettings;
}

/** One installed Rekordbox application and its factory mappings. */
export interface RekordboxApplication {
  /** The install's own folder: `/Applications/rekordbox 7`, `C:\Program Files\rekordbox\rekordbox 7.1.3`. Nothing below it is ever written. */
  folder: string;
  /** Its factory `MidiMappings` folder. */
  mappingFolder: string;
  /** `7.1.3`, `6` (from a folder name), or undefined when nothing says. */
  version: string | undefined;
  /** Where the version was read: `Info.plist (CFBundleShortVersionString)`, `folder name "rekordbox 6.8.5"`. */
  versionEvidence: string;
  source: 'automatic' | 'setting';
}

/** The per-user store Rekordbox reads at launch (where "Install into Rekordbox" writes). */
export interface UserMappingStore {
  folder: string;
  exists: boolean;
  source: 'automatic' | 'setting';
  /** Why this folder: `reported by users (Pioneer/rekordbox6/MidiMappings)`, `rekordboxMidi.rekordbox.userMappingFolder`, … */
  evidence: string;
}

export interface RekordboxFolders {
  platform: RekordboxPlatform;
  /** Newest version first; settings first of all. */
  applications: RekordboxApplication[];
  /** Existing folders first; the first existing one is where an install goes. */
  stores: UserMappingStore[];
  /** Every place looked at and what was there, in order, for "where we looked" messages. */
  searched: { path: string; found: boolean; what: string }[];
  /** Sentences for people when something is missing or a setting points nowhere (Linux, bad setting, …). */
  notes: string[];
}

/** The settings that override discovery (package.json declares them). */
export const APPLICATION_FOLDER_SETTING = 'rekordboxMidi.rekordbox.applicationFolder';
export const USER_MAPPING_FOLDER_SETTING = 'rekordboxMidi.rekordbox.userMappingFolder';

export function platformOf(nodePlatform: string): RekordboxPlatform {
  return nodePlatform === 'darwin' ? 'macos' : nodePlatform === 'win32' ? 'windows' : nodePlatform === 'linux' ? 'linux' : 'other';
}

/** Windows paths are read with win32 rules everywhere (also in the tests, which run on Linux). */
export function pathFlavour(platform: RekordboxPlatform): path.PlatformPath {
  return platform === 'windows' ? path.win32 : path.posix;
}

/** `rekordbox 7`, `rekordbox 6.8.5`, `rekordbox7`, `rekordbox_5.8.6` → the version part. */
const VERSIONED_FOLDER = /^rekordbox[ _-]?(\d+(?:\.\d+)*)$/i;
/** The store folder the reports name (also used by Rekordbox 7: the store kept its name). */
const STORE_FOLDER = 'rekordbox6';

export async function findRekordboxFolders(input: DiscoveryInput): Promise<RekordboxFolders> {
  const platform = platformOf(input.platform);
  const p = pathFlavour(platform);
  const result: RekordboxFolders = { platform, applications: [], stores: [], searched: [], notes: [] };
  const settings = input.settings ?? {};
  const applicationSetting = settings.applicationFolder?.trim() ?? '';
  const storeSetting = settings.userMappingFolder?.trim() ?? '';

  if (applicationSetting) {
    const found = await applicationFromSetting(applicationSetting, p, input.fs, result);
    if (found) result.applications.push(found);
    else result.notes.push(`The setting ${APPLICATION_FOLDER_SETTING} points at ${applicationSetting}, which holds no MidiMappings folder.`);
  } else if (platform === 'macos') {
    result.applications.push(...(await findMacApplications(input.env, input.fs, result)));
  } else if (platform === 'windows') {
    result.applications.push(...(await findWindowsApplications(input.env, input.fs, result)));
  }

  if (storeSetting) {
    const exists = await input.fs.isDirectory(storeSetting);
    result.searched.push({ path: storeSetting, found: exists, what: `user mapping folder (${USER_MAPPING_FOLDER_SETTING})` });
    result.stores.push({ folder: storeSetting, exists, source: 'setting', evidence: USER_MAPPING_FOLDER_SETTING });
    if (!exists) result.notes.push(`The setting ${USER_MAPPING_FOLDER_SETTING} points at ${storeSetting}, which does not exist.`);
  } else if (platform === 'macos' || platform === 'windows') {
    result.stores.push(...(await findUserStores(platform, input.env, input.fs, result)));
  }

  if (platform === 'linux' || platform === 'other') {
    const settingsHelp = `set ${APPLICATION_FOLDER_SETTING} and ${USER_MAPPING_FOLDER_SETTING} to use copies of its folders here`;
    if (!applicationSetting || !storeSetting) {
      result.notes.push(`Rekordbox runs on macOS and Windows only, so nothing is looked for automatically on ${input.platform}; ${settingsHelp}.`);
    }
  } else {
    if (!applicationSetting && result.applications.length === 0) {
      result.notes.push(
        `No installed Rekordbox was found (looked in ${applicationRoots(platform, input.env).join(', ')}); ` +
          `set ${APPLICATION_FOLDER_SETTING} if it is elsewhere.`,
      );
    }
    if (!storeSetting && !result.stores.some(s => s.exists)) {
      const looked = result.stores.map(s => s.folder).join(', ') || 'no application-data folder in the environment';
      result.notes.push(
        `Rekordbox's user mapping folder does not exist yet (${looked}): ` +
          `Rekordbox makes it the first time a MIDI mapping is changed in its MIDI window; set ${USER_MAPPING_FOLDER_SETTING} if it is elsewhere.`,
      );
    }
  }
  return result;
}

// ---- applications -------------------------------------------------------------------------------

function applicationRoots(platform: RekordboxPlatform, env: Record<string, string | undefined>): string[] {
  if (platform === 'macos') return ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
  if (platform !== 'windows') return [];
  // 64-bit installs go to %ProgramFiles% (ProgramW6432 names it from a 32-bit process); old 32-bit ones to (x86).
  const roots = [env.ProgramFiles, env.ProgramW6432, env['ProgramFiles(x86)']].filter((r): r is string => !!r && r.trim() !== '');
  if (roots.length === 0) roots.push('C:\\Program Files', 'C:\\Program Files (x86)');
  const seen = new Set<string>();
  return roots.filter(r => {
    const key = path.win32.normalize(r).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * macOS: `/Applications/rekordbox 7/rekordbox.app/Contents/Resources/MidiMappings` (also `rekordbox 6`,
 * `rekordbox 5`), in ~/Applications too, and under a `Pioneer` folder (one report). The version comes
 * from the bundle's Info.plist, else from the folder name.
 */
async function findMacApplications(env: Record<string, string | undefined>, fs: FolderView, result: RekordboxFolders): Promise<RekordboxApplication[]> {
  const p = path.posix;
  const found: RekordboxApplication[] = [];
  const containers: string[] = [];
  for (const root of applicationRoots('macos', env)) containers.push(root, p.join(root, 'Pioneer'));
  for (const container of containers) {
    const entries = await fs.list(container);
    if (!entries) continue;
    for (const entry of entries) {
      if (!entry.isDirectory || !/^rekordbox/i.test(entry.name)) continue;
      const folder = p.join(container, entry.name);
      // `rekordbox 7/rekordbox.app`, or a bundle straight in the container.
      const bundles = entry.name.toLowerCase().endsWith('.app') ? [folder] : await bundlesIn(folder, fs);
      for (const bundle of bundles) {
        const app = await macApplication(entry.name.toLowerCase().endsWith('.app') ? bundle : folder, bundle, fs, 'automatic', result);
        if (app) found.push(app);
      }
    }
  }
  return newestFirst(found);
}

async function bundlesIn(folder: string, fs: FolderView): Promise<string[]> {
  const entries = (await fs.list(folder)) ?? [];
  return entries.filter(e => e.isDirectory && /^rekordbox.*\.app$/i.test(e.name)).map(e => path.posix.join(folder, e.name));
}

async function macApplication(
  folder: string,
  bundle: string,
  fs: FolderView,
  source: RekordboxApplication['source'],
  result: RekordboxFolders,
): Promise<RekordboxApplication | undefined> {
  const mappingFolder = path.posix.join(bundle, 'Contents', 'Resources', 'MidiMappings');
  const exists = await fs.isDirectory(mappingFolder);
  result.searched.push({ path: mappingFolder, found: exists, what: 'factory mappings' });
  if (!exists) return undefined;
  const plist = await fs.readText(path.posix.join(bundle, 'Contents', 'Info.plist'));
  const plistVersion = plist && /<key>\s*CFBundleShortVersionString\s*<\/key>\s*<string>\s*([^<\s]+)\s*<\/string>/.exec(plist)?.[1];
  if (plistVersion) return { folder, mappingFolder, version: plistVersion, versionEvidence: 'Info.plist (CFBundleShortVersionString)', source };
  return { folder, mappingFolder, ...versionFromFolderNames([folder, bundle]), source };
}

/**
 * Windows: `%ProgramFiles%\Pioneer\rekordbox 6.8.5\MidiMappings` (5.x, 6.x) and
 * `%ProgramFiles%\rekordbox\rekordbox 7.1.3\MidiMappings` (7.x); `Program Files (x86)` for old 32-bit
 * installs. The version is in the folder name. Any `rekordbox <version>` folder with a MidiMappings
 * folder in those places counts, so an unreported variant (`AlphaTheta\…`) is found too.
 */
async function findWindowsApplications(env: Record<string, string | undefined>, fs: FolderView, result: RekordboxFolders): Promise<RekordboxApplication[]> {
  const p = path.win32;
  const found: RekordboxApplication[] = [];
  for (const root of applicationRoots('windows', env)) {
    const containers = [root];
    for (const entry of (await fs.list(root)) ?? []) {
      if (entry.isDirectory && /^(pioneer|rekordbox|alphatheta)$/i.test(entry.name)) containers.push(p.join(root, entry.name));
    }
    for (const container of containers) {
      for (const entry of (await fs.list(container)) ?? []) {
        if (!entry.isDirectory || !VERSIONED_FOLDER.test(entry.name)) continue;
        const folder = p.join(container, entry.name);
        const mappingFolder = p.join(folder, 'MidiMappings');
        const exists = await fs.isDirectory(mappingFolder);
        result.searched.push({ path: mappingFolder, found: exists, what: 'factory mappings' });
        if (exists) found.push({ folder, mappingFolder, ...versionFromFolderNames([folder]), source: 'automatic' });
      }
    }
  }
  return newestFirst(found);
}

/** The setting may name the install folder, the `.app` bundle, or the MidiMappings folder itself. */
async function applicationFromSetting(
  setting: string,
  p: path.PlatformPath,
  fs: FolderView,
  result: RekordboxFolders,
): Promise<RekordboxApplication | undefined> {
  const folder = p.normalize(setting).replace(/[\\/]+$/, '') || setting;
  const what = `factory mappings (${APPLICATION_FOLDER_SETTING})`;
  if (p.basename(folder).toLowerCase() === 'midimappings') {
    const exists = await fs.isDirectory(folder);
    result.searched.push({ path: folder, found: exists, what });
    if (!exists) return undefined;
    // …/X.app/Contents/Resources/MidiMappings: the install is X.app's folder; …/rekordbox 7.1.3/MidiMappings: its parent.
    const resources = p.dirname(folder);
    const bundle = p.basename(resources).toLowerCase() === 'resources' ? p.dirname(p.dirname(resources)) : undefined;
    if (bundle && bundle.toLowerCase().endsWith('.app')) {
      const app = await macApplication(p.dirname(bundle), bundle, fs, 'setting', result);
      if (app) return app;
    }
    return { folder: p.dirname(folder), mappingFolder: folder, ...versionFromFolderNames([p.dirname(folder)]), source: 'setting' };
  }
  if (folder.toLowerCase().endsWith('.app')) {
    // `rekordbox 7/rekordbox.app`: the install is the versioned folder around the bundle, as discovery has it.
    const parent = p.dirname(folder);
    return macApplication(/^rekordbox/i.test(p.basename(parent)) ? parent : folder, folder, fs, 'setting', result);
  }
  const direct = p.join(folder, 'MidiMappings');
  if (await fs.isDirectory(direct)) {
    result.searched.push({ path: direct, found: true, what });
    return { folder, mappingFolder: direct, ...versionFromFolderNames([folder]), source: 'setting' };
  }
  result.searched.push({ path: direct, found: false, what });
  for (const bundle of await bundlesIn(folder, fs)) {
    const app = await macApplication(folder, bundle, fs, 'setting', result);
    if (app) return app;
  }
  return undefined;
}

function versionFromFolderNames(folders: string[]): { version: string | undefined; versionEvidence: string } {
  for (const folder of folders) {
    const name = path.win32.basename(folder).replace(/\.app$/i, '');
    const match = VERSIONED_FOLDER.exec(name);
    if (match) return { version: match[1], versionEvidence: `folder name "${name}"` };
  }
  return { version: undefined, versionEvidence: 'nothing names the version' };
}

/** Compares `7.1.3` with `6.8.5` (`7` counts as `7.0.0`); an unknown version sorts last. */
export function compareVersions(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const pa = a.split('.').map(n => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map(n => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

function newestFirst(apps: RekordboxApplication[]): RekordboxApplication[] {
  return apps.sort((a, b) => compareVersions(b.version, a.version) || a.mappingFolder.localeCompare(b.mappingFolder));
}

// ---- the user's store ---------------------------------------------------------------------------

/**
 * `~/Library/Application Support/Pioneer/rekordbox6/MidiMappings` (macOS) and
 * `%APPDATA%\Pioneer\rekordbox6\MidiMappings` (Windows), as users report. Another
 * `Pioneer/rekordbox<N>/MidiMappings` that exists is listed after it: nothing reports one, but a
 * later version might start one and the user should see it.
 */
async function findUserStores(
  platform: 'macos' | 'windows',
  env: Record<string, string | undefined>,
  fs: FolderView,
  result: RekordboxFolders,
): Promise<UserMappingStore[]> {
  const p = pathFlavour(platform);
  const appData =
    platform === 'macos'
      ? env.HOME && p.join(env.HOME, 'Library', 'Application Support')
      : env.APPDATA || (env.USERPROFILE && p.join(env.USERPROFILE, 'AppData', 'Roaming'));
  if (!appData) return [];
  const pioneer = p.join(appData, 'Pioneer');
  const reported = p.join(pioneer, STORE_FOLDER, 'MidiMappings');
  const stores: UserMappingStore[] = [];
  const reportedExists = await fs.isDirectory(reported);
  result.searched.push({ path: reported, found: reportedExists, what: 'user mapping folder' });
  stores.push({ folder: reported, exists: reportedExists, source: 'automatic', evidence: 'reported by users (Pioneer/rekordbox6/MidiMappings)' });
  for (const entry of (await fs.list(pioneer)) ?? []) {
    if (!entry.isDirectory || entry.name.toLowerCase() === STORE_FOLDER || !/^rekordbox\d+$/i.test(entry.name)) continue;
    const folder = p.join(pioneer, entry.name, 'MidiMappings');
    if (!(await fs.isDirectory(folder))) continue;
    result.searched.push({ path: folder, found: true, what: 'user mapping folder' });
    stores.push({ folder, exists: true, source: 'automatic', evidence: `exists beside rekordbox6 (not reported anywhere: ${entry.name})` });
  }
  return stores.sort((a, b) => Number(b.exists) - Number(a.exists));
}

// ---- questions asked of the result --------------------------------------------------------------

/** True when `child` is `parent` or below it (case-insensitively on macOS and Windows, as their file systems are). */
export function isInside(child: string, parent: string, platform: RekordboxPlatform): boolean {
  const p = pathFlavour(platform);
  const fold = (s: string) => (platform === 'macos' || platform === 'windows' ? s.toLowerCase() : s);
  const relative = p.relative(fold(p.resolve(parent)), fold(p.resolve(child)));
  return relative === '' || (!relative.startsWith('..') && !p.isAbsolute(relative));
}

/**
 * The application that holds `file`, if any: one that was found (or set), or, for an install that
 * discovery did not see, the shape of an application folder (the `app-folder` diagnostic's test).
 */
export function applicationFolderHolding(file: string, folders: RekordboxFolders): { folder: string; version?: string } | undefined {
  for (const app of folders.applications) {
    if (isInside(file, app.folder, folders.platform) || isInside(file, app.mappingFolder, folders.platform)) {
      return { folder: app.folder, version: app.version };
    }
  }
  if (appFolderOf(file)) return { folder: pathFlavour(folders.platform).dirname(file) };
  return undefined;
}

/** Where an install writes: the first user store that exists. */
export function installStore(folders: RekordboxFolders): UserMappingStore | undefined {
  return folders.stores.find(s => s.exists);
}

/** The real file system (node `fs`), for the extension. */
export function nodeFolderView(): FolderView {
  return {
    async list(folder) {
      try {
        const entries = await fsp.readdir(folder, { withFileTypes: true });
        return entries.map(e => ({ name: e.name, isDirectory: e.isDirectory() }));
      } catch {
        return undefined;
      }
    },
    async isDirectory(folder) {
      try {
        return (await fsp.stat(folder)).isDirectory();
      } catch {
        return false;
      }
    },
    async readText(file) {
      try {
        return await fsp.readFile(file, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

// ---- factory files ------------------------------------------------------------------------------

export interface FactoryMatch {
  file: string;
  application: RekordboxApplication;
  /** How it matched: by file name, or by the `@file` line of a differently named file. */
  matchedBy: 'file name' | '@file line';
}

/**
 * The factory files for `deviceName` in every application, newest first: `<device>.midi.csv` by name
 * (case-insensitively), else a file whose `@file` line names the device.
 */
export async function findFactoryMappings(deviceName: string, folders: RekordboxFolders, fs: FolderView): Promise<FactoryMatch[]> {
  const p = pathFlavour(folders.platform);
  const wanted = `${deviceName}.midi.csv`.toLowerCase();
  const matches: FactoryMatch[] = [];
  for (const application of folders.applications) {
    const entries = ((await fs.list(application.mappingFolder)) ?? []).filter(e => !e.isDirectory && /\.midi\.csv$/i.test(e.name));
    const byName = entries.find(e => e.name.toLowerCase() === wanted);
    if (byName) {
      matches.push({ file: p.join(application.mappingFolder, byName.name), application, matchedBy: 'file name' });
      continue;
    }
    for (const entry of entries) {
      const file = p.join(application.mappingFolder, entry.name);
      const text = await fs.readText(file);
      if (text !== undefined && deviceNameOf(text) === deviceName) {
        matches.push({ file, application, matchedBy: '@file line' });
        break;
      }
    }
  }
  return matches;
}

/**
 * The device name on the `@file` line of a mapping's bytes, read as the editor and the language
 * server read the file: UTF-8, a byte-order mark skipped. (Read as Latin-1, a BOM hid the @file
 * line and `DDJ-Ü` became `DDJ-Ã\u009c`, so Install named another file than the one Compare found.)
 */
export function deviceNameOfBytes(bytes: Uint8Array): string | undefined {
  let end = 0;
  while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
  return deviceNameOf(new TextDecoder('utf-8').decode(bytes.subarray(0, end)));
}

/**
 * The device name of a mapping's `@file,1,<name>` line (padding fields ignored), or undefined, as
 * the language server reads it (so Compare's fallback finds what the server names); an empty name is none.
 */
export function deviceNameOf(text: string): string | undefined {
  return deviceNameOfText(text) || undefined;
}
