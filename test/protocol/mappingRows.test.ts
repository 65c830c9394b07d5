/** `rekordboxMidi/mappingRows` over stdio: what a MIDI monitor asks the server about an open mapping. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MappingRowsResult } from '../../server/src/protocol';
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

  it('answers null for a document that is not open, and for malformed params, without an error', async () => {
    assert.equal(await rows({ textDocument: { uri: 'file:///nowhere.midi.csv' } }), null);
    assert.equal(await rows({}), null);
    assert.equal(await rows(null), null);
  });
});
