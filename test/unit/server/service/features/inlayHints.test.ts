import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InlayHint, Range } from 'vscode-languageserver-types';
import { computeInlayHints } from '../../../../../server/src/service/features/inlayHints';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { junkTexts } from '../../../../helpers/junk';
import { FACTORY_HEAD, marked } from '../../../../helpers/markers';

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };

/** Hints for the marked text; each `[[]]` marks where one hint must sit, in order. */
function hintsAt(source: string, range: Range = WHOLE): { hints: InlayHint[]; expected: Range[] } {
  const { text, ranges } = marked(FACTORY_HEAD + source);
  return { hints: computeInlayHints(parseMapping(text), range), expected: ranges };
}

function labelsAndPositions(source: string, range?: Range): [string, number, number][] {
  const { hints, expected } = hintsAt(source, range);
  assert.deepEqual(
    hints.map(h => h.position),
    expected.map(r => r.start),
    'hint positions',
  );
  return hints.map(h => [h.label as string, h.position.line, h.position.character]);
}

describe('inlay hints', () => {
  it('decodes base codes and shows the code each deck channel makes', () => {
    const got = labelsAndPositions('PlayPause,PlayPause,Button,900B[[]],0[[]],1[[]],2[[]],3[[]],900B[[]],0[[]],1[[]],2[[]],3[[]],Fast,Play/Pause');
    assert.deepEqual(
      got.map(g => g[0]),
      ['on ch1 B-1', '900B', '910B', '920B', '930B', 'on ch1 B-1', '900B', '910B', '920B', '930B'],
    );
  });

  it('decodes full per-deck codes, control changes and note-off codes', () => {
    const got = labelsAndPositions(
      'Load,Browse+Press,Button,,9646[[]],9647[[]],9648[[]],9649[[]],,,,,,,\n' +
        'Browse,Browse,Rotary,B640[[]],,,,,,,,,,,\n' +
        'NoFunction,,Button,,8924[[]],,,,,,,,,,',
    );
    assert.deepEqual(
      got.map(g => g[0]),
      ['on ch7 A#4', 'on ch7 B4', 'on ch7 C5', 'on ch7 C#5', 'CC ch7 #64', 'off ch10 C2'],
    );
  });

  it('says nothing for parameter codes, invalid cells, data above 127 or a channel pushed past 15', () => {
    const got = labelsAndPositions(
      'Param,,Parameter,FFF1,,,,,,,,,,Value=2,\n' +
        'X,,Button,90ZZ,0,1,,,,,,,,,\n' +
        'Y,,Button,909F,,,,,,,,,,,\n' +
        'Z,,Button,9F2E[[]],0[[]],1,,,,,,,,,',
    );
    assert.deepEqual(
      got.map(g => g[0]),
      ['on ch16 A#2', '9F2E'],
    );
  });

  it('reads a 6-hex MIDI OUT as Rekordbox does and says so in the tooltip', () => {
    const { hints } = hintsAt('Led,,Indicator,,,,,,900B7F[[]],,,,,,');
    assert.equal(hints.length, 1);
    assert.equal(hints[0].label, 'on ch1 B-1');
    assert.equal(hints[0].tooltip, 'MIDI OUT 900B (Rekordbox reads only 900B): note on, ch 1, note 11 (B-1)');
    assert.equal(hints[0].paddingLeft, true);
  });

  it('gives a deck hint the full sentence as tooltip', () => {
    const { hints } = hintsAt('PlayPause,PlayPause,Button,900B,0,1[[]],,,,,,,,,');
    assert.equal(hints[2].tooltip, 'Deck 2 receives 910B: note on, ch 2, note 11 (B-1)');
  });

  it('computes only the requested range', () => {
    const source =
      'A,,Button,9001,,,,,,,,,,,\n' + // line 2
      'B,,Button,9002,0,1,,,,,,,,,\n' + // line 3
      'C,,Button,9003,,,,,,,,,,,\n'; // line 4
    const lines = (range: Range) => hintsAt(source, range).hints.map(h => [h.position.line, h.label]);
    assert.deepEqual(lines({ start: { line: 3, character: 0 }, end: { line: 3, character: 100 } }), [
      [3, 'on ch1 D-1'],
      [3, '9002'],
      [3, '9102'],
    ]);
    // Inside a line, only the hints within the range's characters.
    assert.deepEqual(lines({ start: { line: 3, character: 15 }, end: { line: 3, character: 18 } }), [
      [3, '9002'],
      [3, '9102'],
    ]);
    assert.deepEqual(lines({ start: { line: 50, character: 0 }, end: { line: 60, character: 0 } }), []);
    assert.deepEqual(lines({ start: { line: 4, character: 0 }, end: { line: 2, character: 0 } }), []);
  });

  it('reads no row outside the requested range, whatever the file’s length', () => {
    // 3,000 mapping rows (lines 2..3001); the editor shows lines 1500..1509.
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(`R${i},,Button,90${(i % 100).toString(16).toUpperCase().padStart(2, '0')},0,1,,,,,,,,,`);
    const model = parseMapping(FACTORY_HEAD + lines.join('\n') + '\n');
    const range: Range = { start: { line: 1500, character: 0 }, end: { line: 1509, character: 200 } };
    const inRange = (line: number) => line >= range.start.line && line <= range.end.line;
    // Every index asked of `rows` or `mappingRows`, and every row whose content (anything of its
    // line but the line number) is read, by line number.
    const probed = new Set<number>();
    const contentRead = new Set<number>();
    const watchRow = <R extends object>(row: R & { line: { line: number } }): R => {
      const lineNumber = row.line.line;
      const line = new Proxy(row.line, {
        get(target, key, receiver) {
          if (key !== 'line') contentRead.add(lineNumber);
          return Reflect.get(target, key, receiver);
        },
      });
      return new Proxy(row, {
        get(target, key, receiver) {
          if (key === 'line') return line;
          if (key !== 'constructor') contentRead.add(lineNumber);
          return Reflect.get(target, key, receiver);
        },
      });
    };
    const watched = new Map(model.rows.map(r => [r, watchRow(r)]));
    const watchArray = <T extends { line: { line: number } }>(array: T[]): T[] =>
      new Proxy(
        array.map(r => (watched.get(r as never) ?? watchRow(r)) as unknown as T),
        {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key) && target[Number(key)]) probed.add(array[Number(key)].line.line);
            return Reflect.get(target, key, receiver);
          },
        },
      );
    const spied = { ...model, rows: watchArray(model.rows), mappingRows: watchArray(model.mappingRows) };

    const hints = computeInlayHints(spied, range);

    // The same hints as for the whole file, cut to the range: 3 per row (base code and 2 decks).
    const expected = computeInlayHints(model, WHOLE).filter(h => inRange(h.position.line));
    assert.equal(expected.length, 30);
    assert.deepEqual(hints, expected);
    assert.deepEqual([...contentRead].filter(l => !inRange(l)), [], 'rows outside the range whose cells were read');
    // Finding the range's rows may probe a few others (a binary search: ~2 log2 n), never a scan.
    const outside = [...probed].filter(l => !inRange(l));
    assert.ok(outside.length <= 2 * Math.ceil(Math.log2(model.rows.length)) + 2, `${outside.length} rows outside the range were looked up`);
    for (let l = range.start.line; l <= range.end.line; l++) assert.ok(contentRead.has(l), `line ${l} in the range was not read`);
  });

  it('hints every code cell of the factory files and none outside code columns', () => {
    for (const f of corpusFiles()) {
      const model = parseMapping(f.text);
      for (const hint of computeInlayHints(model, WHOLE)) {
        const row = model.rows[hint.position.line];
        const column = row.line.fields.findIndex(field => field.end === hint.position.character);
        assert.ok(column >= 3 && column <= 12, `${f.file}:${hint.position.line + 1} hint in column ${column}`);
      }
    }
    const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
    const model = parseMapping(flx10.text);
    const line = model.rows.findIndex(r => r.line.fields[0].value === 'PlayPause');
    const labels = computeInlayHints(model, { start: { line, character: 0 }, end: { line, character: 9999 } }).map(h => h.label);
    assert.deepEqual(labels.slice(0, 5), ['on ch1 B-1', '900B', '910B', '920B', '930B']);
  });

  it('never throws', () => {
    for (const { name, text } of junkTexts()) assert.doesNotThrow(() => computeInlayHints(parseMapping(text), WHOLE), name);
  });
});
