/**
 * DUPLICATE for the next deck (one row per channel): the plan, the code action (Ctrl+.) and the
 * mapping table's row action, which must all be the one edit. `|` marks the row the cursor is on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import { computeCodeActions } from '../../../../../server/src/service/features/codeActions';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { planDuplicateForDeck } from '../../../../../server/src/service/edits/duplicateForDeck';
import { computeRowAction } from '../../../../../server/src/service/features/rowActions';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { actionEdits, applyEdits } from '../../../../helpers/applyEdits';
import { corpusFiles } from '../../../../helpers/fixtures';
import { EXPORT_HEAD, FACTORY_HEAD, marked } from '../../../../helpers/markers';

const URI = 'file:///deck.midi.csv';

/** The "Duplicate for deck N" code action at the cursor, if offered. */
function deckAction(source: string): { text: string; line: number; action: CodeAction | undefined } {
  const { text, cursor } = marked(source);
  assert.ok(cursor, 'no cursor marker');
  const range = { start: cursor, end: cursor };
  const action = computeCodeActions(parseMapping(text), { uri: URI, range, diagnostics: [] }).find(a => a.title.startsWith('Duplicate for deck '));
  return { text, line: cursor.line, action };
}

/** The table's row action on the cursor's row: its edit applied, or its message. */
function tableAction(text: string, line: number): { after?: string; message?: string } {
  const result = computeRowAction(parseMapping(text), { uri: URI, version: 1, currentVersion: 1, line, action: 'duplicateForDeck' });
  return result.edit ? { after: applyEdits(text, result.edit.changes![URI]) } : { message: result.message };
}

