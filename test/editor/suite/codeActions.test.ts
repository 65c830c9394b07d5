/// <reference types="mocha" />
/**
 * Code actions in the real editor: the quick fix for a shifted row and fix-all, applied through
 * the VS Code API; each is one undoable edit and nothing is saved behind the user's back.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, errors, fixtureText, open, removeTemp, runningClient, waitForDiagnostics, writeTemp } from './helpers';

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
});
