/// <reference types="mocha" />
/**
 * The "Get started with Rekordbox MIDI mappings" walkthrough in the real editor:
 * every step's page, picture and button exists, and the helper commands its
 * buttons run open a copy of the bundled example with the cursor on a code.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, extension, hoverAt, hoverText, LANGUAGE_ID, runningClient, waitFor, waitForDiagnostics, codeOf } from './helpers';

const OPEN_EXAMPLE = 'rekordboxMidi.walkthrough.openExample';
const OPEN_MISTAKES = 'rekordboxMidi.walkthrough.openExampleWithMistakes';

interface OpenedExample {
  uri: string;
  line: number;
  character: number;
}

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

function walkthrough(): { id: string; title: string; steps: WalkthroughStep[] } {
  const walkthroughs = extension().packageJSON.contributes.walkthroughs;
  assert.equal(walkthroughs?.length, 1, 'one walkthrough contributed');
  return walkthroughs[0];
}

/** The code cell under the active editor's cursor (4 characters from it). */
function codeAtCursor(): string {
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'no active editor');
  const start = editor.selection.active;
  return editor.document.getText(new vscode.Range(start, start.translate(0, 4)));
}

suite('Walkthrough: Get started with Rekordbox MIDI mappings', () => {
  suiteSetup(async () => {
    await runningClient();
  });
  teardown(() => closeAllEditors());

  test('five steps, each with an existing page whose pictures exist, and buttons that name registered commands', async () => {
    const { title, steps } = walkthrough();
    assert.equal(title, 'Get started with Rekordbox MIDI mappings');
    assert.deepEqual(steps.map(s => s.id), ['openMapping', 'readHover', 'fixProblem', 'learnControl', 'installIntoRekordbox']);
    const root = extension().extensionUri.fsPath;
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of steps) {
      assert.ok(step.media.markdown, `${step.id} has no markdown page`);
      const page = path.join(root, step.media.markdown);
      const text = fs.readFileSync(page, 'utf8');
      for (const [, picture] of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        assert.ok(fs.existsSync(path.join(path.dirname(page), picture)), `${step.media.markdown} shows ${picture}, which does not exist`);
      }
      const buttons = [...step.description.matchAll(/\]\(command:([\w.]+)/g)].map(m => m[1]);
      assert.ok(buttons.length > 0, `${step.id} has no button`);
      for (const command of [
        ...buttons,
        ...(step.completionEvents ?? []).filter(e => e.startsWith('onCommand:rekordboxMidi.')).map(e => e.slice('onCommand:'.length)),
      ]) {
        assert.ok(registered.has(command), `${step.id} names ${command}, which is not a registered command`);
      }
    }
  });

  test('Open Example opens a copy of the factory example (not the bundled file) with the cursor on 900B, whose hover decodes it per deck', async () => {
    const opened = await vscode.commands.executeCommand<OpenedExample>(OPEN_EXAMPLE);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === opened.uri, `the active editor is ${editor?.document.uri.toString()}, not ${opened.uri}`);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const bundled = path.join(extension().extensionUri.fsPath, 'examples', 'DDJ-FLX10.midi.csv');
    assert.notEqual(editor.document.uri.fsPath, bundled, 'the bundled example itself was opened');
    assert.equal(editor.document.getText(), fs.readFileSync(bundled, 'utf8'));
    assert.ok(editor.document.lineAt(opened.line).text.startsWith('PlayPause,PlayPause,'), editor.document.lineAt(opened.line).text);
    assert.equal(codeAtCursor(), '900B');
    const hover = await waitFor('the hover on 900B', async () => {
      const text = hoverText(await hoverAt(editor.document.uri, editor.selection.active));
      return /910B/.test(text) ? text : undefined;
    });
    assert.match(hover, /930B/);
  });

  test('Open Example with Mistakes puts the cursor on 90O8, where the bad-hex error is', async () => {
    const opened = await vscode.commands.executeCommand<OpenedExample>(OPEN_MISTAKES);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === opened.uri, `the active editor is ${editor?.document.uri.toString()}`);
    assert.equal(codeAtCursor(), '90O8');
    const diagnostics = await waitForDiagnostics(editor.document.uri, 'bad-hex', all => all.some(d => codeOf(d) === 'bad-hex'));
    const badHex = diagnostics.find(d => codeOf(d) === 'bad-hex');
    assert.ok(
      badHex?.range.contains(editor.selection.active),
      `bad-hex at ${JSON.stringify(badHex?.range)}, cursor at ${JSON.stringify(editor.selection.active)}`,
    );
  });

  test('the copy is made fresh from the bundled example, but unsaved edits in an open copy are kept', async () => {
    const first = await vscode.commands.executeCommand<OpenedExample>(OPEN_MISTAKES);
    const bundled = fs.readFileSync(path.join(extension().extensionUri.fsPath, 'examples', 'with-mistakes.midi.csv'), 'utf8');
    const copy = vscode.Uri.parse(first.uri);
    // Saved changes to the copy (closed) are replaced by the example.
    await closeAllEditors();
    fs.writeFileSync(copy.fsPath, '@file,1,SOMETHING ELSE\n');
    await vscode.commands.executeCommand(OPEN_MISTAKES);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), bundled);
    // Unsaved edits are the user's work: shown again, not overwritten.
    const editor = vscode.window.activeTextEditor!;
    await editor.edit(b => b.insert(new vscode.Position(0, 0), 'typed,'));
    await vscode.commands.executeCommand(OPEN_MISTAKES);
    assert.equal(vscode.window.activeTextEditor?.document.getText(), 'typed,' + bundled);
    assert.equal(fs.readFileSync(copy.fsPath, 'utf8'), bundled);
  });
});
