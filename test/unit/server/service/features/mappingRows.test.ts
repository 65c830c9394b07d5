/** `rekordboxMidi/mappingRows` in the language service: the codes each deck of each row really receives and sends. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { computeMappingRows } from '../../../../../server/src/service/features/mappingRows';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { junkTexts } from '../../../../helpers/junk';
import { EXPORT_HEAD, FACTORY_HEAD } from '../../../../helpers/markers';

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
          tab: 'DECK',
          description: 'Play/Pause',
          disabled: false,
          midiIn: '900B',
          midiOut: '900B',
          options: 'Fast',
          canDuplicate: false,
          duplicateForDeck: null,
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
    const { rows } = rowsOf(
      EXPORT_HEAD +
        'TempoSlider,,KnobSliderHiRes,B000,0,1,,,,,,,,,\n' +
        'Odd,,KnobSliderHiRes,B040,,,,,,,,,,,\n' +
        'Volume,,KnobSlider,B013,,,,,,,,,,,\n',
    );
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

  it('gives each row its tab from the catalog; a name the catalog does not know takes its factory section’s tab, else OTHER', () => {
    const { rows } = rowsOf(
      FACTORY_HEAD +
        '# Mixer,,,,,,,,,,,,,,\nEQHigh,EQHigh,KnobSlider,B007,,,,,,,,,,,\n#,Browse+Press,Button,9641,,,,,,,,,,,No function assigned here\n' +
        'PlayPuase,PlayPuase,Button,900B,,,,,,,,,,,\n' +
        '# Browser,,,,,,,,,,,,,,\nPlayPause,PlayPause,Button,900C,,,,,,,,,,,\nNoFunction,,Button,9642,,,,,,,,,,,\n',
    );
    assert.deepEqual(rows.map(r => [r.functionName, r.tab, r.disabled]), [
      ['EQHigh', 'MIXER', false],
      ['#', 'MIXER', true],
      ['PlayPuase', 'MIXER', false],
      ['PlayPause', 'DECK', false],
      ['NoFunction', 'BROWSE', false],
    ]);
    const { rows: exported } = rowsOf(EXPORT_HEAD + 'Mystery,,Button,9000,,,,,,,,,,,\n#JogScratch,,JogRotate,B022,,,,,,,,,,,\n');
    assert.deepEqual(exported.map(r => [r.tab, r.disabled, r.description !== undefined]), [
      ['OTHER', false, false],
      ['DECK', true, true],
    ]);
  });

  it('says where DUPLICATE (deck channels 0,1,2,3) applies: a base code with empty deck columns in a 15-field row', () => {
    const { rows } = rowsOf(
      EXPORT_HEAD + 'PlayPause,,Button,900B,,,,,,,,,,,\nCue,,Button,900C,0,1,2,3,,,,,,,\nLoad,,Button,,9646,9647,,,,,,,,,\nShort,,Button,900D\n',
    );
    assert.deepEqual(rows.map(r => r.canDuplicate), [true, false, false, false]);
  });

  it('says where DUPLICATE for the next deck applies, with the copy’s codes and title, or why not', () => {
    const { rows } = rowsOf(
      EXPORT_HEAD +
        'PlayPause,,Button,900B,,,,,900B,,,,,,\nPlayPause,,Button,910B,,,,,910B,,,,,,\nCue,,Button,9F0C,,,,,,,,,,,\n' +
        'Sync,,Button,9058,,,,,,,,,,,\nLoad,,Button,9158,,,,,,,,,,,\n#,,Button,9001,,,,,,,,,,,\n',
    );
    assert.deepEqual(
      rows.map(r => r.duplicateForDeck),
      [
        { deck: 3, midiIn: '920B', midiOut: '920B', title: 'Duplicate for deck 3 (920B)' },
        { deck: 3, midiIn: '920B', midiOut: '920B', title: 'Duplicate for deck 3 (920B)' },
        null,
        null,
        { deck: 3, midiIn: '9258', title: 'Duplicate for deck 3 (9258)' },
        null,
      ],
    );
    assert.deepEqual(
      rows.map(r => r.duplicateForDeckReason),
      [
        undefined,
        undefined,
        '9F0C is on MIDI channel 16, the last: there is no channel after it.',
        '9158 is already Load’s, on line 6: a copy there would give one code two functions.',
        undefined,
        undefined,
      ],
    );
  });

  it('with diagnostics, gives each row those on its line, most severe first; without, no problems field', () => {
    const text = EXPORT_HEAD + 'PlayPause,,Button,900B,,,,,,,,,,,\nPlayPuase,,Buton,900B,,,,,,,,,,,\nCue,,Button,900C,,,,,,,,,,,\n';
    const model = parseMapping(text);
    const withProblems = computeMappingRows(model, URI, 1, { diagnostics: computeDiagnostics(model) });
    const [play, typo, cue] = withProblems.rows;
    assert.deepEqual(cue.problems, []);
    assert.ok(play.problems!.some(p => p.code === 'duplicate-code' && p.severity === 'error'), JSON.stringify(play.problems));
    const codes = typo.problems!.map(p => p.code);
    assert.ok(codes.includes('duplicate-code') && codes.includes('unknown-function') && codes.includes('unknown-type'), codes.join());
    const ranks = { error: 0, warning: 1, information: 2, hint: 3 };
    assert.deepEqual(typo.problems!.map(p => ranks[p.severity]), [...typo.problems!.map(p => ranks[p.severity])].sort());
    assert.match(typo.problems!.find(p => p.code === 'unknown-function')!.message, /PlayPause/);
    assert.equal(rowsOf(text).rows[0].problems, undefined);
  });

  it('never throws on junk, and every code it gives is 4 upper-case hex digits', () => {
    for (const { text } of junkTexts()) {
      for (const row of rowsOf(text).rows) {
        for (const c of [...row.input, ...row.output, ...(row.lsbInput ?? [])]) assert.match(c.code, /^[0-9A-F]{4}$/);
      }
    }
  });
});
