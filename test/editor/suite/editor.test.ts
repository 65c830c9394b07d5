/// <reference types="mocha" />
/**
 * The extension in a real VS Code: language id, activation, diagnostics (on type and on save),
 * hover and completion, all through the VS Code API on test/fixtures/workspace.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../../protocol/serverProcess';
import {
  closeAllEditors,
  codeOf,
  errors,
  extension,
  fixtureText,
  fixtureUri,
  hoverAt,
  hoverText,
  LANGUAGE_ID,
  open,
  removeTemp,
  runningClient,
  serverPids,
  sleep,
  waitForDiagnostics,
  writeTemp,
} from './helpers';

const SIXTEEN = 'handmade-DDJ-SX-16-fields.midi.csv';
const FACTORY = 'factory-DDJ-SX.midi.csv';
/** 0-based lines of the 8 shifted pad rows of the 16-field file. */
const SHIFTED_LINES = [7, 8, 9, 10, 11, 12, 13, 14];

const fieldCountLines = (uri: vscode.Uri): number[] => errors(uri, 'field-count').map(d => d.range.start.line).sort((a, b) => a - b);

suite('language id', () => {
  suiteTeardown(closeAllEditors);

  test('*.midi.csv files get the rekordbox-midi language', async () => {
    for (const name of [SIXTEEN, FACTORY, 'export-PartySaver.midi.csv']) {
      const document = await vscode.workspace.openTextDocument(fixtureUri(name));
      assert.strictEqual(document.languageId, LANGUAGE_ID, name);
    }
  });

  test('a file named otherwise whose first line starts with "@file," gets it too (mapping.csv)', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('mapping.csv'));
    assert.strictEqual(document.lineAt(0).text.startsWith('@file,'), true);
    assert.strictEqual(document.languageId, LANGUAGE_ID);
  });

  test('a .txt file keeps plaintext even with the "@file," line (VS Code: a file extension wins over firstLine)', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('mapping.txt'));
    assert.strictEqual(document.lineAt(0).text.startsWith('@file,'), true);
    assert.strictEqual(document.languageId, 'plaintext');
  });

  test('a CSV file without the "@file," line does not (notes.csv)', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('notes.csv'));
    assert.notStrictEqual(document.languageId, LANGUAGE_ID);
  });

  test('the language is registered with VS Code', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes(LANGUAGE_ID));
  });
});

suite('activation and language server', () => {
  test('opening a mapping activates the extension and starts its server', async () => {
    await open(fixtureUri(FACTORY));
    const client = await runningClient();
    assert.strictEqual(extension().isActive, true);
    assert.strictEqual(client.initializeResult?.serverInfo?.name, 'rekordbox-midi-language-server');
    const capabilities = client.initializeResult?.capabilities;
    assert.ok(capabilities?.hoverProvider, 'the server offers hover');
    assert.ok(capabilities?.completionProvider, 'the server offers completion');
    if (process.platform === 'linux') assert.strictEqual(serverPids().length, 1, 'one language server process for this window');
  });

  test('the server runs with the memory settings the benchmark measured (server/src/serverProcess.ts)', async function () {
    if (process.platform !== 'linux') this.skip(); // read from /proc
    await open(fixtureUri(FACTORY));
    await runningClient();
    const [pid] = serverPids();
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const script = commandLine.findIndex(a => a.endsWith(path.join('dist', 'server.js')));
    for (const flag of SERVER_EXEC_ARGV) {
      assert.ok(commandLine.slice(0, script).includes(flag), `${flag} is not among the node options: ${commandLine.join(' ')}`);
    }
    const environment = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(SERVER_ENV)) {
      assert.ok(environment.includes(`${name}=${value}`), `${name}=${value} is not in the server's environment`);
    }
  });

  test('the extension contributes its restart command', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('rekordboxMidi.restartServer'));
  });
});

