/// <reference types="mocha" />
/**
 * Bad input: a 10,000-row mapping, a binary file named x.midi.csv, a mapping deleted
 * while open. The extension must stay responsive (a hover still answers), the server must not stop,
 * and nothing may go unhandled.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient, StateChangeEvent } from 'vscode-languageclient/node';
import {
  closeAllEditors,
  errors,
  extensionHostLog,
  extensionProcessErrors,
  fixtureText,
  fixtureUri,
  hoverAt,
  hoverText,
  LANGUAGE_ID,
  logsExpected,
  open,
  outputChannelLog,
  runningClient,
  sleep,
  TMP_PREFIX,
  waitFor,
  waitForDiagnostics,
  workspaceDir,
} from './helpers';

const BAD_DIR = () => path.join(workspaceDir(), `${TMP_PREFIX}bad-input`);
const FUNCTIONS = ['PlayPause', 'Cue', 'Sync', 'HotCue1', 'Loop4Beat', 'TempoSlider', 'Jog', 'Shift'];
const TYPES = ['Button', 'Button', 'Button', 'Button', 'Button', 'KnobSlider', 'JogRotate', 'Button'];
const ROWS = 10000;

/** An EXPORT-style mapping of `ROWS` rows (CRLF); its last row has 16 fields, so a finished check has an error on it. */
function bigMapping(): string {
  const lines = ['@file,1,Big Test Controller'];
  for (let i = 0; i < ROWS - 1; i++) {
    const status = (i & 1 ? 0xb0 : 0x90) | ((i >> 7) & 0x0f);
    const code = ((status << 8) | (i & 0x7f)).toString(16).toUpperCase().padStart(4, '0');
    const f = i % FUNCTIONS.length;
    lines.push(`${FUNCTIONS[f]},,${TYPES[f]},${code},,,,,,,,,,Fast;,row ${i + 1}`);
  }
  lines.push('PlayPause,,Button,9000,,,,,,,,,,,Fast;,one field too many');
  return lines.join('\r\n') + '\r\n';
}

/** Bytes no text editor should take for a mapping: NULs, control bytes and invalid UTF-8. */
function binaryBytes(): Uint8Array {
  const bytes = new Uint8Array(64 * 1024);
  let x = 0x12345678;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00], 0); // a PNG header, then NULs
  return bytes;
}

function badFile(name: string, content: string | Uint8Array): vscode.Uri {
  fs.mkdirSync(BAD_DIR(), { recursive: true });
  const file = path.join(BAD_DIR(), name);
  fs.writeFileSync(file, content, { mode: 0o644 });
  return vscode.Uri.file(file);
}

