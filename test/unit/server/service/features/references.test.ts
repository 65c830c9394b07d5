import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { computeDocumentHighlights, computeReferences } from '../../../../../server/src/service/features/references';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { junkTexts } from '../../../../helpers/junk';
import { FACTORY_HEAD, marked } from '../../../../helpers/markers';

const { Read: R, Write: W, Text: T } = DocumentHighlightKind;
const URI = 'file:///test.midi.csv';

/** Highlights at the `|` cursor must be exactly the `[[…]]` ranges, in order, with these kinds. */
function expectHighlights(source: string, kinds: DocumentHighlightKind[]): void {
  const { text, cursor, ranges } = marked(FACTORY_HEAD + source);
  const highlights = computeDocumentHighlights(parseMapping(text), cursor!);
  assert.deepEqual(
    highlights.map(h => [h.range, h.kind]),
    ranges.map((r, i) => [r, kinds[i]]),
  );
}

describe('same-code highlights and references', () => {
  it('on a base code, finds every code it makes, in and out, in every row', () => {
    expectHighlights(
      'PlayPause,PlayPause,Button,[[90|0B]],[[0]],[[1]],[[2]],[[3]],900B,[[0]],[[1]],[[2]],[[3]],Fast,Play/Pause\n' +
        'PlayPause,PlayPause+Shift,Button,9047,,,,,,,,,,,\n' +
        'Led,,Indicator,,,,,,[[920B]],,,,,,\n' +
        'Load,,Button,,9646,[[910B]],,,,,,,,,\n' +
        'Off,,Button,800B,,,,,,,,,,,',
      [R, R, R, R, R, W, W, W, W, W, R],
    );
  });

  it('on a deck channel, finds the code that deck gets (any case), not the note-off', () => {
    expectHighlights(
      'PlayPause,PlayPause,Button,900B,0,[[|1]],2,3,900B,0,[[1]],2,3,Fast,\n' +
        'Other,,Button,[[910B]],,,,,,,,,,,\n' +
        '#,,Button,[[910b]],,,,,,,,,,,\n' +
        'NoteOff,,Button,810B,,,,,,,,,,,',
      [R, W, R, R],
    );
  });

  it('on a full per-deck MIDI OUT code, finds the same code as MIDI IN elsewhere', () => {
    expectHighlights('Led,,Button,,,,,,,[[9|710]],9910,,,,\nDrums,,Button,,[[9710]],,,,,,,,,,', [W, R]);
  });

  it('on a base code no deck gets, searches the code as written', () => {
    expectHighlights('Z,,Button,[[9F|2E]],1,,,,,,,,,,\nY,,Button,,[[9F2E]],,,,,,,,,,', [R, R]);
  });

  it('on a function, finds the rows with that function, disabled ones too', () => {
    expectHighlights(
      '[[Play|Pause]],PlayPause,Button,900B,,,,,,,,,,,\n' +
        'PlayPause2,PlayPause,Button,900C,,,,,,,,,,,\n' +
        '[[#PlayPause]],PlayPause+Shift,Button,9047,,,,,,,,,,,\n' +
        '[[PlayPause]],,Button,9147,,,,,,,,,,,',
      [T, T, T],
    );
  });

  it('finds nothing on other cells, empty cells, # or NoFunction, or outside mapping rows', () => {
    const cases = [
      'PlayPause,PlayPause,Button,900B,,,,,,,,,,Fa|st,',
      'PlayPause,Play|Pause,Button,900B,,,,,,,,,,,',
      'PlayPause,PlayPause,Button,900B,|,,,,,,,,,,',
      '|#,PlayPause,Button,900B,,,,,,,,,,,',
      'No|Function,,Button,900B,,,,,,,,,,,',
      'X,,Button,90ZZ,,,,,,,,,,,\nY,,Button,9|0ZZ,,,,,,,,,,,',
      '# De|ck,,,,,,,,,,,,,,',
    ];
    for (const source of cases) {
      const { text, cursor } = marked(FACTORY_HEAD + source);
      assert.deepEqual(computeDocumentHighlights(parseMapping(text), cursor!), [], source);
      assert.deepEqual(computeReferences(parseMapping(text), cursor!, URI), [], source);
    }
    assert.deepEqual(computeDocumentHighlights(parseMapping(FACTORY_HEAD), { line: 0, character: 9 }), []);
    assert.deepEqual(computeDocumentHighlights(parseMapping(FACTORY_HEAD), { line: 99, character: 0 }), []);
  });

  it('gives references as locations in the document, with or without the cell under the cursor', () => {
    const { text, cursor, ranges } = marked(FACTORY_HEAD + 'A,,Button,[[90|01]],,,,,[[9001]],,,,,,\nB,,Indicator,,,,,,[[9001]],,,,,,');
    const model = parseMapping(text);
    assert.deepEqual(
      computeReferences(model, cursor!, URI),
      ranges.map(range => ({ uri: URI, range })),
    );
    assert.deepEqual(
      computeReferences(model, cursor!, URI, false),
      ranges.slice(1).map(range => ({ uri: URI, range })),
    );
  });

  it('on the factory DDJ-FLX10 PlayPause code, finds its 4 decks in and out', () => {
    const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
    const model = parseMapping(flx10.text);
    const row = model.mappingRows.find(r => r.functionName === 'PlayPause')!;
    const deck2 = row.cells[5]!;
    const highlights = computeDocumentHighlights(model, { line: row.line.line, character: deck2.start });
    assert.deepEqual(
      highlights.filter(h => h.range.start.line === row.line.line).map(h => [h.range.start.character, h.kind]),
      [
        [deck2.start, R],
        [row.cells[10]!.start, W],
      ],
    );
  });

  it('stays linear: 20 000 rows on one code', () => {
    let text = '@file,1,X\n';
    for (let i = 0; i < 20_000; i++) text += `F${i},,Button,900B,0,1,2,3,900B,0,1,2,3,,\n`;
    const model = parseMapping(text);
    const t0 = Date.now();
    const highlights = computeDocumentHighlights(model, { line: 1, character: 12 });
    assert.equal(highlights.length, 20_000 * 8 + 1);
    assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
  });

  it('never throws', () => {
    for (const { name, text } of junkTexts()) {
      const model = parseMapping(text);
      for (let line = 0; line < Math.min(model.rows.length, 40); line++) {
        for (const character of [0, 1, 5, 12, 20, 40, 1e6]) {
          assert.doesNotThrow(() => computeDocumentHighlights(model, { line, character }), name);
          assert.doesNotThrow(() => computeReferences(model, { line, character }, URI, false), name);
        }
      }
    }
  });
});
