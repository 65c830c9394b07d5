/// <reference types="mocha" />
/**
 * The mapping table in the real editor, on the factory DDJ-FLX10 mapping: the command opens one panel
 * per document beside the text; its tabs and counts; sorting and filtering, a click revealing the row,
 * DUPLICATE and DELETE as one undo step each, and following an edit. The page is driven through the
 * very handler its messages go through (validated by parseTableMessage), and what it shows is read
 * through the extension's own state (the state it posts to the page).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TableState } from '../../../client/src/table/mappingTable';
import { ONE_ROW_PER_CHANNEL } from '../../helpers/oneRowPerChannel';
import { closeAllEditors, open, REPO_ROOT, removeTemp, runningClient, waitFor, writeTemp } from './helpers';

const OPEN = 'rekordboxMidi.openMappingTable';
const STATE = 'rekordboxMidi.mappingTable.state';
const POST = 'rekordboxMidi.mappingTable.postFromPage';
const FLX10_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'corpus', 'factory-DDJ-FLX10.midi.csv'), 'utf8');

async function tableState(uri: vscode.Uri): Promise<TableState | undefined> {
  return vscode.commands.executeCommand<TableState | undefined>(STATE, uri.toString());
}
/** Posts a message as the table's page would. */
async function post(uri: vscode.Uri, message: unknown): Promise<TableState> {
  await vscode.commands.executeCommand(POST, uri.toString(), message);
  return (await tableState(uri))!;
}
/** The table once it shows the document's current text. */
function current(uri: vscode.Uri, document: vscode.TextDocument, what = 'the table to show the current text'): Promise<TableState> {
  return waitFor(what, async () => {
    const state = await tableState(uri);
    return state && state.version === document.version ? state : undefined;
  });
}
function tableTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview && t.label.endsWith('— Table'));
}

