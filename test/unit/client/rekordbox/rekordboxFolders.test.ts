/** Finding Rekordbox's folders (client/src/rekordbox/rekordboxFolders.ts) on fake macOS, Windows and Linux machines. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { afterEach, describe, it } from 'node:test';
import {
  APPLICATION_FOLDER_SETTING,
  applicationFolderHolding,
  compareVersions,
  deviceNameOf,
  deviceNameOfBytes,
  findFactoryMappings,
  findRekordboxFolders,
  installStore,
  isInside,
  RekordboxFolderSettings,
  USER_MAPPING_FOLDER_SETTING,
} from '../../../../client/src/rekordbox/rekordboxFolders';
import { parseMapping } from '../../../../server/src/service/model/mappingModel';
import { REPO_ROOT } from '../../../helpers/fixtures';
import { FakeMachine, FakePlatform, infoPlist } from '../../../helpers/fakeRekordboxTree';

const MAC_HOME = '/Users/dj';
const MAC_STORE = '/Users/dj/Library/Application Support/Pioneer/rekordbox6/MidiMappings';
const WIN_ENV = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  ProgramW6432: 'C:\\Program Files',
  APPDATA: 'C:\\Users\\dj\\AppData\\Roaming',
  LOCALAPPDATA: 'C:\\Users\\dj\\AppData\\Local',
  USERPROFILE: 'C:\\Users\\dj',
};
const WIN_STORE = 'C:\\Users\\dj\\AppData\\Roaming\\Pioneer\\rekordbox6\\MidiMappings';

let machines: FakeMachine[] = [];
function machine(platform: FakePlatform): FakeMachine {
  const m = new FakeMachine(platform);
  machines.push(m);
  return m;
}
afterEach(() => {
  for (const m of machines) m.dispose();
  machines = [];
});

function discover(m: FakeMachine, env: Record<string, string | undefined>, settings?: RekordboxFolderSettings) {
  return findRekordboxFolders({ platform: m.platform, env, fs: m.folderView(), settings });
}

/** `/Applications/<folder>/rekordbox.app` with an Info.plist (unless version is undefined) and a factory file. */
function macInstall(m: FakeMachine, folder: string, version: string | undefined, files: Record<string, string> = {}): string {
  const bundle = `${folder}/rekordbox.app`;
  if (version !== undefined) m.file(`${bundle}/Contents/Info.plist`, infoPlist(version));
  m.folder(`${bundle}/Contents/Resources/MidiMappings`);
  for (const [name, text] of Object.entries(files)) m.file(`${bundle}/Contents/Resources/MidiMappings/${name}`, text);
  return `${bundle}/Contents/Resources/MidiMappings`;
}

