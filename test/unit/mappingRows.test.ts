/** `rekordboxMidi/mappingRows` in the language service: the codes each deck of each row really receives and sends. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMappingRows } from '../../server/src/service/features/mappingRows';
import { parseMapping } from '../../server/src/service/model/mappingModel';
import { corpusFiles } from '../helpers/fixtures';
import { junkTexts } from '../helpers/junk';
import { EXPORT_HEAD, FACTORY_HEAD } from '../helpers/markers';

const URI = 'file:///rows.midi.csv';
const rowsOf = (text: string) => computeMappingRows(parseMapping(text), URI, 5);

describe('mapping rows with their per-deck codes', () => {
  it('expands deck channels on both sides, keeps label, type and comment, counts lines from 0', () => {
    const result = rowsOf(FACTORY_HEAD + '# Deck,,,,,,,,,,,,,,\nPlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast,Play/Pause\n');
    assert.deepEqual(result, {
      uri: URI,
      version: 5,
      deviceName: 'Test Device',
      rows: [
        {
          line: 3,
          functionName: 'PlayPause',
          control: 'PlayPause',
          type: 'Button',
          comment: 'Play/Pause',
          input: [
            { deck: 1, code: '900B' },
            { deck: 2, code: '910B' },
            { deck: 3, code: '920B' },
            { deck: 4, code: '930B' },
          ],
          output: [
            { deck: 1, code: '900B' },
            { deck: 2, code: '910B' },
            { deck: 3, code: '920B' },
            { deck: 4, code: '930B' },
          ],
        },
      ],
    });
  });

  it('a base code alone serves every deck (deck null); full deck codes are read as written, upper-cased', () => {
    const { rows } = rowsOf(EXPORT_HEAD + 'Browse,,Rotary,b640,,,,,,,,,,,\nLoad,,Button,,9646,9647,,,,,,,,,\n');
    assert.deepEqual(rows.map(r => [r.line, r.input]), [
      [1, [{ deck: null, code: 'B640' }]],
      [2, [{ deck: 1, code: '9646' }, { deck: 2, code: '9647' }]],
    ]);
  });

  it('a MIDI OUT code of 6 hex digits is cut to its first 4, as Rekordbox reads it; an input one is not read', () => {
    const { rows } = rowsOf(EXPORT_HEAD + 'Led,,Indicator,,,,,,900B7F,,,,,,\nBad,,Button,900B7F,,,,,,,,,,,\n');
    assert.deepEqual(rows[0].output, [{ deck: null, code: '900B' }]);
    assert.deepEqual(rows[1].input, []);
  });

  it('a KnobSliderHiRes row on CC 0–31 also receives its LSB on CC+32 on every deck; CC 32 and up has none', () => {
    const { rows } = rowsOf(EXPORT_HEAD + 'TempoSlider,,KnobSliderHiRes,B000,0,1,,,,,,,,,\nOdd,,KnobSliderHiRes,B040,,,,,,,,,,,\nVolume,,KnobSlider,B013,,,,,,,,,,,\n');
    assert.deepEqual(rows[0].lsbInput, [
      { deck: 1, code: 'B020' },
      { deck: 2, code: 'B120' },
    ]);
    assert.equal(rows[1].lsbInput, undefined);
    assert.equal(rows[2].lsbInput, undefined);
  });

  it('lists rows that assign nothing too (`#`, `#Name`, NoFunction), as written: the client decides what they mean', () => {
    const { rows } = rowsOf(EXPORT_HEAD + '#JogScratch,,JogRotate,B022,,,,,,,,,,,\n#,,Button,9669,,,,,,,,,,,\nNoFunction,,Button,8924,,,,,,,,,,,\n');
    assert.deepEqual(rows.map(r => r.functionName), ['#JogScratch', '#', 'NoFunction']);
  });

  it('on the factory FLX10: PlayPause gets 900B–930B, TempoSlider its 14-bit LSBs B020–B320', () => {
    const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
    const { rows, deviceName } = rowsOf(flx10.text);
    assert.equal(deviceName, 'DDJ-FLX10');
    const play = rows.find(r => r.control === 'PlayPause')!;
    assert.equal(play.line, 15);
    assert.deepEqual(play.input.map(c => c.code), ['900B', '910B', '920B', '930B']);
    const tempo = rows.find(r => r.control === 'TempoSlider')!;
    assert.deepEqual(tempo.lsbInput?.map(c => c.code), ['B020', 'B120', 'B220', 'B320']);
  });

  it('never throws on junk, and every code it gives is 4 upper-case hex digits', () => {
    for (const { text } of junkTexts()) {
      for (const row of rowsOf(text).rows) {
        for (const c of [...row.input, ...row.output, ...(row.lsbInput ?? [])]) assert.match(c.code, /^[0-9A-F]{4}$/);
      }
    }
  });
});
