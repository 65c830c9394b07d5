/** `rekordboxMidi/rowAction` in the language service: the mapping table's DUPLICATE and DELETE as text edits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { computeCodeActions, DUPLICATE_TITLE } from '../../../../../server/src/service/features/codeActions';
import { computeRowAction, RowActionRequest } from '../../../../../server/src/service/features/rowActions';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { EXPORT_HEAD } from '../../../../helpers/markers';

const URI = 'file:///rows.midi.csv';
const TEXT = EXPORT_HEAD.replace('\n', '\r\n') + 'PlayPause,,Button,900B,,,,,900B,,,,,,\r\nCue,,Button,900C,0,1,2,3,,,,,,,\r\nSync,,Button,9058,,,,,,,,,,,';

function act(text: string, request: Partial<RowActionRequest>) {
  const result = computeRowAction(parseMapping(text), { uri: URI, version: 3, currentVersion: 3, line: 1, action: 'delete', ...request });
  const edits = (result.edit?.changes?.[URI] ?? []) as TextEdit[];
  const after = result.edit ? TextDocument.applyEdits(TextDocument.create(URI, 'rekordbox-midi', 3, text), edits) : undefined;
  return { result, edits, after };
}

describe('row actions (the mapping table’s DUPLICATE and DELETE)', () => {
  it('DUPLICATE writes deck channels 0,1,2,3 in MIDI IN and MIDI OUT: the very edit of the code action', () => {
    const { after, edits } = act(TEXT, { action: 'duplicate', line: 1 });
    assert.equal(after, TEXT.replace('PlayPause,,Button,900B,,,,,900B,,,,,,', 'PlayPause,,Button,900B,0,1,2,3,900B,0,1,2,3,,'));
    const codeAction = computeCodeActions(parseMapping(TEXT), {
      uri: URI,
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      diagnostics: [],
    }).find(a => a.title === DUPLICATE_TITLE)!;
    assert.deepEqual(codeAction.edit!.changes![URI], edits);
  });

  it('DUPLICATE on a row that already has deck columns changes nothing and says why', () => {
    const { result } = act(TEXT, { action: 'duplicate', line: 2 });
    assert.equal(result.edit, null);
    assert.match(result.message!, /empty deck columns.*line 3/);
  });

  it('DUPLICATE where deck 2’s code is another function’s changes nothing and names that row', () => {
    const text = TEXT + '\r\nCue,,Button,910B,,,,,,,,,,,';
    const { result } = act(text, { action: 'duplicate', line: 1 });
    assert.equal(result.edit, null);
    assert.equal(
      result.message,
      'DUPLICATE for decks 1–4: Deck 2’s code 910B is already Cue’s, on line 5: a copy there would give one code two functions. Nothing changed.',
    );
  });

  it('DELETE removes the row’s line with its line ending; the last line takes the ending before it', () => {
    assert.equal(act(TEXT, { line: 2 }).after, TEXT.replace('Cue,,Button,900C,0,1,2,3,,,,,,,\r\n', ''));
    assert.equal(act(TEXT, { line: 3 }).after, TEXT.replace('\r\nSync,,Button,9058,,,,,,,,,,,', ''));
    assert.equal(act('PlayPause,,Button,900B,,,,,,,,,,,', { line: 0 }).after, '');
  });

  it('refuses when the text changed since the caller saw it, and on a line that is not a mapping row', () => {
    const stale = act(TEXT, { version: 2 });
    assert.equal(stale.result.edit, null);
    assert.match(stale.result.message!, /changed/);
    for (const line of [0, 99]) {
      const { result } = act(TEXT, { line });
      assert.equal(result.edit, null);
      assert.match(result.message!, /not a mapping row/);
    }
  });

  it('refuses what another editor may send that is not a row action: a bad line, version or action', () => {
    const requests: Partial<RowActionRequest>[] = [{ line: -1 }, { line: 1.5 }, { version: Number.NaN }, { action: 'copy' as RowActionRequest['action'] }];
    for (const request of requests) {
      assert.deepEqual(act(TEXT, request).result, { edit: null, message: 'Not a row action: nothing changed.' }, JSON.stringify(request));
    }
  });
});