describe('Rekordbox folders on macOS', () => {
  it('finds every installed version, newest first, with where each version was read, and the user store', async () => {
    const m = machine('darwin');
    macInstall(m, '/Applications/rekordbox 6', '6.8.5');
    macInstall(m, '/Applications/rekordbox 7', '7.1.3');
    macInstall(m, '/Applications/rekordbox 5', undefined); // no Info.plist: the folder name says 5
    m.folder('/Applications/Safari.app/Contents/Resources');
    m.folder(MAC_STORE);

    const found = await discover(m, { HOME: MAC_HOME });
    assert.equal(found.platform, 'macos');
    assert.deepEqual(
      found.applications.map(a => [a.folder, a.mappingFolder, a.version, a.versionEvidence, a.source]),
      [
        [
          '/Applications/rekordbox 7',
          '/Applications/rekordbox 7/rekordbox.app/Contents/Resources/MidiMappings',
          '7.1.3',
          'Info.plist (CFBundleShortVersionString)',
          'automatic',
        ],
        [
          '/Applications/rekordbox 6',
          '/Applications/rekordbox 6/rekordbox.app/Contents/Resources/MidiMappings',
          '6.8.5',
          'Info.plist (CFBundleShortVersionString)',
          'automatic',
        ],
        ['/Applications/rekordbox 5', '/Applications/rekordbox 5/rekordbox.app/Contents/Resources/MidiMappings', '5', 'folder name "rekordbox 5"', 'automatic'],
      ],
    );
    assert.deepEqual(found.stores, [{ folder: MAC_STORE, exists: true, source: 'automatic', evidence: 'reported by users (Pioneer/rekordbox6/MidiMappings)' }]);
    assert.equal(installStore(found)?.folder, MAC_STORE);
    assert.deepEqual(found.notes, []);
  });

  it('finds an install in ~/Applications and under /Applications/Pioneer', async () => {
    const m = machine('darwin');
    macInstall(m, '/Users/dj/Applications/rekordbox 7', '7.0.5');
    macInstall(m, '/Applications/Pioneer/rekordbox 6', '6.7.4');
    m.folder(MAC_STORE);
    const found = await discover(m, { HOME: MAC_HOME });
    assert.deepEqual(
      found.applications.map(a => [a.folder, a.version]),
      [
        ['/Users/dj/Applications/rekordbox 7', '7.0.5'],
        ['/Applications/Pioneer/rekordbox 6', '6.7.4'],
      ],
    );
  });

  it('an application without a MidiMappings folder is not an install; nothing found says where it looked', async () => {
    const m = machine('darwin');
    m.folder('/Applications/rekordbox 7/rekordbox.app/Contents/Resources');
    const found = await discover(m, { HOME: MAC_HOME });
    assert.deepEqual(found.applications, []);
    assert.ok(
      found.searched.some(s => s.path === '/Applications/rekordbox 7/rekordbox.app/Contents/Resources/MidiMappings' && !s.found),
      JSON.stringify(found.searched),
    );
    assert.deepEqual(found.stores, [
      { folder: MAC_STORE, exists: false, source: 'automatic', evidence: 'reported by users (Pioneer/rekordbox6/MidiMappings)' },
    ]);
    assert.equal(installStore(found), undefined);
    assert.equal(found.notes.length, 2);
    assert.match(
      found.notes[0],
      /No installed Rekordbox was found \(looked in \/Applications, \/Users\/dj\/Applications\).*rekordboxMidi\.rekordbox\.applicationFolder/,
    );
    assert.match(found.notes[1], /user mapping folder does not exist yet .*rekordbox6\/MidiMappings.*rekordboxMidi\.rekordbox\.userMappingFolder/);
  });

  it('without HOME there is no user store to point at', async () => {
    const m = machine('darwin');
    const found = await discover(m, {});
    assert.deepEqual(found.stores, []);
    assert.match(found.notes.join(' '), /no application-data folder in the environment/);
  });
});

