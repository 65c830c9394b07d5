/** "Install into Rekordbox…" (client/src/rekordbox/installMapping.ts) on fake macOS and Windows machines. */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  backupFileName,
  deviceFileNameProblem,
  InstallFileSystem,
  installMapping,
  InstallPlan,
  planInstall,
} from '../../../../client/src/rekordbox/installMapping';
import { findRekordboxFolders, RekordboxFolderSettings } from '../../../../client/src/rekordbox/rekordboxFolders';
import { FakeMachine, FakePlatform, fsError, infoPlist } from '../../../helpers/fakeRekordboxTree';

const MAC_ENV = { HOME: '/Users/dj' };
const MAC_STORE = '/Users/dj/Library/Application Support/Pioneer/rekordbox6/MidiMappings';
const MAC_FACTORY = '/Applications/rekordbox 7/rekordbox.app/Contents/Resources/MidiMappings';
const WIN_ENV = { ProgramFiles: 'C:\\Program Files', APPDATA: 'C:\\Users\\dj\\AppData\\Roaming' };
const WIN_STORE = 'C:\\Users\\dj\\AppData\\Roaming\\Pioneer\\rekordbox6\\MidiMappings';

const OLD = '@file,1,DDJ-400\r\nPlayPause,PlayPause,Button,900B,0,1,,,,,,,,,old\r\n';
const NEW = '@file,1,DDJ-400\r\nPlayPause,PlayPause,Button,900C,0,1,,,,,,,,,new\r\n';
const bytes = (text: string) => new TextEncoder().encode(text);
const AT = new Date(2025, 2, 14, 21, 30, 5); // local time, as the backup name is

let machines: FakeMachine[] = [];
afterEach(() => {
  for (const m of machines) m.dispose();
  machines = [];
});

/** A Mac with rekordbox 7 (a factory DDJ-400 file) and the user store, optionally holding `storeFile`. */
function mac(storeFile?: string): FakeMachine {
  const m = new FakeMachine('darwin');
  machines.push(m);
  m.file('/Applications/rekordbox 7/rekordbox.app/Contents/Info.plist', infoPlist('7.1.3'));
  m.file(`${MAC_FACTORY}/DDJ-400.midi.csv`, OLD);
  m.folder(MAC_STORE);
  if (storeFile !== undefined) m.file(`${MAC_STORE}/DDJ-400.midi.csv`, storeFile);
  return m;
}

async function plan(m: FakeMachine, deviceName: string | undefined, settings?: RekordboxFolderSettings): Promise<InstallPlan> {
  const env = m.platform === 'win32' ? WIN_ENV : MAC_ENV;
  return planInstall(deviceName, await findRekordboxFolders({ platform: m.platform as FakePlatform, env, fs: m.folderView(), settings }));
}

async function okPlan(m: FakeMachine, deviceName: string, settings?: RekordboxFolderSettings): Promise<Extract<InstallPlan, { ok: true }>> {
  const p = await plan(m, deviceName, settings);
  assert.ok(p.ok, JSON.stringify(p));
  return p;
}

/** The real file system behind `m`, with `failing` taking over the operations it names. */
function withFailures(m: FakeMachine, failing: Partial<InstallFileSystem>): InstallFileSystem {
  return { ...m.installFileSystem(), ...failing };
}

