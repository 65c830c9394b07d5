/** `rekordboxMidi/mappingRows` over stdio: what a MIDI monitor asks the server about an open mapping. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MappingRowsResult, RowActionResult } from '../../protocol/messages';
import { corpusFiles } from '../helpers/fixtures';
import { startServer, TestClient } from '../helpers/lspClient';

const FLX10 = 'factory-DDJ-FLX10.midi.csv';
const uri = `file:///work/rows/${FLX10}`;

describe('rekordboxMidi/mappingRows over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
    const published = client.nextDiagnostics(uri);
    client.open(uri, corpusFiles().find(f => f.file === FLX10)!.text, 4);
    await published;
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const rows = (params: unknown) => client.connection.sendRequest<MappingRowsResult | null>('rekordboxMidi/mappingRows', params);

  it('answers every mapping row of the open FLX10 with the document version and the per-deck codes', async () => {
    const result = (await rows({ textDocument: { uri } }))!;
    assert.equal(result.uri, uri);
    assert.equal(result.version, 4);
    assert.equal(result.deviceName, 'DDJ-FLX10');
    const play = result.rows.find(r => r.line === 15)!;
    assert.equal(play.functionName, 'PlayPause');
    assert.deepEqual(play.input.map(c => `${c.deck}:${c.code}`), ['1:900B', '2:910B', '3:920B', '4:930B']);
    assert.deepEqual(play.output.map(c => `${c.deck}:${c.code}`), ['1:900B', '2:910B', '3:920B', '4:930B']);
  });

  it('follows edits: the version and the codes are those of the current text', async () => {
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 5 },
      contentChanges: [{ range: { start: { line: 15, character: 27 }, end: { line: 15, character: 31 } }, text: '9010' }],
    });
    const result = (await rows({ textDocument: { uri } }))!;
    assert.equal(result.version, 5);
    assert.deepEqual(result.rows.find(r => r.line === 15)!.input.map(c => c.code), ['9010', '9110', '9210', '9310']);
  });

  it('gives each row its tab, description, written codes and DUPLICATE availability; with withProblems, the problems of this text', async () => {
    const plain = (await rows({ textDocument: { uri } }))!;
    const play = plain.rows.find(r => r.line === 15)!;
    assert.deepEqual([play.tab, play.disabled, play.midiIn, play.canDuplicate, play.problems], ['DECK', false, '9010', false, undefined]);
    assert.ok(plain.rows.some(r => r.tab === 'MIXER') && plain.rows.some(r => r.tab === 'MIXPOINTLINK'));
    // A second row on PlayPause's code: both rows carry the conflict.
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 6 },
      contentChanges: [{ range: { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } }, text: 'Sync,Sync,Button,9010,,,,,,,,,,,\r\n' }],
    });
    const checked = (await rows({ textDocument: { uri }, withProblems: true }))!;
    assert.equal(checked.version, 6);
    const added = checked.rows.find(r => r.line === 16)!;
    assert.equal(added.functionName, 'Sync');
    // DUPLICATE for decks 1–4 would spread the conflict to decks 2–4 (9110…9310 are PlayPause's too): not offered.
    assert.equal(added.canDuplicate, false);
    assert.ok(added.problems!.some(p => p.code === 'duplicate-code' && p.severity === 'error'), JSON.stringify(added.problems));
    assert.ok(checked.rows.find(r => r.line === 15)!.problems!.some(p => p.code === 'duplicate-code'));
    assert.ok(checked.rows.filter(r => r.line > 20).every(r => Array.isArray(r.problems)));
  });

  it('rekordboxMidi/rowAction: DUPLICATE and DELETE edits for the version seen; a stale version gets a reason, no edit', async () => {
    const action = (params: unknown) => client.connection.sendRequest<RowActionResult>('rekordboxMidi/rowAction', params);
    const refused = await action({ textDocument: { uri }, version: 6, line: 16, action: 'duplicate' });
    assert.equal(refused.edit, null);
    assert.equal(
      refused.message,
      'DUPLICATE for decks 1–4: Deck 2’s code 9110 is already PlayPause’s, on line 16: a copy there would give one code two functions. Nothing changed.',
    );
    // On a code no deck of another row uses, DUPLICATE writes the deck channels.
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 7 },
      contentChanges: [{ range: { start: { line: 16, character: 17 }, end: { line: 16, character: 21 } }, text: '907E' }],
    });
    const duplicate = await action({ textDocument: { uri }, version: 7, line: 16, action: 'duplicate' });
    assert.deepEqual(duplicate.edit!.changes![uri], [
      { range: { start: { line: 16, character: 0 }, end: { line: 16, character: 32 } }, newText: 'Sync,Sync,Button,907E,0,1,2,3,,,,,,,' },
    ]);
    const remove = await action({ textDocument: { uri }, version: 7, line: 16, action: 'delete' });
    assert.deepEqual(remove.edit!.changes![uri], [{ range: { start: { line: 16, character: 0 }, end: { line: 17, character: 0 } }, newText: '' }]);
    const stale = await action({ textDocument: { uri }, version: 6, line: 16, action: 'delete' });
    assert.equal(stale.edit, null);
    assert.match(stale.message!, /changed/);
    for (const junk of [
      null,
      {},
      { textDocument: { uri }, version: 7, line: -1, action: 'delete' },
      { textDocument: { uri }, version: 7, line: 16, action: 'explode' },
    ]) {
      assert.equal((await action(junk)).edit, null);
    }
  });

  it('answers null for a document that is not open, and for malformed params, without an error', async () => {
    assert.equal(await rows({ textDocument: { uri: 'file:///nowhere.midi.csv' } }), null);
    assert.equal(await rows({}), null);
    assert.equal(await rows(null), null);
  });
});