describe('Rekordbox folders on Windows', () => {
  function windowsMachine(): FakeMachine {
    const m = machine('win32');
    m.file('C:\\Program Files\\Pioneer\\rekordbox 6.8.5\\MidiMappings\\DDJ-SX.midi.csv', '@file,1,PIONEER DDJ-SX\r\n');
    m.folder('C:\\Program Files\\rekordbox\\rekordbox 7.1.3\\MidiMappings');
    m.folder('C:\\Program Files\\rekordbox\\rekordbox 7.0.9'); // what an update leaves behind: no MidiMappings
    m.folder('C:\\Program Files (x86)\\Pioneer\\rekordbox 5.8.6\\MidiMappings');
    m.folder('C:\\Program Files\\Pioneer\\rekordbox 6.8.5\\Plugins');
    m.folder('C:\\Program Files\\Native Instruments\\Traktor Pro 3\\MidiMappings');
    m.folder(WIN_STORE);
    return m;
  }

  it('finds 5.x (x86), 6.x (Pioneer) and 7.x (rekordbox) installs, newest first, versions from the folder names', async () => {
    const found = await discover(windowsMachine(), WIN_ENV);
    assert.equal(found.platform, 'windows');
    assert.deepEqual(
      found.applications.map(a => [a.folder, a.mappingFolder, a.version, a.versionEvidence]),
      [
        [
          'C:\\Program Files\\rekordbox\\rekordbox 7.1.3',
          'C:\\Program Files\\rekordbox\\rekordbox 7.1.3\\MidiMappings',
          '7.1.3',
          'folder name "rekordbox 7.1.3"',
        ],
        ['C:\\Program Files\\Pioneer\\rekordbox 6.8.5', 'C:\\Program Files\\Pioneer\\rekordbox 6.8.5\\MidiMappings', '6.8.5', 'folder name "rekordbox 6.8.5"'],
        [
          'C:\\Program Files (x86)\\Pioneer\\rekordbox 5.8.6',
          'C:\\Program Files (x86)\\Pioneer\\rekordbox 5.8.6\\MidiMappings',
          '5.8.6',
          'folder name "rekordbox 5.8.6"',
        ],
      ],
    );
    assert.ok(found.searched.some(s => s.path === 'C:\\Program Files\\rekordbox\\rekordbox 7.0.9\\MidiMappings' && !s.found));
    assert.equal(installStore(found)?.folder, WIN_STORE);
    assert.deepEqual(found.notes, []);
  });

  it('uses C:\\Program Files when the environment names no Program Files folder, and USERPROFILE without APPDATA', async () => {
    const found = await discover(windowsMachine(), { USERPROFILE: 'C:\\Users\\dj' });
    assert.deepEqual(
      found.applications.map(a => a.version),
      ['7.1.3', '6.8.5', '5.8.6'],
    );
    assert.equal(installStore(found)?.folder, WIN_STORE);
  });

  it('lists another existing Pioneer\\rekordbox<N>\\MidiMappings after the reported rekordbox6 one, marked unreported', async () => {
    const m = windowsMachine();
    m.folder('C:\\Users\\dj\\AppData\\Roaming\\Pioneer\\rekordbox7\\MidiMappings');
    m.folder('C:\\Users\\dj\\AppData\\Roaming\\Pioneer\\rekordbox\\MidiMappings'); // the database folder's name: not a store
    const found = await discover(m, WIN_ENV);
    assert.deepEqual(
      found.stores.map(s => [s.folder, s.exists, s.evidence]),
      [
        [WIN_STORE, true, 'reported by users (Pioneer/rekordbox6/MidiMappings)'],
        ['C:\\Users\\dj\\AppData\\Roaming\\Pioneer\\rekordbox7\\MidiMappings', true, 'exists beside rekordbox6 (not reported anywhere: rekordbox7)'],
      ],
    );
    assert.equal(installStore(found)?.folder, WIN_STORE);
  });

  it('a missing store is reported, not made up', async () => {
    const m = machine('win32');
    m.folder('C:\\Program Files\\rekordbox\\rekordbox 7.1.3\\MidiMappings');
    const found = await discover(m, WIN_ENV);
    assert.equal(found.applications.length, 1);
    assert.deepEqual(found.stores.map(s => [s.folder, s.exists]), [[WIN_STORE, false]]);
    assert.equal(installStore(found), undefined);
    assert.match(found.notes.join(' '), /does not exist yet/);
  });
});