describe('install into Rekordbox', () => {
  it('writes <store>/<device>.midi.csv when nothing was there: no backup, no temporary file left', async () => {
    const m = mac();
    const p = await okPlan(m, 'DDJ-400');
    assert.equal(p.target, `${MAC_STORE}/DDJ-400.midi.csv`);
    const result = await installMapping(p, bytes(NEW), m.installFileSystem(), AT);
    assert.deepEqual(result, { status: 'installed', target: p.target, backup: undefined, bytes: bytes(NEW).length });
    assert.equal(m.read(p.target), NEW);
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv']);
  });

  it('keeps what was there as <device>.midi.csv.<yyyymmdd-hhmmss>.bak beside it, byte for byte', async () => {
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    const result = await installMapping(p, bytes(NEW), m.installFileSystem(), AT);
    assert.deepEqual(result, { status: 'installed', target: p.target, backup: `${MAC_STORE}/DDJ-400.midi.csv.20250314-213005.bak`, bytes: bytes(NEW).length });
    assert.equal(m.read(p.target), NEW);
    assert.equal(m.read(`${MAC_STORE}/DDJ-400.midi.csv.20250314-213005.bak`), OLD);
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv', 'DDJ-400.midi.csv.20250314-213005.bak']);
  });

  it('a second install in the same second keeps both backups intact', async () => {
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    await installMapping(p, bytes(NEW), m.installFileSystem(), AT);
    const third = NEW.replace('new', 'third');
    const result = await installMapping(p, bytes(third), m.installFileSystem(), AT);
    assert.equal(result.status === 'installed' && result.backup, `${MAC_STORE}/DDJ-400.midi.csv.20250314-213005-2.bak`);
    assert.equal(m.read(`${MAC_STORE}/DDJ-400.midi.csv.20250314-213005.bak`), OLD);
    assert.equal(m.read(`${MAC_STORE}/DDJ-400.midi.csv.20250314-213005-2.bak`), NEW);
    assert.equal(m.read(p.target), third);
  });

  it('the same bytes again: nothing written, no backup', async () => {
    const m = mac(NEW);
    const p = await okPlan(m, 'DDJ-400');
    assert.deepEqual(await installMapping(p, bytes(NEW), m.installFileSystem(), AT), { status: 'unchanged', target: p.target });
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv']);
  });

  it('the target only ever changes by one rename of a complete file written beside it', async () => {
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    const real = m.installFileSystem();
    const calls: string[] = [];
    const name = (f: string) => f.slice(MAC_STORE.length + 1).replace(/\.\d+-[a-z0-9]+\.tmp$/, '.<pid-random>.tmp');
    const recording: InstallFileSystem = {
      stat: real.stat,
      readFile: f => (calls.push(`read ${name(f)}`), real.readFile(f)),
      writeNewFile: (f, d) => (calls.push(`write ${name(f)} (${d.length} bytes)`), real.writeNewFile(f, d)),
      rename: (a, b) => (calls.push(`rename ${name(a)} → ${name(b)}`), real.rename(a, b)),
      remove: f => (calls.push(`remove ${name(f)}`), real.remove(f)),
    };
    await installMapping(p, bytes(NEW), recording, AT);
    assert.deepEqual(calls, [
      'read DDJ-400.midi.csv',
      `write .DDJ-400.midi.csv.<pid-random>.tmp (${bytes(NEW).length} bytes)`,
      `write DDJ-400.midi.csv.20250314-213005.bak (${bytes(OLD).length} bytes)`,
      'read DDJ-400.midi.csv.20250314-213005.bak',
      'rename .DDJ-400.midi.csv.<pid-random>.tmp → DDJ-400.midi.csv',
    ]);
  });

  it('a write that fails half way (disk full) leaves the old mapping and no temporary file', async () => {
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    const real = m.installFileSystem();
    const fs = withFailures(m, {
      async writeNewFile(file, data) {
        await real.writeNewFile(file, data.subarray(0, 10)); // a partial file exists…
        throw fsError('ENOSPC', 'write', file); // …and the disk is full
      },
    });
    const result = await installMapping(p, bytes(NEW), fs, AT);
    assert.equal(result.status, 'refused');
    assert.equal(result.status === 'refused' && result.reason, 'failed');
    assert.match(result.status === 'refused' ? result.message : '', /Cannot write into .*ENOSPC.*Nothing was written\./);
    assert.equal(m.read(p.target), OLD);
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv']);
  });

  it('a read-only store: a clear message, the old mapping untouched, nothing left behind', async () => {
    // Tests run as root, which may write into a chmod-ed folder: the file system refuses instead, as it would for a user.
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    const refuse = (syscall: string) => async (file: string) => {
      throw fsError('EACCES', syscall, file);
    };
    const result = await installMapping(p, bytes(NEW), withFailures(m, { writeNewFile: refuse('open'), rename: refuse('rename') }), AT);
    assert.equal(result.status === 'refused' && result.reason, 'read-only');
    assert.match(
      result.status === 'refused' ? result.message : '',
      /The folder .*rekordbox6\/MidiMappings cannot be written \(EACCES.*read-only or belongs to another user\. Nothing was written\./,
    );
    assert.equal(m.read(p.target), OLD);
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv']);
  });

  it('a rename that fails removes the temporary file; the old mapping stays and the backup is named', async () => {
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    const result = await installMapping(
      p,
      bytes(NEW),
      withFailures(m, { rename: async (from: string) => Promise.reject(fsError('EPERM', 'rename', from)) }),
      AT,
    );
    assert.equal(result.status === 'refused' && result.reason, 'read-only');
    assert.match(
      result.status === 'refused' ? result.message : '',
      /Cannot replace .*DDJ-400\.midi\.csv \(EPERM.*The previous mapping is unchanged \(a backup is also at .*20250314-213005\.bak\)/,
    );
    assert.equal(m.read(p.target), OLD);
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv', 'DDJ-400.midi.csv.20250314-213005.bak']);
  });

  it('a backup that cannot be written (EACCES): refused, the old mapping untouched, the temporary file removed, nothing left', async () => {
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    const real = m.installFileSystem();
    const tried: string[] = [];
    const fs = withFailures(m, {
      async writeNewFile(file, data) {
        tried.push(file);
        if (file.endsWith('.bak')) throw fsError('EACCES', 'open', file);
        await real.writeNewFile(file, data);
      },
    });
    const result = await installMapping(p, bytes(NEW), fs, AT);
    assert.equal(result.status, 'refused');
    assert.equal(result.status === 'refused' && result.reason, 'read-only');
    assert.equal(result.status === 'refused' && result.target, p.target);
    assert.match(
      result.status === 'refused' ? result.message : '',
      /^Cannot keep a backup of .*rekordbox6\/MidiMappings\/DDJ-400\.midi\.csv \(EACCES.*\)\. Nothing was changed\.$/,
    );
    assert.deepEqual(
      tried.map(f => f.slice(MAC_STORE.length + 1).replace(/\.\d+-[a-z0-9]+\.tmp$/, '.<pid-random>.tmp')),
      ['.DDJ-400.midi.csv.<pid-random>.tmp', 'DDJ-400.midi.csv.20250314-213005.bak'],
      'the temporary file was written before the backup was tried',
    );
    assert.equal(m.read(p.target), OLD);
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv']);
  });

  it('a backup whose write stops part way (a full disk): refused, no truncated .bak left, the old mapping untouched', async () => {
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    const real = m.installFileSystem();
    const fs = withFailures(m, {
      async writeNewFile(file, data) {
        if (!file.endsWith('.bak')) return real.writeNewFile(file, data);
        await real.writeNewFile(file, data.subarray(0, 3)); // what reached the disk before it was full
        throw fsError('ENOSPC', 'write', file);
      },
    });
    const result = await installMapping(p, bytes(NEW), fs, AT);
    assert.equal(result.status === 'refused' && result.reason, 'failed');
    assert.match(result.status === 'refused' ? result.message : '', /^Cannot keep a backup of .*DDJ-400\.midi\.csv \(ENOSPC.*\)\. Nothing was changed\.$/);
    assert.equal(m.read(p.target), OLD);
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv'], 'no truncated backup, no temporary file');
  });

  it('a backup that reads back other bytes: refused, the bad .bak removed, the old mapping untouched, nothing left', async () => {
    const m = mac(OLD);
    const p = await okPlan(m, 'DDJ-400');
    const real = m.installFileSystem();
    const backup = `${MAC_STORE}/DDJ-400.midi.csv.20250314-213005.bak`;
    let backupWritten = false;
    const fs = withFailures(m, {
      async writeNewFile(file, data) {
        await real.writeNewFile(file, data);
        if (file === backup) backupWritten = m.read(backup) === OLD;
      },
      async readFile(file) {
        const data = await real.readFile(file);
        return file.endsWith('.bak') ? data.map(b => (b === 0x30 ? 0x31 : b)) : data; // the disk gives 0s back as 1s
      },
    });
    const result = await installMapping(p, bytes(NEW), fs, AT);
    assert.ok(backupWritten, 'the backup was written before it was read back');
    assert.equal(result.status, 'refused');
    assert.equal(result.status === 'refused' && result.reason, 'failed');
    assert.match(
      result.status === 'refused' ? result.message : '',
      /^Cannot keep a backup of .*DDJ-400\.midi\.csv \(the backup read back differs from the original\)\. Nothing was changed\.$/,
    );
    assert.equal(m.exists(backup), false, 'the bad backup is removed');
    assert.equal(m.read(p.target), OLD);
    assert.deepEqual(m.list(MAC_STORE), ['DDJ-400.midi.csv']);
  });

  it('a store folder removed after the plan: "does not exist", nothing written', async () => {
    const m = mac();
    const p = await okPlan(m, 'DDJ-400');
    m.dispose(); // the whole machine is gone
    const result = await installMapping(p, bytes(NEW), m.installFileSystem(), AT);
    assert.equal(result.status === 'refused' && result.reason, 'missing-folder');
    assert.match(result.status === 'refused' ? result.message : '', /The folder .*MidiMappings does not exist \(any more\)\. Nothing was written\./);
  });

  it('a folder where the mapping file should be is not replaced', async () => {
    const m = mac();
    m.folder(`${MAC_STORE}/DDJ-400.midi.csv`);
    const result = await installMapping(await okPlan(m, 'DDJ-400'), bytes(NEW), m.installFileSystem(), AT);
    assert.equal(result.status === 'refused' && result.reason, 'not-a-file');
  });

  it('on Windows: the target and its backup sit in %APPDATA%\\Pioneer\\rekordbox6\\MidiMappings', async () => {
    const m = new FakeMachine('win32');
    machines.push(m);
    m.folder('C:\\Program Files\\rekordbox\\rekordbox 7.1.3\\MidiMappings');
    m.file(`${WIN_STORE}\\PIONEER DDJ-SX.midi.csv`, OLD);
    const p = await okPlan(m, 'PIONEER DDJ-SX');
    assert.equal(p.target, `${WIN_STORE}\\PIONEER DDJ-SX.midi.csv`);
    const result = await installMapping(p, bytes(NEW), m.installFileSystem(), AT);
    assert.equal(result.status === 'installed' && result.backup, `${WIN_STORE}\\PIONEER DDJ-SX.midi.csv.20250314-213005.bak`);
    assert.equal(m.read(`${WIN_STORE}\\PIONEER DDJ-SX.midi.csv`), NEW);
    assert.equal(m.read(`${WIN_STORE}\\PIONEER DDJ-SX.midi.csv.20250314-213005.bak`), OLD);
  });
});

describe('install refusals (nothing written)', () => {
  it('never inside an application folder, even when the store setting points there', async () => {
    const m = mac();
    for (const store of [MAC_FACTORY, `${MAC_FACTORY}/`, '/Applications/rekordbox 7', '/Applications/rekordbox 7/rekordbox.app']) {
      const p = await plan(m, 'DDJ-400', { userMappingFolder: store });
      assert.equal(!p.ok && p.reason, 'inside-application', store);
    }
    const p = await plan(m, 'DDJ-400', { userMappingFolder: MAC_FACTORY });
    assert.ok(!p.ok);
    const insideApplicationFolder = new RegExp(
      /is inside Rekordbox's application folder \(\/Applications\/rekordbox 7\)\. /.source +
        /Nothing is ever written there: users report Rekordbox crashing at launch/.source,
    );
    assert.match(p.message, insideApplicationFolder);
    assert.equal(m.read(`${MAC_FACTORY}/DDJ-400.midi.csv`), OLD);
  });

  it('nor inside an application folder discovery did not find (an old install on another disk)', async () => {
    const m = mac();
    const old = m.folder('/Volumes/Old/rekordbox 6/rekordbox.app/Contents/Resources/MidiMappings');
    const p = await plan(m, 'DDJ-400', { userMappingFolder: old });
    assert.equal(!p.ok && p.reason, 'inside-application');
  });

  it('on Windows, a store setting inside Program Files\\Pioneer\\rekordbox 6.8.5 is refused', async () => {
    const m = new FakeMachine('win32');
    machines.push(m);
    m.folder('C:\\Program Files\\Pioneer\\rekordbox 6.8.5\\MidiMappings');
    const p = await plan(m, 'DDJ-400', { userMappingFolder: 'c:\\program files\\pioneer\\REKORDBOX 6.8.5\\MidiMappings' });
    assert.equal(!p.ok && p.reason, 'inside-application');
  });

  const BAD_EVERYWHERE: [string, RegExp][] = [
    ['DDJ/400', /contains "\/"/],
    ['DDJ\\400', /contains "\\"/],
    ['Allen&Heath Xone:4D XONE:4D', /contains ":"/],
    ['Pad*', /contains "\*"/],
    ['Why?', /contains "\?"/],
    ['"Quoted"', /contains """/],
    ['<MIDI>|x', /contains "<", ">", "\|"/],
    ['Tab\there', /control character/],
    ['Bell\u0007', /control character/],
    ['', /it is empty/],
    ['   ', /it is empty/],
    ['..', /names a folder/],
  ];
  for (const [name, why] of BAD_EVERYWHERE) {
    it(`refuses the device name ${JSON.stringify(name)} on macOS and Windows`, async () => {
      for (const platform of ['macos', 'windows'] as const) {
        const problem = deviceFileNameProblem(name, platform);
        assert.match(problem ?? '', why, platform);
      }
      const m = mac();
      const p = await plan(m, name);
      assert.ok(!p.ok);
      assert.equal(p.reason, 'bad-device-name');
      const badDeviceName = new RegExp(
        /^The device name ".*" cannot be used as a file name: .*\. Nothing was written\. /.source +
          /To load a mapping .* use IMPORT instead: in Rekordbox open Preferences > Controller > MIDI/.source,
        's',
      );
      assert.match(p.message, badDeviceName);
      assert.deepEqual(m.list(MAC_STORE), []);
    });
  }

  it('Windows only: a trailing dot or space, and reserved device names', () => {
    for (const name of ['DDJ-400.', 'DDJ-400 ', 'CON', 'nul', 'COM1', 'lpt9']) {
      assert.ok(deviceFileNameProblem(name, 'windows'), name);
      assert.equal(deviceFileNameProblem(name, 'macos'), undefined, name);
    }
    for (const name of ['PIONEER DDJ-SX', 'Allen&Heath XONE 4D', 'LPD8 mk2', 'CONSOLE 1', 'DDJ-400.v2']) {
      assert.equal(deviceFileNameProblem(name, 'windows'), undefined, name);
    }
  });

  it('no @file line, or no store: says why, and where it looked', async () => {
    const m = mac();
    const none = await plan(m, undefined);
    assert.equal(!none.ok && none.reason, 'no-device-name');
    const empty = new FakeMachine('darwin');
    machines.push(empty);
    const p = await plan(empty, 'DDJ-400');
    assert.ok(!p.ok);
    assert.equal(p.reason, 'no-store');
    assert.match(
      p.message,
      /user mapping folder was not found \(looked for \/Users\/dj\/Library\/Application Support\/Pioneer\/rekordbox6\/MidiMappings\)\. Nothing was written\./,
    );
  });

  it('backup names: <name>.<yyyymmdd-hhmmss>[-n].bak in local time', () => {
    assert.equal(backupFileName('DDJ-400.midi.csv', new Date(2024, 0, 2, 3, 4, 5)), 'DDJ-400.midi.csv.20240102-030405.bak');
    assert.equal(backupFileName('DDJ-400.midi.csv', new Date(2024, 11, 31, 23, 59, 59), 3), 'DDJ-400.midi.csv.20241231-235959-3.bak');
  });
});
