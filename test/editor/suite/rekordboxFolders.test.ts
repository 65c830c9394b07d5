/// <reference types="mocha" />
/**
 * Rekordbox's folders in the real editor: Compare with Factory Mapping, Install into
 * Rekordbox… and Copy to a Safe Place… on a fake Rekordbox tree in a temporary folder, given to the
 * extension through the settings `rekordboxMidi.rekordbox.applicationFolder` and `…userMappingFolder`
 * (this machine is Linux, where nothing is found automatically). No dialog is answered: the
 * commands take the mapping's Uri, and install takes `{ skipConfirmation: true }`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureText, open, removeTemp, runningClient, waitFor, writeTemp } from './helpers';

const COMPARE = 'rekordboxMidi.compareWithFactory';
const INSTALL = 'rekordboxMidi.installIntoRekordbox';
const COPY = 'rekordboxMidi.copyToSafePlace';
const DEVICE = 'PIONEER DDJ-SX';
const STORED_BEFORE =
  `@file,1,${DEVICE}\r\n` +
  '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment\r\n' +
  'PlayPause,PlayPause,Button,900B,0,1,,,,,,,,,what Rekordbox had\r\n';

const settings = () => vscode.workspace.getConfiguration('rekordboxMidi.rekordbox');
async function setFolders(applicationFolder: string | undefined, userMappingFolder: string | undefined): Promise<void> {
  await settings().update('applicationFolder', applicationFolder, vscode.ConfigurationTarget.Global);
  await settings().update('userMappingFolder', userMappingFolder, vscode.ConfigurationTarget.Global);
}

function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

suite('Rekordbox folders: compare, install, copy out', () => {
  let tree: string;
  let factoryFolder: string;
  let store: string;
  const temps: vscode.Uri[] = [];

  suiteSetup(async () => {
    await runningClient();
    tree = fs.mkdtempSync(path.join(os.tmpdir(), 'rekordbox-midi-folders-'));
    factoryFolder = path.join(tree, 'rekordbox 7.1.3', 'MidiMappings');
    store = path.join(tree, 'Pioneer', 'rekordbox6', 'MidiMappings');
    fs.mkdirSync(factoryFolder, { recursive: true });
    fs.mkdirSync(store, { recursive: true });
    fs.writeFileSync(path.join(factoryFolder, `${DEVICE}.midi.csv`), fixtureText('factory-DDJ-SX.midi.csv'));
    fs.writeFileSync(path.join(factoryFolder, 'DDJ-400.midi.csv'), '@file,1,DDJ-400\r\n');
    await setFolders(path.join(tree, 'rekordbox 7.1.3'), store);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await setFolders(undefined, undefined);
    for (const uri of temps) removeTemp(uri);
    fs.rmSync(tree, { recursive: true, force: true });
  });

  test('Compare with Factory Mapping opens a diff: the factory file, read-only, against this file', async () => {
    const mine = writeTemp('compare.midi.csv', fixtureText('handmade-DDJ-SX-16-fields.midi.csv'));
    temps.push(mine);
    await open(mine);
    const result = await vscode.commands.executeCommand<{ factory?: string; version?: string; message: string }>(COMPARE, mine);
    assert.strictEqual(result.factory, path.join(factoryFolder, `${DEVICE}.midi.csv`), result.message);
    assert.strictEqual(result.version, '7.1.3');

    const diff = await waitFor('the diff editor', () => activeDiff());
    assert.strictEqual(diff.modified.toString(), mine.toString());
    assert.strictEqual(diff.original.scheme, 'rekordbox-factory');
    assert.strictEqual(diff.original.fsPath, result.factory);
    const shown = await vscode.workspace.openTextDocument(diff.original);
    assert.strictEqual(shown.getText(), fixtureText('factory-DDJ-SX.midi.csv'));
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem('rekordbox-factory'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(diff.original, new TextEncoder().encode('x'))));
    assert.strictEqual(fs.readFileSync(result.factory, 'utf8'), fixtureText('factory-DDJ-SX.midi.csv'));
  });

  test('files that change on disk while the compare is open: the diff shows them; an unsaved edit is kept', async () => {
    // The user's mapping in Rekordbox's store, which Rekordbox rewrites when it saves its settings.
    const stored = vscode.Uri.file(path.join(store, `${DEVICE}.midi.csv`));
    const factory = path.join(factoryFolder, `${DEVICE}.midi.csv`);
    fs.writeFileSync(stored.fsPath, STORED_BEFORE);
    try {
      const document = await open(stored);
      await vscode.commands.executeCommand(COMPARE, stored);
      const diff = await waitFor('the diff editor', () => activeDiff());
      const original = await vscode.workspace.openTextDocument(diff.original);

      // Rekordbox rewrites the store file: the right side follows (nothing of the user's was unsaved).
      const rewritten = STORED_BEFORE.replace('what Rekordbox had', 'what Rekordbox wrote later');
      fs.writeFileSync(stored.fsPath, rewritten);
      await waitFor('the right side to show the rewritten store file', () => document.getText() === rewritten, 20000);

      // An update of Rekordbox replaces the factory file: the read-only left side follows too.
      const updatedFactory = fixtureText('factory-DDJ-SX.midi.csv').replace('PlayPause', 'PlayPause ');
      fs.writeFileSync(factory, updatedFactory);
      await waitFor('the left side to show the new factory file', () => original.getText() === updatedFactory, 20000);

      // With an unsaved edit, a rewrite on disk does not take the user's work away.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(stored, new vscode.Position(2, 0), 'Cue,Cue,Button,900C,0,1,,,,,,,,,mine\r\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const mine = document.getText();
      fs.writeFileSync(stored.fsPath, STORED_BEFORE);
      await new Promise(resolve => setTimeout(resolve, 1500)); // time for VS Code to notice the change
      assert.strictEqual(document.getText(), mine, 'the unsaved edit is still in the editor');
      assert.ok(document.isDirty);
      assert.strictEqual(fs.readFileSync(stored.fsPath, 'utf8'), STORED_BEFORE, 'nothing of ours was written behind the user’s back');
    } finally {
      await closeAllEditors();
      fs.rmSync(stored.fsPath, { force: true });
      fs.writeFileSync(factory, fixtureText('factory-DDJ-SX.midi.csv'));
    }
  });

  test('Compare for a device Rekordbox has no factory mapping for says where it looked', async () => {
    const mine = writeTemp('compare-unknown.midi.csv', '@file,1,Homemade Box\r\nPlayPause,,Button,9000,,,,,,,,,,,\r\n');
    temps.push(mine);
    await open(mine);
    const result = await vscode.commands.executeCommand<{ factory?: string; message: string }>(COMPARE, mine);
    assert.strictEqual(result.factory, undefined);
    assert.ok(result.message.includes('no factory mapping for "Homemade Box"') && result.message.includes(factoryFolder), result.message);
  });

  test('Install into Rekordbox writes <store>/<device>.midi.csv and keeps what was there as a .bak', async () => {
    const target = path.join(store, `${DEVICE}.midi.csv`);
    fs.writeFileSync(target, STORED_BEFORE);
    const text = fixtureText('handmade-DDJ-SX-16-fields.midi.csv');
    const mine = writeTemp('install.midi.csv', text);
    temps.push(mine);
    await open(mine);
    const result = await vscode.commands.executeCommand<{ status: string; target?: string; backup?: string; message?: string }>(
      INSTALL,
      mine,
      { skipConfirmation: true },
    );
    assert.strictEqual(result.status, 'installed', result.message);
    assert.strictEqual(result.target, target);
    assert.deepStrictEqual(fs.readFileSync(target), fs.readFileSync(mine.fsPath));
    assert.ok(result.backup && /PIONEER DDJ-SX\.midi\.csv\.\d{8}-\d{6}(-\d+)?\.bak$/.test(result.backup), result.backup);
    assert.strictEqual(fs.readFileSync(result.backup, 'utf8'), STORED_BEFORE);
    assert.deepStrictEqual(fs.readdirSync(store).sort(), [`${DEVICE}.midi.csv`, path.basename(result.backup)].sort());
  });

  test('an unsaved mapping is not installed, and not saved either', async () => {
    const mine = writeTemp('install-dirty.midi.csv', `@file,1,DDJ-400\r\nPlayPause,,Button,9000,,,,,,,,,,,\r\n`);
    temps.push(mine);
    const document = await open(mine);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(mine, new vscode.Position(1, 0), 'Cue,,Button,9001,,,,,,,,,,,\r\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const result = await vscode.commands.executeCommand<{ status: string }>(INSTALL, mine, { skipConfirmation: true });
    assert.strictEqual(result.status, 'unsaved');
    assert.ok(document.isDirty);
    assert.ok(!fs.existsSync(path.join(store, 'DDJ-400.midi.csv')));
  });

  test('Install refuses a store inside the application folder and writes nothing', async () => {
    await settings().update('userMappingFolder', factoryFolder, vscode.ConfigurationTarget.Global);
    try {
      const mine = writeTemp('install-app.midi.csv', '@file,1,DDJ-400\r\nPlayPause,,Button,9000,,,,,,,,,,,\r\n');
      temps.push(mine);
      const result = await vscode.commands.executeCommand<{ status: string; reason?: string }>(INSTALL, mine, { skipConfirmation: true });
      assert.deepStrictEqual([result.status, result.reason], ['refused', 'inside-application']);
      assert.strictEqual(fs.readFileSync(path.join(factoryFolder, 'DDJ-400.midi.csv'), 'utf8'), '@file,1,DDJ-400\r\n');
      assert.deepStrictEqual(fs.readdirSync(factoryFolder).sort(), ['DDJ-400.midi.csv', `${DEVICE}.midi.csv`]);
    } finally {
      await settings().update('userMappingFolder', store, vscode.ConfigurationTarget.Global);
    }
  });

  test('Install names the file after the @file line as the editor reads it: UTF-8, a byte-order mark skipped', async () => {
    const name = 'DDJ-Ü Studio';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`@file,1,${name}\r\nPlayPause,,Button,9000,,,,,,,,,,,\r\n`, 'utf8')]);
    const mine = vscode.Uri.file(path.join(tree, 'bom-and-umlaut.midi.csv'));
    fs.writeFileSync(mine.fsPath, bytes);
    try {
      await open(mine);
      const result = await vscode.commands.executeCommand<{ status: string; target?: string; message?: string }>(INSTALL, mine, { skipConfirmation: true });
      assert.strictEqual(result.status, 'installed', result.message);
      assert.strictEqual(result.target, path.join(store, `${name}.midi.csv`));
      assert.deepStrictEqual(fs.readFileSync(result.target), bytes, 'the bytes as they are, BOM included');
    } finally {
      await closeAllEditors();
      fs.rmSync(path.join(store, `${name}.midi.csv`), { force: true });
      fs.rmSync(mine.fsPath, { force: true });
    }
  });

  test('the walkthrough\'s Install step installs the mapping shown beside it, or says to open one', async () => {
    await closeAllEditors();
    const none = await vscode.commands.executeCommand<{ status: string }>('rekordboxMidi.walkthrough.installIntoRekordbox');
    assert.strictEqual(none.status, 'no-mapping');
    const mine = writeTemp('walkthrough-install.midi.csv', '@file,1,DDJ-400\r\nPlayPause,,Button,9000,,,,,,,,,,,\r\n');
    temps.push(mine);
    await open(mine);
    // No store: install stops before its confirmation, with the reason, so no dialog waits here.
    await settings().update('userMappingFolder', path.join(tree, 'no such store'), vscode.ConfigurationTarget.Global);
    try {
      const result = await vscode.commands.executeCommand<{ status: string; reason?: string }>('rekordboxMidi.walkthrough.installIntoRekordbox');
      assert.deepStrictEqual([result.status, result.reason], ['refused', 'no-store']);
    } finally {
      await settings().update('userMappingFolder', store, vscode.ConfigurationTarget.Global);
    }
  });

  test('Compare without an application folder, or on a file without an @file line, says so and opens nothing', async () => {
    const mine = writeTemp('compare-nothing.midi.csv', fixtureText('handmade-DDJ-SX-16-fields.midi.csv'));
    const headless = writeTemp('compare-headless.midi.csv', 'PlayPause,,Button,9000,,,,,,,,,,,\r\n');
    temps.push(mine, headless);
    await open(mine);
    await settings().update('applicationFolder', path.join(tree, 'no such application'), vscode.ConfigurationTarget.Global);
    try {
      const result = await vscode.commands.executeCommand<{ factory?: string; message: string }>(COMPARE, mine);
      assert.strictEqual(result.factory, undefined);
      assert.match(result.message, /^No Rekordbox application folder was found, so there is no factory mapping to compare with\./);
      assert.strictEqual(activeDiff(), undefined, 'no diff opened');
    } finally {
      await settings().update('applicationFolder', path.join(tree, 'rekordbox 7.1.3'), vscode.ConfigurationTarget.Global);
    }
    await open(headless);
    const result = await vscode.commands.executeCommand<{ factory?: string; message: string }>(COMPARE, headless);
    assert.strictEqual(result.message, 'This mapping has no "@file,1,<device name>" first line, so there is no device to look up.');
    assert.strictEqual(activeDiff(), undefined, 'no diff opened');
  });

  test('Open Rekordbox Mapping Folder: the one folder found at once, a choice between several, and where none is, nothing', async () => {
    const OPEN_FOLDER = 'rekordboxMidi.openMappingFolder';
    // Both folders: a quick pick, the user store first.
    const picking = vscode.commands.executeCommand<string | undefined>(OPEN_FOLDER);
    let settled = false;
    void Promise.resolve(picking).finally(() => (settled = true));
    // Enter on the picked item, again until the pick has appeared and taken it.
    for (let i = 0; i < 40 && !settled; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    assert.strictEqual(await picking, store);
    try {
      // Only the store: no question.
      await setFolders(path.join(tree, 'no such application'), store);
      assert.strictEqual(await vscode.commands.executeCommand<string | undefined>(OPEN_FOLDER), store);
      // Nothing (this is Linux: nothing is found automatically).
      await setFolders(path.join(tree, 'no such application'), path.join(tree, 'no such store'));
      assert.strictEqual(await vscode.commands.executeCommand<string | undefined>(OPEN_FOLDER), undefined);
    } finally {
      await setFolders(path.join(tree, 'rekordbox 7.1.3'), store);
    }
  });

  test('Copy to a Safe Place refuses a place inside the application folder, and copies unsaved edits, leaving the original as it was', async () => {
    const inApp = vscode.Uri.file(path.join(factoryFolder, `${DEVICE}.midi.csv`));
    const document = await open(inApp);
    const intoApp = vscode.Uri.file(path.join(factoryFolder, 'copy.midi.csv'));
    assert.strictEqual(await vscode.commands.executeCommand<vscode.Uri | undefined>(COPY, inApp, intoApp), undefined);
    assert.ok(!fs.existsSync(intoApp.fsPath), 'nothing written inside the application folder');

    const edit = new vscode.WorkspaceEdit();
    edit.insert(inApp, new vscode.Position(2, 0), 'Cue,Cue,Button,900C,0,1,,,,,,,,,mine\r\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const target = vscode.Uri.file(path.join(tree, 'copies', 'with-edits.midi.csv'));
    try {
      assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri | undefined>(COPY, inApp, target))?.toString(), target.toString());
      assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), document.getText(), 'the copy has the unsaved edits');
      assert.strictEqual(fs.readFileSync(inApp.fsPath, 'utf8'), fixtureText('factory-DDJ-SX.midi.csv'), 'the file in the application folder unchanged');
      assert.ok(document.isDirty, 'the original still has its edits, unsaved');
    } finally {
      await closeAllEditors(); // reverts the unsaved edit
      fs.rmSync(target.fsPath, { force: true });
    }
  });

  test('Copy to a Safe Place copies a mapping out of the application folder and opens the copy', async () => {
    const inApp = vscode.Uri.file(path.join(factoryFolder, `${DEVICE}.midi.csv`));
    await open(inApp);
    const target = vscode.Uri.file(path.join(tree, 'copies', `${DEVICE}.midi.csv`));
    const copied = await vscode.commands.executeCommand<vscode.Uri | undefined>(COPY, inApp, target);
    assert.strictEqual(copied?.toString(), target.toString());
    assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), fixtureText('factory-DDJ-SX.midi.csv'));
    await waitFor('the copy in front', () => vscode.window.activeTextEditor?.document.uri.toString() === target.toString());
    // Never over an existing file without a dialog.
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>(COPY, inApp, target);
    assert.strictEqual(again, undefined);
  });
});