suite('diagnostics', () => {
  suiteSetup(runningClient);
  suiteTeardown(closeAllEditors);

  test('the 16-field mapping has exactly 8 field-count errors, on its shifted pad rows (lines 8-15)', async () => {
    const uri = fixtureUri(SIXTEEN);
    await open(uri);
    await waitForDiagnostics(uri, '8 field-count errors', () => errors(uri, 'field-count').length === 8);
    await sleep(500); // nothing more arrives
    assert.deepStrictEqual(fieldCountLines(uri), SHIFTED_LINES);
    assert.strictEqual(errors(uri).length, 8, `errors: ${errors(uri).map(d => `${d.range.start.line}:${codeOf(d)}`).join(', ')}`);
    for (const d of errors(uri)) {
      assert.strictEqual(d.source, 'rekordbox-midi');
      assert.match(d.message, /16 fields/);
    }
  });

  test('a factory mapping has no errors', async () => {
    const uri = fixtureUri(FACTORY);
    await open(uri);
    const client = await runningClient();
    // A request answered after the open proves the server has seen (and checked) the document.
    await hoverAt(uri, new vscode.Position(0, 1));
    await sleep(500);
    assert.strictEqual(client.isRunning(), true);
    assert.deepStrictEqual(errors(uri).map(d => `${d.range.start.line + 1}: ${d.message}`), []);
  });

  test('an untitled document starting with "@file," is checked too', async () => {
    const document = await vscode.workspace.openTextDocument({
      content: '@file,1,Untitled Test\r\nPlayPause,,Button,900B,0,1,,,,,,,,Fast;,\r\nCue,,Button,900C,0,1,,,,,,,,Fast;,,extra\r\n',
    });
    assert.strictEqual(document.languageId, LANGUAGE_ID);
    await vscode.window.showTextDocument(document);
    const uri = document.uri;
    await waitForDiagnostics(uri, 'a field-count error on line 3', () => fieldCountLines(uri).join() === '2');
    assert.deepStrictEqual(fieldCountLines(uri), [2]);
  });

  test('a Rekordbox EXPORT file and a mapping named mapping.csv have no errors', async () => {
    for (const name of ['export-PartySaver.midi.csv', 'mapping.csv']) {
      const uri = fixtureUri(name);
      await open(uri);
      await hoverAt(uri, new vscode.Position(0, 1));
      await sleep(300);
      assert.deepStrictEqual(errors(uri).map(d => `${d.range.start.line + 1}: ${d.message}`), [], name);
    }
  });
});

/** Removes the extra empty field of the 16-field row at `line` (`7,8,,,,9000` becomes `7,8,,,9000`). */
async function fixShiftedRow(document: vscode.TextDocument, line: number): Promise<void> {
  const text = document.lineAt(line).text;
  const at = text.indexOf(',,,,');
  assert.ok(at > 0, `line ${line + 1} has no ',,,,': ${text}`);
  const edit = new vscode.WorkspaceEdit();
  edit.delete(document.uri, new vscode.Range(line, at, line, at + 1));
  assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
}

/** Adds an empty field back into the row at `line`: it is shifted again. */
async function breakRow(document: vscode.TextDocument, line: number): Promise<void> {
  const text = document.lineAt(line).text;
  const at = text.indexOf(',,,');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, at), ',');
  assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
}

/**
 * Sets rekordboxMidi.validate.run in the user settings and waits until the server has taken it: the
 * server re-checks every open document on a configuration change, so `uri` (open) gets diagnostics
 * published again. Without this barrier an edit can reach the server before the change does.
 */
async function setValidateRun(value: 'onType' | 'onSave' | undefined, uri: vscode.Uri): Promise<void> {
  let listener: vscode.Disposable | undefined;
  const republished = new Promise<boolean>(resolve => {
    listener = vscode.languages.onDidChangeDiagnostics(e => {
      if (e.uris.some(u => u.toString() === uri.toString())) resolve(true);
    });
    setTimeout(() => resolve(false), 5000);
  });
  try {
    await vscode.workspace.getConfiguration('rekordboxMidi', uri).update('validate.run', value, vscode.ConfigurationTarget.Global);
    assert.strictEqual(vscode.workspace.getConfiguration('rekordboxMidi', uri).get('validate.run'), value ?? 'onType');
    assert.strictEqual(await republished, true, 'the server re-checked the open mapping after the configuration change');
  } finally {
    listener?.dispose();
  }
}

