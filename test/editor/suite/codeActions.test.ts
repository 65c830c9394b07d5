/// <reference types="mocha" />
/**
 * Code actions in the real editor: the quick fix for a shifted row and fix-all, applied through
 * the VS Code API; each is one undoable edit and nothing is saved behind the user's back.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, errors, fixtureText, LANGUAGE_ID, open, removeTemp, runningClient, waitFor, waitForDiagnostics, writeTemp } from './helpers';

const SIXTEEN = 'handmade-DDJ-SX-16-fields.midi.csv';

async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

suite('code actions', () => {
  let temp: vscode.Uri | undefined;
  suiteSetup(runningClient);
  teardown(async () => {
    await closeAllEditors();
    if (temp) removeTemp(temp);
    temp = undefined;
  });

  test('the quick fix removes the stray field of a shifted row, as one undoable edit, without saving', async () => {
    temp = writeTemp('quickfix.midi.csv', fixtureText(SIXTEEN));
    const uri = temp;
    const document = await open(uri);
    const [first] = await waitForDiagnostics(uri, '8 field-count errors', all => all.filter(d => codeOf(d) === 'field-count').length === 8);
    const shifted = errors(uri, 'field-count').sort((a, b) => a.range.start.line - b.range.start.line)[0];
    assert.ok(first && shifted.range.start.line === 7);

    const actions = await actionsAt(uri, shifted.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find(a => a.title === 'Remove the stray empty field that shifted this row');
    assert.ok(fix?.edit, `no stray-field fix among: ${actions.map(a => a.title).join(', ')}`);
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true);
    assert.strictEqual(document.lineAt(7).text, 'PAD1_HotCue,PAD1.HotCue.Call,Pad,9000,7,8,,,9000,7,8,,,,DDJ-SX pad channels 8/9');
    await waitForDiagnostics(uri, '7 field-count errors', () => errors(uri, 'field-count').length === 7);
    assert.strictEqual(document.isDirty, true, 'the fix is not saved behind the user');

    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), fixtureText(SIXTEEN), 'one undo restores the file byte for byte');
    await waitForDiagnostics(uri, '8 field-count errors again', () => errors(uri, 'field-count').length === 8);
  });

  test('source.fixAll.rekordboxMidi fixes every shifted row at once', async () => {
    temp = writeTemp('fixall.midi.csv', fixtureText(SIXTEEN));
    const uri = temp;
    const document = await open(uri);
    await waitForDiagnostics(uri, '8 field-count errors', () => errors(uri, 'field-count').length === 8);
    const actions = await actionsAt(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.rekordboxMidi');
    assert.strictEqual(actions.length, 1, actions.map(a => a.title).join(', '));
    assert.strictEqual(await vscode.workspace.applyEdit(actions[0].edit!), true);
    await waitForDiagnostics(uri, 'no errors', () => errors(uri).length === 0);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), fixtureText(SIXTEEN), 'one undo restores the file');
  });

  suite('fix all on save', () => {
    // Certain fixes only: a lower-case code, a 6-hex MIDI OUT code (long-code), a row a stray field
    // has shifted (field-count error).
    const BROKEN = [
      '@file,1,Test Device',
      '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment',
      'PlayPause,PlayPause,Button,900b,0,1,2,3,900b0f,0,1,2,3,Fast,Play/Pause',
      'PAD2_HotCue,PAD2.HotCue,Pad,9001,7,9,,,,9001,7,9,,,Fast,Pad 2',
      'Cue,Cue,Button,900C,0,1,2,3,900C,0,1,2,3,,Cue',
      '',
    ].join('\n');
    const FIXED = [
      '@file,1,Test Device',
      '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment',
      'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause',
      'PAD2_HotCue,PAD2.HotCue,Pad,9001,7,9,,,9001,7,9,,,Fast,Pad 2',
      'Cue,Cue,Button,900C,0,1,2,3,900C,0,1,2,3,,Cue',
      '',
    ].join('\n');
    /** `editor.codeActionsOnSave` for `[rekordbox-midi]` in the user settings, as the README tells users to set it. */
    const setOnSave = (value: Record<string, string> | undefined) =>
      vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID }).update('codeActionsOnSave', value, vscode.ConfigurationTarget.Global, true);
    const onSave = () => vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID }).get<Record<string, string>>('codeActionsOnSave');

    suiteTeardown(() => setOnSave(undefined));

    const TYPED = 'Cue,Cue,Button,900C,0,1,2,3,900C,0,1,2,3,,Cue\n';

    /** The broken mapping open and dirty: on disk without its last row, which the user then types. */
    async function openBroken(name: string): Promise<{ uri: vscode.Uri; document: vscode.TextDocument }> {
      assert.ok(BROKEN.endsWith(TYPED));
      temp = writeTemp(name, BROKEN.slice(0, -TYPED.length));
      const uri = temp;
      const document = await open(uri);
      await waitForDiagnostics(
        uri,
        'the shifted row and the long code',
        all => all.some(d => codeOf(d) === 'field-count') && all.some(d => codeOf(d) === 'long-code'),
      );
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(document.lineCount - 1, 0), TYPED);
      assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
      assert.strictEqual(document.getText(), BROKEN);
      assert.strictEqual(document.isDirty, true);
      return { uri, document };
    }

    /** Ctrl+S in the document's editor, until the file on disk is what the editor shows. */
    async function save(document: vscode.TextDocument): Promise<void> {
      await vscode.window.showTextDocument(document, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save to finish', () => !document.isDirty && fs.readFileSync(document.uri.fsPath, 'utf8') === document.getText());
    }

    test('with "source.fixAll.rekordboxMidi": "explicit", saving applies every certain fix, as one undo step', async () => {
      await setOnSave({ 'source.fixAll.rekordboxMidi': 'explicit' });
      assert.deepStrictEqual(onSave(), { 'source.fixAll.rekordboxMidi': 'explicit' });
      const { uri, document } = await openBroken('fix-on-save.midi.csv');

      await save(document);
      assert.strictEqual(document.getText(), FIXED, 'the fixes are in the document');
      assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), FIXED, 'and in the saved file');
      await waitForDiagnostics(uri, 'no field-count or long-code left', all => !all.some(d => codeOf(d) === 'field-count' || codeOf(d) === 'long-code'));

      await vscode.commands.executeCommand('undo');
      assert.strictEqual(document.getText(), BROKEN, 'one undo takes every fix back, and only them');
      assert.strictEqual(document.isDirty, true);
    });

    test('without the setting, saving leaves the problems for the user to fix', async () => {
      await setOnSave(undefined);
      assert.strictEqual(onSave()?.['source.fixAll.rekordboxMidi'], undefined);
      const { uri, document } = await openBroken('no-fix-on-save.midi.csv');
      await save(document);
      assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), BROKEN);
    });
  });
});