describe('Rekordbox folder settings', () => {
  it('the application setting replaces discovery and may name the install folder, the .app or MidiMappings itself', async () => {
    const m = machine('darwin');
    macInstall(m, '/Applications/rekordbox 7', '7.1.3');
    macInstall(m, '/Volumes/Backup/rekordbox 6', '6.8.5');
    m.folder(MAC_STORE);
    const mappings = '/Volumes/Backup/rekordbox 6/rekordbox.app/Contents/Resources/MidiMappings';
    for (const setting of ['/Volumes/Backup/rekordbox 6', '/Volumes/Backup/rekordbox 6/', '/Volumes/Backup/rekordbox 6/rekordbox.app', mappings]) {
      const found = await discover(m, { HOME: MAC_HOME }, { applicationFolder: setting });
      assert.deepEqual(
        found.applications.map(a => [a.folder, a.mappingFolder, a.version, a.source]),
        [['/Volumes/Backup/rekordbox 6', mappings, '6.8.5', 'setting']],
        setting,
      );
      assert.deepEqual(found.notes, [], setting);
    }
  });

  it('a Windows application setting: the version comes from the folder name', async () => {
    const m = machine('win32');
    m.folder('D:\\Apps\\rekordbox 7.2.0\\MidiMappings');
    m.folder(WIN_STORE);
    const found = await discover(m, WIN_ENV, { applicationFolder: 'D:\\Apps\\rekordbox 7.2.0' });
    assert.deepEqual(found.applications.map(a => [a.mappingFolder, a.version, a.source]), [['D:\\Apps\\rekordbox 7.2.0\\MidiMappings', '7.2.0', 'setting']]);
  });

  it('a setting that points nowhere says so, and finds nothing else', async () => {
    const m = machine('darwin');
    macInstall(m, '/Applications/rekordbox 7', '7.1.3');
    const found = await discover(m, { HOME: MAC_HOME }, { applicationFolder: '/Volumes/Gone', userMappingFolder: '/Volumes/Gone/store' });
    assert.deepEqual(found.applications, []);
    assert.deepEqual(found.stores, [
      { folder: '/Volumes/Gone/store', exists: false, source: 'setting', evidence: 'rekordboxMidi.rekordbox.userMappingFolder' },
    ]);
    assert.deepEqual(found.notes, [
      'The setting rekordboxMidi.rekordbox.applicationFolder points at /Volumes/Gone, which holds no MidiMappings folder.',
      'The setting rekordboxMidi.rekordbox.userMappingFolder points at /Volumes/Gone/store, which does not exist.',
    ]);
  });

  it('the store setting replaces the automatic store; blank settings mean automatic', async () => {
    const m = machine('darwin');
    m.folder(MAC_STORE);
    m.folder('/Users/dj/Mappings');
    const set = await discover(m, { HOME: MAC_HOME }, { userMappingFolder: '/Users/dj/Mappings' });
    assert.deepEqual(set.stores.map(s => [s.folder, s.exists, s.source]), [['/Users/dj/Mappings', true, 'setting']]);
    const blank = await discover(m, { HOME: MAC_HOME }, { applicationFolder: '  ', userMappingFolder: '' });
    assert.deepEqual(blank.stores.map(s => [s.folder, s.source]), [[MAC_STORE, 'automatic']]);
  });
});

describe('Rekordbox folders on Linux', () => {
  it('looks for nothing (Rekordbox does not run there) and says why', async () => {
    const m = machine('linux');
    m.folder('/home/dj/.wine/drive_c/Program Files/rekordbox/rekordbox 7.1.3/MidiMappings');
    const found = await discover(m, { HOME: '/home/dj', APPDATA: '/home/dj' });
    assert.equal(found.platform, 'linux');
    assert.deepEqual([found.applications, found.stores, found.searched], [[], [], []]);
    assert.equal(found.notes.length, 1);
    const nothingLookedFor = new RegExp(
      /Rekordbox runs on macOS and Windows only, so nothing is looked for automatically on linux; /.source +
        /set rekordboxMidi\.rekordbox\.applicationFolder and rekordboxMidi\.rekordbox\.userMappingFolder/.source,
    );
    assert.match(found.notes[0], nothingLookedFor);
  });

  it('the settings still work', async () => {
    const m = machine('linux');
    m.folder('/srv/rb/rekordbox 7.1.3/MidiMappings');
    m.folder('/srv/rb/store');
    const found = await discover(m, { HOME: '/home/dj' }, { applicationFolder: '/srv/rb/rekordbox 7.1.3', userMappingFolder: '/srv/rb/store' });
    assert.deepEqual(found.applications.map(a => [a.mappingFolder, a.version]), [['/srv/rb/rekordbox 7.1.3/MidiMappings', '7.1.3']]);
    assert.equal(installStore(found)?.folder, '/srv/rb/store');
    assert.deepEqual(found.notes, []);
  });
});