suite('validate.run', () => {
  let temp: vscode.Uri | undefined;
  let autoSave: string | undefined;

  suiteSetup(async () => {
    await runningClient();
    // Auto save would save, and so check, behind the test's back (VS Code for the Web saves after 1 s by default).
    const files = vscode.workspace.getConfiguration('files', null);
    autoSave = files.inspect<string>('autoSave')?.globalValue;
    if (files.get('autoSave') !== 'off') await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    const files = vscode.workspace.getConfiguration('files', null);
    if (files.inspect<string>('autoSave')?.globalValue !== autoSave) await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
  });
  teardown(async () => {
    await closeAllEditors(); // unsaved edits are reverted
    await vscode.workspace.getConfiguration('rekordboxMidi', null).update('validate.run', undefined, vscode.ConfigurationTarget.Global);
    if (temp) removeTemp(temp);
    temp = undefined;
  });

  test('onType (the default): an edit updates the diagnostics without saving', async () => {
    temp = writeTemp('ontype.midi.csv', fixtureText(SIXTEEN));
    const uri = temp;
    assert.strictEqual(vscode.workspace.getConfiguration('rekordboxMidi', uri).get('validate.run'), 'onType');
    const document = await open(uri);
    await waitForDiagnostics(uri, '8 field-count errors', () => errors(uri, 'field-count').length === 8);

    await fixShiftedRow(document, 7);
    await waitForDiagnostics(uri, 'line 8 fixed', () => fieldCountLines(uri).join() === SHIFTED_LINES.slice(1).join());
    assert.strictEqual(document.isDirty, true, 'not saved');

    await breakRow(document, 7);
    await waitForDiagnostics(uri, 'line 8 broken again', () => fieldCountLines(uri).join() === SHIFTED_LINES.join());
  });

  test('onSave: typing does not update the diagnostics, saving does', async () => {
    temp = writeTemp('onsave.midi.csv', fixtureText(SIXTEEN));
    const uri = temp;
    const document = await open(uri);
    await waitForDiagnostics(uri, '8 field-count errors on open', () => errors(uri, 'field-count').length === 8);
    await setValidateRun('onSave', uri);

    await fixShiftedRow(document, 7);
    await fixShiftedRow(document, 8);
    // The server has received the edits once it answers a later request; then give a check time to arrive.
    await hoverAt(uri, new vscode.Position(7, 1));
    await sleep(1500);
    assert.deepStrictEqual(fieldCountLines(uri), SHIFTED_LINES, 'typing must not re-check with onSave');

    assert.strictEqual(await document.save(), true, 'saved');
    await waitForDiagnostics(uri, 'lines 8 and 9 fixed after saving', () => fieldCountLines(uri).join() === SHIFTED_LINES.slice(2).join());
  });

  test('a mapping opened while onSave is set is checked on open', async () => {
    const other = fixtureUri(SIXTEEN);
    await open(other);
    await waitForDiagnostics(other, '8 field-count errors', () => errors(other, 'field-count').length === 8);
    await setValidateRun('onSave', other);
    temp = writeTemp('opened-onsave.midi.csv', fixtureText(SIXTEEN));
    const uri = temp;
    await open(uri);
    await waitForDiagnostics(uri, '8 field-count errors on open', () => errors(uri, 'field-count').length === 8);
  });

  test('switching back to onType re-checks on the next edit', async () => {
    temp = writeTemp('back.midi.csv', fixtureText(SIXTEEN));
    const uri = temp;
    const document = await open(uri);
    await waitForDiagnostics(uri, '8 field-count errors', () => errors(uri, 'field-count').length === 8);
    await setValidateRun('onSave', uri);
    await setValidateRun('onType', uri);
    await fixShiftedRow(document, 14);
    await waitForDiagnostics(uri, 'line 15 fixed', () => fieldCountLines(uri).join() === SHIFTED_LINES.slice(0, 7).join());
  });
});

suite('hover and completion', () => {
  suiteSetup(runningClient);
  suiteTeardown(closeAllEditors);

  /** 0-based line and character of the MIDI IN cell `900B` of the PlayPause row. */
  function playPauseCell(document: vscode.TextDocument): vscode.Position {
    for (let line = 0; line < document.lineCount; line++) {
      const text = document.lineAt(line).text;
      if (text.startsWith('PlayPause,PlayPause,Button,900B,')) return new vscode.Position(line, text.indexOf('900B') + 2);
    }
    assert.fail('no PlayPause row with 900B');
  }

  test('hover on the code cell 900B shows the per-deck table (910B for deck 2)', async () => {
    const uri = fixtureUri(FACTORY);
    const document = await open(uri);
    const text = hoverText(await hoverAt(uri, playPauseCell(document)));
    assert.match(text, /900B/);
    assert.match(text, /\| Deck \|/, `no deck table in:\n${text}`);
    assert.match(text, /\|\s*2\s*\|\s*`910B`\s*\|/, `deck 2 is not 910B in:\n${text}`);
    assert.match(text, /\|\s*1\s*\|\s*`900B`\s*\|/);
    assert.match(text, /\|\s*4\s*\|\s*`930B`\s*\|/);
  });

  test('hover on the @file line explains it', async () => {
    const uri = fixtureUri(FACTORY);
    await open(uri);
    assert.match(hoverText(await hoverAt(uri, new vscode.Position(0, 2))), /@file/);
  });

  test('completion in column 0 offers PlayPause', async () => {
    const uri = fixtureUri(FACTORY);
    const document = await open(uri);
    const position = new vscode.Position(playPauseCell(document).line, 0);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const labels = list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('PlayPause'), `PlayPause not among ${labels.length} items: ${labels.slice(0, 20).join(', ')}`);
  });
});