suite('mapping table', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  setup(async () => {
    const client = await runningClient();
    uri = writeTemp('table-flx10.midi.csv', FLX10_TEXT);
    document = await open(uri);
    await waitFor(
      'the server to know the mapping',
      async () => (await client.sendRequest('rekordboxMidi/documentInfo', { textDocument: { uri: uri.toString() } })) !== null,
    );
  });
  teardown(async () => {
    await closeAllEditors();
    removeTemp(uri);
  });

  test('the command opens one table per document beside the text, titled after the file; the editor title has its button', async () => {
    const manifest = vscode.extensions.getExtension('rekordbox-midi-tools.rekordbox-midi')!.packageJSON.contributes;
    const button = manifest.menus['editor/title'].find((m: { command: string }) => m.command === OPEN);
    assert.deepStrictEqual(
      [button?.when, manifest.commands.find((c: { command: string }) => c.command === OPEN)?.icon],
      ['editorLangId == rekordbox-midi', '$(table)'],
    );

    assert.strictEqual(await vscode.commands.executeCommand(OPEN), uri.toString());
    const state = await current(uri, document);
    // The extension host learns of new tabs a moment after the panel exists.
    await waitFor('the table’s tab', () => tableTabs().length > 0);
    assert.deepStrictEqual(tableTabs().map(t => t.label), ['tmp-table-flx10.midi.csv — Table']);
    const textColumn = vscode.window.visibleTextEditors.find(e => e.document === document)?.viewColumn;
    assert.notStrictEqual(tableTabs()[0].group.viewColumn, textColumn, 'the table is beside the text, not over it');
    assert.strictEqual(state.deviceName, 'DDJ-FLX10');

    // Again: the same panel comes to the front.
    await vscode.window.showTextDocument(document, { viewColumn: textColumn });
    assert.strictEqual(await vscode.commands.executeCommand(OPEN, uri), uri.toString());
    assert.strictEqual(tableTabs().length, 1);
  });

  test('tabs and counts on the FLX10: Rekordbox’s tabs and All, DECK first; a tab lists only its rows', async () => {
    await vscode.commands.executeCommand(OPEN, uri);
    const state = await current(uri, document);
    const count = (id: string) => state.tabs.find(t => t.id === id)!.count;
    assert.deepStrictEqual(state.tabs.map(t => t.id), ['DECK', 'PAD', 'FX', 'SAMPLER', 'MIXER', 'BROWSE', 'OTHER', 'VIDEO', 'LIGHTING', 'MIXPOINTLINK', 'ALL']);
    const info = await (await runningClient()).sendRequest<{ mappingRows: number }>('rekordboxMidi/documentInfo', { textDocument: { uri: uri.toString() } });
    assert.strictEqual(count('ALL'), info.mappingRows);
    assert.strictEqual(state.total, info.mappingRows);
    assert.strictEqual(state.tabs.filter(t => t.id !== 'ALL').reduce((sum, t) => sum + t.count, 0), count('ALL'));
    // The FLX10's PAD modes: 8 modes × 16 pads × (plain, +Shift) at least.
    assert.ok(count('PAD') >= 256, `PAD ${count('PAD')}`);
    assert.strictEqual(count('MIXPOINTLINK'), 6);
    assert.strictEqual(state.tab, 'DECK');
    assert.strictEqual(state.rows.length, count('DECK'));
    const play = state.rows.find(r => r.line === 15)!;
    assert.deepStrictEqual(
      [play.functionName, play.deck, play.midiIn.main, play.midiIn.decks, play.midiOut.decks],
      ['PlayPause', '1–4', '900B', '900B 910B 920B 930B', '900B 910B 920B 930B'],
    );

    const mixer = await post(uri, { type: 'selectTab', tab: 'MIXER' });
    assert.strictEqual(mixer.tab, 'MIXER');
    assert.strictEqual(mixer.rows.length, count('MIXER'));
    assert.ok(mixer.rows.some(r => r.functionName === 'EQHigh'));
    assert.ok(mixer.rows.every(r => r.tab === 'MIXER'));
  });

  test('sorting by a header, again to reverse; the filter; messages the page does not send change nothing', async () => {
    await vscode.commands.executeCommand(OPEN, uri);
    await current(uri, document);
    await post(uri, { type: 'selectTab', tab: 'MIXER' });
    const values = (s: TableState) => s.rows.map(r => parseInt(r.midiIn.main, 16)).filter(v => !Number.isNaN(v));
    const up = await post(uri, { type: 'sort', column: 'midiIn' });
    assert.deepStrictEqual(up.sort, { column: 'midiIn', direction: 'ascending' });
    assert.deepStrictEqual(values(up), [...values(up)].sort((a, b) => a - b));
    const down = await post(uri, { type: 'sort', column: 'midiIn' });
    assert.deepStrictEqual(down.sort, { column: 'midiIn', direction: 'descending' });
    assert.deepStrictEqual(values(down), [...values(down)].sort((a, b) => b - a));
    assert.strictEqual(down.rows.length, up.rows.length);

    const filtered = await post(uri, { type: 'filter', text: 'eq' });
    assert.ok(filtered.rows.length >= 3 && filtered.rows.length < down.rows.length, `${filtered.rows.length} rows`);
    assert.ok(filtered.rows.every(r => /eq/i.test([r.functionName, r.control, r.comment, r.type].join(' '))));
    const byCode = await post(uri, { type: 'filter', text: '920B' });
    assert.deepStrictEqual(byCode.rows.map(r => r.functionName), [], 'PlayPause is not in MIXER');
    const all = await post(uri, { type: 'selectTab', tab: 'ALL' });
    assert.ok(
      all.rows.some(r => r.functionName === 'PlayPause') && all.rows.every(r => `${r.midiIn.decks} ${r.midiOut.decks} ${r.midiIn.main}`.includes('920B')),
    );

    for (const junk of [
      { type: 'selectTab', tab: 'TOOLS' },
      { type: 'sort', column: 'option' },
      { type: 'filter', text: 'x'.repeat(500) },
      { type: 'delete', line: -1 },
      'delete',
      null,
    ]) {
      assert.deepStrictEqual(await post(uri, junk), all);
    }
    assert.strictEqual(document.getText(), FLX10_TEXT);
  });

  test('a click on a row reveals it: the text editor has the focus and the cursor on that line', async () => {
    await vscode.commands.executeCommand(OPEN, uri);
    const state = await current(uri, document);
    const cue = state.rows.find(r => r.functionName === 'Cue')!;
    assert.notStrictEqual(vscode.window.activeTextEditor?.selection.active.line, cue.line);
    await post(uri, { type: 'reveal', line: cue.line });
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document, document, 'the text editor is focused');
    assert.strictEqual(editor.selection.active.line, cue.line);
    assert.ok(document.lineAt(cue.line).text.startsWith('Cue,Cue,'));
    assert.strictEqual(tableTabs().length, 1, 'the table stays open beside the text');
    assert.ok(await tableState(uri));
  });

  test('DUPLICATE writes deck channels 0,1,2,3 as one undo step (undone from the table), unsaved', async () => {
    await vscode.commands.executeCommand(OPEN, uri);
    const state = await current(uri, document);
    const all = await post(uri, { type: 'selectTab', tab: 'ALL' });
    const row = all.rows.find(r => r.canDuplicate);
    assert.ok(row, `no row DUPLICATE applies to among ${state.total}`);
    const before = document.lineAt(row.line).text;
    const after = await post(uri, { type: 'duplicate', line: row.line });
    assert.match(after.message, /^Duplicated line \d+ .* for decks 1–4/);
    const fields = document.lineAt(row.line).text.split(',');
    assert.deepStrictEqual(fields.slice(4, 8), ['0', '1', '2', '3']);
    assert.strictEqual(document.lineCount, FLX10_TEXT.split('\n').length);
    assert.strictEqual(document.isDirty, true, 'nothing is saved behind the user');
    const updated = await current(uri, document, 'the table to follow the duplicate');
    assert.strictEqual(updated.rows.find(r => r.line === row.line)!.deck, '1–4');

    await post(uri, { type: 'undo' });
    assert.strictEqual(document.lineAt(row.line).text, before);
    assert.strictEqual(document.getText(), FLX10_TEXT, 'one undo restores the bytes');
  });

  test('DUPLICATE FOR DECK copies a one-row-per-channel row to the next free deck (CRLF kept) as one undo step; where not, the table says why', async () => {
    const diyText = ONE_ROW_PER_CHANNEL;
    const diy = writeTemp('table-one-row-per-channel.midi.csv', diyText);
    try {
      const diyDocument = await open(diy);
      await vscode.commands.executeCommand(OPEN, diy);
      await current(diy, diyDocument);
      const all = await post(diy, { type: 'selectTab', tab: 'ALL' });
      const byLine = (line: number) => all.rows.find(r => r.line === line)!;
      // Deck 2 (channel 1) is there already: the copy is for deck 3.
      assert.deepStrictEqual(byLine(1).duplicateForDeck, { deck: 3, midiIn: '920B', title: 'Duplicate for deck 3 (920B)' });
      assert.deepStrictEqual([byLine(5).duplicateForDeck, byLine(6).duplicateForDeck, byLine(6).duplicateForDeckReason], [null, null, '']);
      assert.match(byLine(5).duplicateForDeckReason, /channel 16/);

      const copied = await post(diy, { type: 'duplicateForDeck', line: 1 });
      assert.match(copied.message, /^Duplicated line 2 \(PlayPause\) for deck 3: line 3, MIDI IN 920B\. /);
      assert.strictEqual(
        diyDocument.getText(),
        diyText.replace('Fast;,\r\nPlayPause,,Button,910B', 'Fast;,\r\nPlayPause,,Button,920B,,,,,920B,,,,,Fast;,\r\nPlayPause,,Button,910B'),
      );
      assert.strictEqual(diyDocument.isDirty, true, 'nothing is saved behind the user');
      await current(diy, diyDocument, 'the table to follow the copy');
      await post(diy, { type: 'undo' });
      assert.strictEqual(diyDocument.getText(), diyText, 'one undo restores the bytes');
      await current(diy, diyDocument, 'the table to follow the undo');

      // The copy of FX1-1On would take FX2-1On's 9120: nothing changes, and the message says why.
      const refused = await post(diy, { type: 'duplicateForDeck', line: 3 });
      assert.match(refused.message, /9120 is already FX2-1On’s, on line 5.*Nothing changed\./);
      assert.strictEqual(diyDocument.getText(), diyText);
      assert.strictEqual(diyDocument.isDirty, false);
    } finally {
      await closeAllEditors();
      removeTemp(diy);
    }
  });

  test('DELETE removes the row’s line as one undo step; the table follows', async () => {
    await vscode.commands.executeCommand(OPEN, uri);
    await current(uri, document);
    const play = (await post(uri, { type: 'filter', text: 'PlayPause' })).rows.find(r => r.line === 15)!;
    const rowsBefore = (await tableState(uri))!.rows.length;
    const state = await post(uri, { type: 'delete', line: play.line });
    assert.match(state.message, /^Deleted line 16 \(PlayPause\)\. (Ctrl|⌘)\+?Z brings it back\.$/);
    assert.strictEqual(document.getText(), FLX10_TEXT.replace(/^PlayPause,PlayPause,Button,900B,[^\n]*\n/m, ''));
    const followed = await current(uri, document, 'the table to follow the delete');
    assert.strictEqual(followed.rows.length, rowsBefore - 1);

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), FLX10_TEXT, 'one undo restores the bytes');
    assert.strictEqual((await current(uri, document, 'the table to follow the undo')).rows.length, rowsBefore);
  });

  test('follows a typed edit: the new row in its tab, a conflict marked on both rows', async () => {
    await vscode.commands.executeCommand(OPEN, uri);
    await current(uri, document);
    await post(uri, { type: 'selectTab', tab: 'ALL' });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(16, 0), 'Sync,Sync,Button,900B,,,,,,,,,,,\r\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const state = await current(uri, document, 'the table to show the typed row');
    const sync = state.rows.find(r => r.line === 16)!;
    assert.deepStrictEqual([sync.functionName, sync.tab, sync.severity], ['Sync', 'DECK', 'error']);
    assert.ok(sync.problems.some(p => p.code === 'duplicate-code' && /PlayPause/.test(p.message)), JSON.stringify(sync.problems));
    assert.strictEqual(state.rows.find(r => r.line === 15)!.severity, 'error');
  });

  test('closing the text’s tab closes its table', async () => {
    await vscode.commands.executeCommand(OPEN, uri);
    await current(uri, document);
    const textTab = vscode.window.tabGroups.all
      .flatMap(g => g.tabs)
      .find(t => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString())!;
    await vscode.window.tabGroups.close(textTab);
    await waitFor('the table to close', async () => (await tableState(uri)) === undefined && tableTabs().length === 0);
  });
});
