/**
 * DUPLICATE for the next deck over stdio: `mappingRows` says where it applies and what the copy's code
 * would be, `rowAction` `duplicateForDeck` and the code action give the one edit, with the file's CRLF.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import type { MappingRowsResult, RowActionResult } from '../../protocol/messages';
import { startServer, TestClient } from '../helpers/lspClient';
import { ONE_ROW_PER_CHANNEL } from '../helpers/oneRowPerChannel';

const uri = 'file:///work/rows/one-row-per-channel.midi.csv';
const TEXT = ONE_ROW_PER_CHANNEL;

describe('DUPLICATE for the next deck over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
    const published = client.nextDiagnostics(uri);
    client.open(uri, TEXT, 7);
    await published;
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const action = (params: unknown) => client.connection.sendRequest<RowActionResult>('rekordboxMidi/rowAction', params);

  it('mappingRows: the copy’s deck, codes and title per row, or why not', async () => {
    const result = (await client.connection.sendRequest<MappingRowsResult>('rekordboxMidi/mappingRows', { textDocument: { uri } }))!;
    assert.deepEqual(
      result.rows.map(r => [r.line, r.duplicateForDeck?.title ?? null, r.duplicateForDeckReason ?? null]),
      [
        [1, 'Duplicate for deck 3 (920B)', null],
        [2, 'Duplicate for deck 3 (920B)', null],
        [3, null, '9120 is already FX2-1On’s, on line 5: a copy there would give one code two functions.'],
        [4, 'Duplicate for deck 3 (9220)', null],
        [5, null, '9F0C is on MIDI channel 16, the last: there is no channel after it.'],
        [6, null, null],
      ],
    );
    assert.deepEqual(result.rows[0].duplicateForDeck, { deck: 3, midiIn: '920B', midiOut: '920B', title: 'Duplicate for deck 3 (920B)' });
  });

  it('rowAction duplicateForDeck: the copy inserted after the row with CRLF, the code action’s very edit; reasons where it does not apply', async () => {
    const copy = await action({ textDocument: { uri }, version: 7, line: 1, action: 'duplicateForDeck' });
    const expected = [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'PlayPause,,Button,920B,,,,,920B,,,,,Fast;,\r\n' },
    ];
    assert.deepEqual(copy.edit!.changes![uri], expected);
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } },
      context: { diagnostics: [] },
    });
    const codeAction = actions.find(a => a.title === 'Duplicate for deck 3 (920B)');
    assert.ok(codeAction, actions.map(a => a.title).join(' | '));
    assert.deepEqual(codeAction.edit!.changes![uri], expected);

    const collision = await action({ textDocument: { uri }, version: 7, line: 3, action: 'duplicateForDeck' });
    assert.equal(collision.edit, null);
    assert.match(collision.message!, /9120 is already FX2-1On’s, on line 5/);
    for (const line of [5, 6]) assert.equal((await action({ textDocument: { uri }, version: 7, line, action: 'duplicateForDeck' })).edit, null);
    const stale = await action({ textDocument: { uri }, version: 6, line: 1, action: 'duplicateForDeck' });
    assert.equal(stale.edit, null);
    assert.match(stale.message!, /changed/);
  });
});
