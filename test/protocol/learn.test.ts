/** `rekordboxMidi/learn` over stdio on the corpus fixtures, as another editor's client would call it. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import type { LearnParams, LearnResult } from '../../protocol/messages';
import { applyEdits } from '../helpers/applyEdits';
import { corpusFiles } from '../helpers/fixtures';
import { startServer, TestClient } from '../helpers/lspClient';

const uriOf = (name: string) => `file:///work/learn/${encodeURIComponent(name)}`;
const fixture = (name: string) => corpusFiles().find(f => f.file === name)!.text;
const m = (time: number, ...bytes: number[]) => ({ bytes, time });
const PLAY = [m(0, 0x90, 0x0b, 0x7f), m(130, 0x80, 0x0b, 0x00)];

describe('rekordboxMidi/learn over stdio', () => {
  let client: TestClient;
  const FLX10 = 'factory-DDJ-FLX10.midi.csv';
  const FLX6 = 'edited-DDJ-FLX6-19-fields.midi.csv';
  const FLX4 = 'export-DDJ-FLX4.midi.csv';

  before(async () => {
    client = await startServer();
    for (const name of [FLX10, FLX6, FLX4]) {
      const published = client.nextDiagnostics(uriOf(name));
      client.open(uriOf(name), fixture(name), 3);
      await published;
    }
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const learn = (params: unknown) => client.connection.sendRequest<LearnResult>('rekordboxMidi/learn', params);
  const editsOf = (result: LearnResult, uri: string) => {
    const change = result.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 3 }, 'versioned: a stale edit is refused by the editor');
    return change.edits as TextEdit[];
  };

  it('learning 90 0B 7F / 80 0B 00 on the empty last line of the FLX10 adds a row and reports the conflict with PlayPause', async () => {
    const uri = uriOf(FLX10);
    const text = fixture(FLX10);
    const last = text.split('\r\n').length - 1;
    const params: LearnParams = { textDocument: { uri }, position: { line: last, character: 0 }, messages: [m(0, 0xf8), ...PLAY, m(140, 0xfe)] };
    const result = await learn(params);
    const after = applyEdits(text, editsOf(result, uri));
    assert.ok(after.endsWith('Value=2,\r\n,,Button,900B,,,,,,,,,,,\r\n'));
    assert.deepEqual(result.cursor, { line: last, character: 0 });
    assert.deepEqual(result.learned, {
      code: '900B',
      type: 'Button',
      description: 'note on, ch 1, note 11 (B-1)',
      channel: 0,
      messages: 2,
      reason: 'note on, then note off',
    });
    assert.deepEqual(result.conflicts, [{ line: 15, functionName: 'PlayPause', code: '900B', kind: 'same-code' }]);
    assert.equal(
      result.summary,
      `Learned Button 900B (note on, ch 1, note 11 (B-1)): added a row on line ${last + 1}; type its function at the start of the line. ` +
        'Conflict: line 16 (PlayPause) also receives 900B (Rekordbox takes one function per code).',
    );
  });

  it("on PlayPause's deck 3 cell: the code it already gives changes nothing; a jog there gets its full code", async () => {
    const uri = uriOf(FLX10);
    const line = fixture(FLX10).split('\r\n')[15];
    const character = line.indexOf(',0,1,2,3,') + 5; // on the `2` (deck 3)
    const result = await learn({ textDocument: { uri }, position: { line: 15, character }, messages: [m(0, 0x92, 0x0b, 0x7f), m(90, 0x92, 0x0b, 0x00)] });
    // Deck 3 already gives 920B: nothing to change, nothing written.
    assert.equal(result.edit, null);
    assert.match(result.summary, /deck 3's MIDI IN on line 16 already gives 920B: nothing to change/);
    const jog = await learn({
      textDocument: { uri },
      position: { line: 15, character },
      messages: Array.from({ length: 50 }, (_, i) => m(i, 0xb2, 0x22, 0x41)),
    });
    assert.deepEqual(editsOf(jog, uri), [{ range: { start: { line: 15, character }, end: { line: 15, character: character + 1 } }, newText: 'B222' }]);
    assert.equal(jog.learned?.type, 'JogRotate');
    // #JogScratch (line 21) also receives B222 but assigns nothing: no conflict.
    assert.equal(jog.conflicts, undefined);
    assert.match(
      jog.summary,
      /^Learned JogRotate B222 .*: wrote B222 in deck 3's MIDI IN on line 16\. The row's type stays Button \(the control looks like JogRotate\)\.$/,
    );
  });

  it('a 14-bit fader on the FLX6 (no final newline, past the end): appended with CRLF, and the learned type', async () => {
    const uri = uriOf(FLX6);
    const text = fixture(FLX6);
    assert.ok(!text.endsWith('\n'));
    const pairs = Array.from({ length: 10 }, (_, i) => m(i * 5, 0xb0, 0x13, 0x20 + i, 0x33, 0x10));
    const result = await learn({ textDocument: { uri }, position: { line: 10_000, character: 0 }, messages: pairs });
    const after = applyEdits(text, editsOf(result, uri));
    assert.equal(after, text + '\r\n,,KnobSliderHiRes,B013,,,,,,,,,,,');
    assert.equal(result.learned?.lsbCode, 'B033');
  });

  it('on an export file, a deck cell with an empty base gets the full code', async () => {
    const uri = uriOf(FLX4);
    const text = fixture(FLX4);
    const lines = text.split('\r\n');
    const character = lines[1].indexOf(',9910') + 3;
    const result = await learn({ textDocument: { uri }, position: { line: 1, character }, messages: [m(0, 0x99, 0x20, 0x7f), m(80, 0x89, 0x20, 0x00)] });
    const after = applyEdits(text, editsOf(result, uri)).split('\r\n');
    assert.equal(after[1], 'ActivePartDrums,,Button,,9710,9920,,,,9710,9910,,,,');
    assert.deepEqual(after.slice(2), lines.slice(2));
  });

  it('a document that is not open, and malformed requests: answered with edit null and a summary, never an error', async () => {
    const closed = await learn({ textDocument: { uri: 'file:///not-open.midi.csv' }, position: { line: 0, character: 0 }, messages: PLAY });
    assert.equal(closed.edit, null);
    assert.match(closed.summary, /not open .*nothing written/);
    for (const params of [
      null,
      {},
      { textDocument: { uri: uriOf(FLX10) } },
      { textDocument: { uri: uriOf(FLX10) }, position: 'x', messages: PLAY },
      { textDocument: { uri: 42 }, position: { line: 0, character: 0 }, messages: PLAY },
      { textDocument: { uri: uriOf(FLX10) }, position: { line: 0, character: 0 }, messages: [{ bytes: [0x0b, 0x7f] }, { bytes: 'F8' }, 7] },
    ]) {
      const result = await learn(params);
      assert.equal(result.edit, null, JSON.stringify(params));
      assert.equal(typeof result.summary, 'string');
    }
  });

  it('a SysEx flood and running status still learn the control', async () => {
    const uri = uriOf(FLX10);
    const flood = [m(0, 0xf0), ...Array.from({ length: 50 }, (_, i) => ({ bytes: new Array<number>(4000).fill(0x42), time: i }))];
    const result = await learn({
      textDocument: { uri },
      position: { line: 3, character: 0 },
      messages: [...flood, m(60, 0xf7), m(61, 0x9f, 0x3c, 0x7f), m(180, 0x3c, 0x00)],
    });
    assert.equal(result.learned?.code, '9F3C');
    assert.equal(result.ignored?.sysEx, 1);
    // Line 3 is a section row (`# Browser`): nothing written, and the summary says where to go.
    assert.equal(result.edit, null);
    assert.match(result.summary, /section row/);
    assert.equal(client.stderr(), '');
  });
});