describe('DUPLICATE for the next deck (one row per channel)', () => {
  it('CRLF file: the copy after the row on channel 2 (deck 2), MIDI IN and MIDI OUT moved, every other byte and CRLF kept', () => {
    const source = '@file,1,Test Device\r\n|PlayPause,PLAY,Button,900B,,,,,900B,,,,,Fast;Blink=1000;,Play\r\nCue,,Button,900C,,,,,,,,,,,\r\n';
    const { text, line, action } = deckAction(source);
    assert.equal(action?.title, 'Duplicate for deck 2 (910B)');
    const after = applyEdits(text, actionEdits(action!, URI));
    assert.equal(
      after,
      '@file,1,Test Device\r\n' +
        'PlayPause,PLAY,Button,900B,,,,,900B,,,,,Fast;Blink=1000;,Play\r\n' +
        'PlayPause,PLAY,Button,910B,,,,,910B,,,,,Fast;Blink=1000;,Play\r\n' +
        'Cue,,Button,900C,,,,,,,,,,,\r\n',
    );
    // The table's DUPLICATE FOR DECK is the same edit, made by the same function.
    const result = computeRowAction(parseMapping(text), { uri: URI, version: 1, currentVersion: 1, line, action: 'duplicateForDeck' });
    assert.deepEqual(result.edit!.changes![URI], actionEdits(action!, URI));
  });

  it('LF file: LF kept; a last line without an ending gets the copy after an LF; letter case kept', () => {
    const lf = deckAction(EXPORT_HEAD + '|Sync,,Button,905a,,,,,,,,,,,\nCue,,Button,900C,,,,,,,,,,,\n');
    assert.equal(lf.action?.title, 'Duplicate for deck 2 (915A)');
    assert.equal(
      applyEdits(lf.text, actionEdits(lf.action!, URI)),
      EXPORT_HEAD + 'Sync,,Button,905a,,,,,,,,,,,\nSync,,Button,915a,,,,,,,,,,,\nCue,,Button,900C,,,,,,,,,,,\n',
    );
    const last = deckAction(EXPORT_HEAD + 'Cue,,Button,900C,,,,,,,,,,,\n|Sync,,Button,9058,,,,,,,,,,,');
    assert.equal(
      applyEdits(last.text, actionEdits(last.action!, URI)),
      EXPORT_HEAD + 'Cue,,Button,900C,,,,,,,,,,,\nSync,,Button,9058,,,,,,,,,,,\nSync,,Button,9158,,,,,,,,,,,',
    );
  });

  it('skips a deck the function already has (deck 2 exists, so deck 3), by function and control label', () => {
    const source =
      FACTORY_HEAD +
      '|PlayPause,PlayPause,Button,900B,,,,,900B,,,,,,\n' +
      'PlayPause,PlayPause,Button,910B,,,,,910B,,,,,,\n' +
      'PlayPause,PlayPause+Shift,Button,9047,,,,,,,,,,,\n';
    const { text, action } = deckAction(source);
    assert.equal(action?.title, 'Duplicate for deck 3 (920B)');
    assert.equal(applyEdits(text, actionEdits(action!, URI)).split('\n')[3], 'PlayPause,PlayPause,Button,920B,,,,,920B,,,,,,');
    // The +Shift row is another control: its deck 2 is free, though PlayPause has channel 1 elsewhere.
    const atShiftRow = source.replace('|', '').replace('PlayPause,PlayPause+Shift', '|PlayPause,PlayPause+Shift');
    assert.equal(deckAction(atShiftRow).action?.title, 'Duplicate for deck 2 (9147)');
    // Any code of that function and label on a channel takes the deck, also from deck columns.
    assert.equal(deckAction(EXPORT_HEAD + '|Cue,,Button,900C,,,,,,,,,,,\nCue,,Button,,9101,9201,,,,,,,,,\n').action?.title, 'Duplicate for deck 4 (930C)');
  });

  it('not offered on channel 16 (15 in the file), nor past deck 4, nor when every deck above is there: the table says why', () => {
    for (const [code, reason] of [
      ['9F0B', /channel 16, the last/],
      ['930B', /deck 4’s channel.*no deck 5/],
      ['970B', /channel 8, which names no deck/],
    ] as const) {
      const source = EXPORT_HEAD + `|PlayPause,,Button,${code},,,,,,,,,,,\n`;
      assert.equal(deckAction(source).action, undefined, code);
      const { message } = tableAction(marked(source).text, 1);
      assert.match(message!, reason);
      assert.match(message!, /line 2.*Nothing changed/);
    }
    const full = EXPORT_HEAD + '|Sync,,Button,9058,,,,,,,,,,,\nSync,,Button,9158,,,,,,,,,,,\nSync,,Button,9258,,,,,,,,,,,\nSync,,Button,9358,,,,,,,,,,,\n';
    assert.equal(deckAction(full).action, undefined);
    assert.match(tableAction(marked(full).text, 1).message!, /Sync already has a row for every deck after deck 1/);
  });

  it('not offered where the copy’s code is another function’s, and says whose (the Codex Performer file’s FX1-1On)', () => {
    const source = EXPORT_HEAD + '|FX1-1On,,Button,9020,,,,,,,,,,,\nFX2-1On,,Button,9120,,,,,,,,,,,\n';
    assert.equal(deckAction(source).action, undefined);
    assert.equal(
      tableAction(marked(source).text, 1).message,
      'No duplicate for another deck (line 2): 9120 is already FX2-1On’s, on line 3: a copy there would give one code two functions. Nothing changed.',
    );
    // A HiRes copy whose fine half (CC+32) is another function's code.
    const hiRes = EXPORT_HEAD + '|TempoSlider,,KnobSliderHiRes,B000,,,,,,,,,,,\nEQHigh,,KnobSlider,B120,,,,,,,,,,,\n';
    assert.match(tableAction(marked(hiRes).text, 1).message!, /fine half \(LSB\), B120 is already EQHigh’s/);
    // The copy never makes a duplicate-code error; a `#` row on that code is no function.
    const free = EXPORT_HEAD + '|FX1-1On,,Button,9020,,,,,,,,,,,\n#,,Button,9120,,,,,,,,,,,\n';
    const { text, action } = deckAction(free);
    const after = applyEdits(text, actionEdits(action!, URI));
    assert.deepEqual(computeDiagnostics(parseMapping(after), { uri: URI }).filter(d => d.code === 'duplicate-code'), []);
    const corpus = corpusFiles().find(f => f.file === 'handmade-Codex-Performer.midi.csv')!;
    const model = parseMapping(corpus.text);
    const fx = model.mappingRows.find(r => r.functionName === 'FX1-1On')!;
    assert.match(planDuplicateForDeck(model, fx).reason!, /^9120 is already FX2-1On’s/);
  });

  it('not offered on `#` rows, `#Name`, NoFunction, output-only types, deck columns, a light on another channel', () => {
    for (const row of [
      '#,,Button,900B,,,,,,,,,,,',
      '#PlayPause,,Button,900B,,,,,,,,,,,',
      'NoFunction,,Button,900B,,,,,,,,,,,',
      'PlayPauseLight,,Indicator,900B,,,,,,,,,,,',
      'PlayPause,,Button,900B,0,1,2,3,,,,,,,',
      'PlayPause,,Button,,9646,,,,,,,,,,',
      'PlayPause,,Button,900B,,,,,9F0B,,,,,,',
      'PlayPause,,Button,FFF1,,,,,,,,,,,',
    ]) {
      const source = EXPORT_HEAD + `|${row}\n`;
      assert.equal(deckAction(source).action, undefined, row);
      assert.match(tableAction(marked(source).text, 1).message!, /needs a row with a function, a base MIDI IN code and empty deck columns/, row);
    }
  });

  it('in the factory DDJ-FLX10, whose Shift has one row per channel for decks 1–4: no deck left, each row says so', () => {
    const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
    const model = parseMapping(flx10.text);
    const shifts = model.mappingRows.filter(r => r.functionName === 'Shift');
    assert.deepEqual(
      shifts.map(r => planDuplicateForDeck(model, r).reason?.replace(/ \(.*/, '')),
      [
        'Shift already has a row for every deck after deck 1',
        'Shift already has a row for every deck after deck 2',
        'Shift already has a row for every deck after deck 3',
        '933F is deck 4’s channel',
      ],
    );
  });

  it('refuses a stale version like the other row actions', () => {
    const text = EXPORT_HEAD + 'Sync,,Button,9058,,,,,,,,,,,\n';
    const result = computeRowAction(parseMapping(text), { uri: URI, version: 1, currentVersion: 2, line: 1, action: 'duplicateForDeck' });
    assert.equal(result.edit, null);
    assert.match(result.message!, /changed/);
  });
});