describe('factory mappings for a device', () => {
  it('by file name in every version, newest first; by the @file line when the name differs', async () => {
    const m = machine('darwin');
    macInstall(m, '/Applications/rekordbox 6', '6.8.5', { 'DDJ-SX.midi.csv': '@file,1,PIONEER DDJ-SX\r\n', 'DDJ-400.midi.csv': '@file,1,DDJ-400\r\n' });
    macInstall(m, '/Applications/rekordbox 7', '7.1.3', { 'ddj-400.MIDI.csv': '@file,1,DDJ-400\r\n', 'notes.txt': 'x' });
    const found = await discover(m, { HOME: MAC_HOME });

    const ddj400 = await findFactoryMappings('DDJ-400', found, m.folderView());
    assert.deepEqual(
      ddj400.map(f => [f.file, f.application.version, f.matchedBy]),
      [
        ['/Applications/rekordbox 7/rekordbox.app/Contents/Resources/MidiMappings/ddj-400.MIDI.csv', '7.1.3', 'file name'],
        ['/Applications/rekordbox 6/rekordbox.app/Contents/Resources/MidiMappings/DDJ-400.midi.csv', '6.8.5', 'file name'],
      ],
    );
    const sx = await findFactoryMappings('PIONEER DDJ-SX', found, m.folderView());
    assert.deepEqual(sx.map(f => [f.file, f.matchedBy]), [
      ['/Applications/rekordbox 6/rekordbox.app/Contents/Resources/MidiMappings/DDJ-SX.midi.csv', '@file line'],
    ]);
    assert.deepEqual(await findFactoryMappings('XONE:K2', found, m.folderView()), []);
  });
});