suite('bad input', function () {
  this.timeout(90000);
  let client: LanguageClient;
  const stateChanges: StateChangeEvent[] = [];
  let stateListener: vscode.Disposable | undefined;
  const factory = fixtureUri('factory-DDJ-SX.midi.csv');

  /** The extension still answers: a hover on a known cell of the factory file. */
  async function assertResponsive(): Promise<void> {
    const started = Date.now();
    const text = hoverText(await hoverAt(factory, new vscode.Position(0, 2)));
    assert.match(text, /@file/, 'hover on the factory file still answers');
    assert.ok(Date.now() - started < 5000, `hover took ${Date.now() - started} ms`);
    assert.strictEqual(client.isRunning(), true, 'the language server still runs');
  }

  suiteSetup(async () => {
    fs.rmSync(BAD_DIR(), { recursive: true, force: true });
    client = await runningClient();
    stateListener = client.onDidChangeState(e => stateChanges.push(e));
    await open(factory);
  });

  suiteTeardown(async () => {
    stateListener?.dispose();
    await closeAllEditors();
    fs.rmSync(BAD_DIR(), { recursive: true, force: true });
  });

  test('a 10,000-row mapping is checked, hovers answer, and an edit is re-checked', async () => {
    const uri = badFile('big.midi.csv', bigMapping());
    let started = Date.now();
    const document = await open(uri);
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    assert.strictEqual(document.lineCount, ROWS + 2); // @file line, the rows, the empty line after the last CRLF
    await waitForDiagnostics(uri, 'the error on the last row', () => errors(uri, 'field-count').some(d => d.range.start.line === ROWS), 30000);
    const firstCheckMs = Date.now() - started;

    started = Date.now();
    const hover = hoverText(await hoverAt(uri, new vscode.Position(5000, 2)));
    const hoverMs = Date.now() - started;
    assert.ok(hover.length > 0, 'hover in the middle of the big file answers');

    // Fix the last row by typing: the error goes.
    const last = document.lineAt(ROWS);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(ROWS, last.text.indexOf(',,'), ROWS, last.text.indexOf(',,') + 1));
    started = Date.now();
    assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(uri, 'the last row fixed', () => !errors(uri, 'field-count').some(d => d.range.start.line === ROWS), 30000);
    const recheckMs = Date.now() - started;
    console.log(`      10,000 rows: first check ${firstCheckMs} ms, hover ${hoverMs} ms, re-check after an edit ${recheckMs} ms`);
    assert.ok(recheckMs < 15000, `re-check took ${recheckMs} ms`);
    await assertResponsive();
  });

  test('a binary file named x.midi.csv does not break the extension', async () => {
    const uri = badFile('x.midi.csv', binaryBytes());
    let document: vscode.TextDocument | undefined;
    try {
      document = await vscode.workspace.openTextDocument(uri);
      console.log(`      binary file: opened as text, ${document.lineCount} lines, language ${document.languageId}`);
    } catch (e) {
      console.log(`      binary file: VS Code refused it (${String(e).split('\n')[0]})`);
      // VS Code may refuse binary content; that is fine as long as the extension is unharmed.
      assert.match(String(e), /binary|cannot|unable/i, `unexpected error opening the binary file: ${String(e)}`);
    }
    if (document) {
      assert.strictEqual(document.languageId, LANGUAGE_ID);
      await vscode.window.showTextDocument(document, { preview: false });
      // The server checks it (or declines to); either way hovers on it and elsewhere answer.
      await hoverAt(uri, new vscode.Position(0, 0));
      await hoverAt(uri, new vscode.Position(Math.max(0, document.lineCount - 1), 0));
      const completion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 0));
      assert.ok(completion, 'completion answers on the binary file');
    }
    // The UI's way in, too (VS Code shows its "binary file" placeholder or the text).
    await vscode.commands.executeCommand('vscode.open', uri);
    await sleep(1000);
    await assertResponsive();
  });

  test('binary garbage VS Code does take for text (no NUL bytes) is checked without harm', async () => {
    const bytes = binaryBytes().map(b => (b === 0 ? 0x2c : b)); // NULs become commas: lots of fields
    const uri = badFile('garbage.midi.csv', bytes);
    const document = await open(uri);
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    // Something is reported (no @file line, field counts, bad codes...) and the server keeps answering.
    await waitForDiagnostics(uri, 'some diagnostics', all => all.length > 0, 20000);
    await hoverAt(uri, new vscode.Position(Math.floor(document.lineCount / 2), 3));
    const completion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(1, 0));
    assert.ok(completion, 'completion answers on the garbage file');
    console.log(`      garbage file: ${document.lineCount} lines, ${vscode.languages.getDiagnostics(uri).length} diagnostics`);
    await assertResponsive();
  });

  test('a mapping deleted while open: the editor keeps it, hovers answer, edits are checked', async () => {
    const uri = badFile('deleted.midi.csv', fixtureText('handmade-DDJ-SX-16-fields.midi.csv'));
    const document = await open(uri);
    await waitForDiagnostics(uri, '8 field-count errors', () => errors(uri, 'field-count').length === 8);

    fs.rmSync(uri.fsPath); // deleted behind the editor's back, as another program would
    await waitFor('VS Code to notice the deletion', async () => {
      try {
        await vscode.workspace.fs.stat(uri);
        return false;
      } catch {
        return true;
      }
    });
    await sleep(1500); // the file watcher's event reaches the editor

    // The document is still open and the server still knows it.
    const text = hoverText(await hoverAt(uri, new vscode.Position(7, 1)));
    assert.ok(text.length > 0, 'hover on the deleted document answers');
    const line = document.lineAt(7).text;
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(7, line.indexOf(',,,,'), 7, line.indexOf(',,,,') + 1));
    assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(uri, '7 field-count errors after the edit', () => errors(uri, 'field-count').length === 7);

    // Closing it (VS Code asks nothing: the edit is reverted softly) leaves the extension working.
    await closeAllEditors();
    await open(factory);
    await assertResponsive();
  });

  test('nothing went unhandled and the server never stopped', async () => {
    await assertResponsive();
    assert.deepStrictEqual(stateChanges.map(e => `${e.oldState}->${e.newState}`), [], 'client state changes during the bad-input cases');
    assert.deepStrictEqual(extensionProcessErrors(), [], 'unhandled errors from the extension in the extension host');
    // The logs a user would send with a bug report. Where this lane's runner says where they are, a
    // missing log fails: a check that silently did not run proves nothing.
    const log = outputChannelLog();
    const hostLog = extensionHostLog();
    if (logsExpected()) {
      assert.ok(log !== undefined, 'the "Rekordbox MIDI" output channel log was not found');
      assert.ok(hostLog !== undefined, 'the extension host log was not found');
    }
    const failures = (log ?? '').split(/\r?\n/).filter(l => /\bfailed:|Unhandled|uncaught|crash|^\[Error\b/i.test(l));
    assert.deepStrictEqual(failures, [], 'failures logged by the language server');
    // Errors VS Code caught from this extension (a throwing listener or command) are logged with its id or its bundle's path.
    // An entry starts with its timestamp; a stack trace runs on over the lines after it.
    const entries = (hostLog ?? '').split(/\r?\n(?=\d{4}-\d\d-\d\d[ T])/);
    const hostErrors = entries.filter(e => /^\S+ \S+ \[error\]/i.test(e) && /rekordbox/i.test(e)).map(e => e.slice(0, 400));
    assert.deepStrictEqual(hostErrors, [], 'errors from the extension in the extension host log');
  });
});
