/// <reference types="mocha" />
/**
 * "Rekordbox MIDI: Import Mixxx Mapping…" in the real editor: the command (given the file, so no
 * dialog) opens a new, unsaved rekordbox-midi document that the language server checks like any other.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, errors, LANGUAGE_ID, removeTemp, REPO_ROOT, runningClient, TMP_PREFIX, waitForDiagnostics, workspaceDir } from './helpers';

const DDJ400 = vscode.Uri.file(path.join(REPO_ROOT, 'test', 'fixtures', 'mixxx', 'Pioneer-DDJ-400.midi.xml'));

suite('Mixxx import', () => {
  suiteSetup(runningClient);
  suiteTeardown(closeAllEditors);

  test('importing the DDJ-400 Mixxx mapping opens an untitled, unsaved mapping with PlayPause 900B and no error', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('rekordboxMidi.importMixxx', DDJ400);
    assert.ok(document, 'the command returned no document');
    assert.strictEqual(document.isUntitled, true);
    assert.strictEqual(document.uri.scheme, 'untitled');
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    assert.strictEqual(document.isDirty, true, 'unsaved');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), 'shown');
    assert.strictEqual(document.lineAt(0).text, '@file,1,DDJ-400');
    const play = document.getText().split(/\r?\n/).find(l => l.startsWith('PlayPause,'));
    assert.ok(play?.startsWith('PlayPause,,Button,900B,0,1,,,900B,0,1,,,,'), play);

    // What could not be translated is there to assign: NoFunction rows whose comment names the Mixxx
    // control (group and key, or the script function) and why, each one in the outline too.
    const untranslated = document.getText().split(/\r?\n/).filter(l => l.startsWith('NoFunction,'));
    assert.ok(untranslated.length >= 50, `only ${untranslated.length} NoFunction rows`);
    for (const row of untranslated) assert.match(row.split(',').slice(14).join(','), /^Mixxx (script )?\[[^\]]+\]/, row);
    assert.ok(untranslated.some(r => r.includes('(no Rekordbox equivalent)')), 'no row says a control has no Rekordbox equivalent');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const outlined = (symbols ?? []).flatMap(function all(s: vscode.DocumentSymbol): vscode.DocumentSymbol[] {
      return [s, ...s.children.flatMap(all)];
    });
    assert.strictEqual(outlined.filter(s => s.name.startsWith('NoFunction')).length, untranslated.length, 'every NoFunction row in the outline');

    // A clean file publishes nothing to wait for: add one known error at the end, wait for it, and
    // check that it is the only one.
    const last = document.lineCount - 1;
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(await editor.edit(b => b.insert(new vscode.Position(last, 0), 'Cue,,Button,90O8,,,,,,,,,,,\r\n')), true);
    await waitForDiagnostics(document.uri, 'the bad-hex error on the added row', () => errors(document.uri, 'bad-hex').length === 1);
    assert.deepStrictEqual(
      errors(document.uri).map(d => d.range.start.line),
      [last],
      'no error-level diagnostic in the imported rows',
    );
  });

  test('Export as Mixxx Mapping writes the skeleton to the given file, and never over an existing one', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('rekordboxMidi.importMixxx', DDJ400);
    assert.ok(document);
    const target = vscode.Uri.file(path.join(workspaceDir(), `${TMP_PREFIX}export.midi.xml`));
    removeTemp(target);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('rekordboxMidi.exportMixxx', document.uri, target);
      assert.strictEqual(written?.toString(), target.toString());
      const xml = fs.readFileSync(target.fsPath, 'utf8');
      assert.ok(xml.includes('<group>[Channel2]</group>\n                <key>play</key>\n                <status>0x91</status>'), xml.slice(0, 400));
      fs.writeFileSync(target.fsPath, 'mine');
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('rekordboxMidi.exportMixxx', document.uri, target);
      assert.strictEqual(again, undefined);
      assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), 'mine', 'not overwritten');
    } finally {
      removeTemp(target);
    }
  });
});