describe('folder helpers', () => {
  it('compareVersions orders numerically, a bare major as .0, unknown last', () => {
    const versions = ['6.8.5', '7', '7.1.3', undefined, '6.10.0', '7.0.0'];
    assert.deepEqual([...versions].sort((a, b) => compareVersions(b, a)), ['7.1.3', '7.0.0', '7', '6.10.0', '6.8.5', undefined]);
  });

  it('isInside: case-insensitive on macOS and Windows, case-sensitive on Linux, no prefix confusion', () => {
    assert.ok(isInside('C:\\Program Files\\rekordbox\\x.midi.csv', 'c:\\program files\\REKORDBOX', 'windows'));
    assert.ok(isInside('/Applications/Rekordbox 7/x', '/applications/rekordbox 7', 'macos'));
    assert.ok(!isInside('/Applications/rekordbox 7 copy/x', '/Applications/rekordbox 7', 'macos'));
    assert.ok(!isInside('/srv/RB/x', '/srv/rb', 'linux'));
    assert.ok(isInside('/srv/rb', '/srv/rb/', 'linux'));
  });

  it('applicationFolderHolding: a found install, or the shape of one that was not found', async () => {
    const m = machine('darwin');
    macInstall(m, '/Applications/rekordbox 7', '7.1.3');
    const found = await discover(m, { HOME: MAC_HOME });
    assert.deepEqual(applicationFolderHolding('/Applications/rekordbox 7/rekordbox.app/Contents/Resources/MidiMappings/DDJ-400.midi.csv', found), {
      folder: '/Applications/rekordbox 7',
      version: '7.1.3',
    });
    // Not installed here (an external disk), but shaped like an application folder.
    assert.ok(applicationFolderHolding('/Volumes/Old/rekordbox 6/rekordbox.app/Contents/Resources/MidiMappings/DDJ-400.midi.csv', found));
    assert.equal(applicationFolderHolding(`${MAC_STORE}/DDJ-400.midi.csv`, found), undefined);
  });

  it('deviceNameOf reads the @file line: padding, CRLF, a byte-order mark, names with spaces, & and :', () => {
    assert.equal(deviceNameOf('@file,1,DDJ-FLX6,,,,,,,,,,,,,,,,\r\nx'), 'DDJ-FLX6');
    assert.equal(deviceNameOf('\uFEFF@file,1,PIONEER DDJ-SX\r\n'), 'PIONEER DDJ-SX');
    assert.equal(deviceNameOf('@file,1,Allen&Heath Xone:4D XONE:4D\n'), 'Allen&Heath Xone:4D XONE:4D');
    assert.equal(deviceNameOf('@file,1,\r\n'), undefined);
    assert.equal(deviceNameOf('#name,function\r\n'), undefined);
    assert.equal(deviceNameOf(''), undefined);
  });

  it('deviceNameOf names the device the language server names (Compare falls back on it), also for quoted or misspelt @file lines', () => {
    for (const text of ['@file,1,"DDJ 400"\r\n', '@file,1,"A,B",,\n', '@filex,1,DDJ-400\n', '\uFEFF@file,1,DDJ-SX', '@file,1,DDJ-400,extra\n']) {
      assert.equal(deviceNameOf(text), parseMapping(text).deviceName, JSON.stringify(text));
    }
    assert.equal(deviceNameOf('@file,1,"DDJ 400"\r\n'), 'DDJ 400');
  });

  it('deviceNameOfBytes reads the bytes as the editor does: UTF-8, a byte-order mark skipped, the first line only', () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    assert.equal(deviceNameOfBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('@file,1,PIONEER DDJ-SX\r\nPlayPause,'))), 'PIONEER DDJ-SX');
    assert.equal(deviceNameOfBytes(utf8('@file,1,DDJ-Ü,,\r\n')), 'DDJ-Ü');
    assert.equal(deviceNameOfBytes(utf8('@file,1,DDJ-FLX4\rnext')), 'DDJ-FLX4');
    assert.equal(deviceNameOfBytes(utf8('@file,1,' + 'x'.repeat(5000))), 'x'.repeat(5000));
    assert.equal(deviceNameOfBytes(new Uint8Array()), undefined);
  });
});

describe('the manifest offers the folder commands and settings', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

  it('declares both settings: strings, empty = automatic, machine-scoped (a workspace cannot redirect an install)', () => {
    for (const name of [APPLICATION_FOLDER_SETTING, USER_MAPPING_FOLDER_SETTING]) {
      const setting = manifest.contributes.configuration.properties[name];
      assert.deepEqual([setting?.type, setting?.default, setting?.scope], ['string', '', 'machine'], name);
    }
  });

  it('declares the commands in the Rekordbox MIDI category, in the palette for mappings', () => {
    const commands = [
      'rekordboxMidi.installIntoRekordbox',
      'rekordboxMidi.compareWithFactory',
      'rekordboxMidi.openMappingFolder',
      'rekordboxMidi.copyToSafePlace',
    ];
    for (const command of commands) {
      const declared = manifest.contributes.commands.find((c: { command: string }) => c.command === command);
      assert.equal(declared?.category, 'Rekordbox MIDI', command);
      assert.ok(manifest.contributes.menus.commandPalette.some((m: { command: string }) => m.command === command), command);
    }
    for (const menu of ['editor/title', 'editor/context', 'explorer/context']) {
      const here = manifest.contributes.menus[menu].map((m: { command: string }) => m.command);
      assert.ok(here.includes('rekordboxMidi.installIntoRekordbox') && here.includes('rekordboxMidi.compareWithFactory'), menu);
    }
  });
});
