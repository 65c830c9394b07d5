import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCode } from '../../../../../server/src/service/midi/midiCode';
import { columnAt, inputCodesOf, MappingRow, optionsOf, outputCodesOf, parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { EXPORT_HEAD, FACTORY_HEAD, row } from '../../../../helpers/markers';

const firstRow = (text: string): MappingRow => parseMapping(text).mappingRows[0];
const deckCodes = (codes: { deck: number; code: number }[]) => codes.map(c => `${c.deck}:${formatCode(c.code)}`);

describe('mapping model', () => {
  it('reads the device name and the factory dialect from the header row', () => {
    const model = parseMapping(FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }));
    assert.equal(model.deviceName, 'Test Device');
    assert.equal(model.dialect, 'factory');
    assert.equal(model.headerRow?.line.line, 1);
    assert.equal(model.mappingRows.length, 1);
  });

  it('takes a file without a header row for the EXPORT dialect', () => {
    const model = parseMapping(EXPORT_HEAD + row({ 0: 'PlayPause', 2: 'Button', 4: '900B' }));
    assert.equal(model.dialect, 'export');
    assert.equal(model.headerRow, undefined);
  });

  it('knows section rows, separator rows and empty lines, and which section each row is in', () => {
    const text =
      FACTORY_HEAD +
      ',,,,,,,,,,,,,,\n# Browser,,,,,,,,,,,,,,\n' +
      row({ 0: 'Browse', 3: 'B640' }) +
      '\n\n# Deck,,,,,,,,,,,,,,\n' +
      row({ 0: 'Cue', 3: '900C' });
    const model = parseMapping(text);
    assert.deepEqual(
      model.rows.map(r => r.kind),
      ['file', 'header', 'separator', 'section', 'mapping', 'empty', 'section', 'mapping'],
    );
    assert.deepEqual(
      model.sections.map(s => [s.name, s.row.line.line, s.endLine]),
      [
        ['Browser', 3, 4],
        ['Deck', 6, 7],
      ],
    );
    assert.deepEqual(
      model.mappingRows.map(r => model.sections[r.section].name),
      ['Browser', 'Deck'],
    );
  });

  it('tells assigned functions from #, #Name, NoFunction and empty', () => {
    const model = parseMapping(
      EXPORT_HEAD + ['PlayPause', '#', '#JogScratch', 'NoFunction', ''].map(f => row({ 0: f, 2: 'Button', 3: '900B' })).join('\n'),
    );
    assert.deepEqual(
      model.mappingRows.map(r => [r.functionState, r.baseFunctionName]),
      [
        ['assigned', 'PlayPause'],
        ['none', '#'],
        ['disabled', 'JogScratch'],
        ['noFunction', 'NoFunction'],
        ['empty', ''],
      ],
    );
  });

  describe('codes each deck receives (docs/format.md, codes per deck)', () => {
    it('base code plus a channel per deck: 900B,0,1,2,3', () => {
      const r = firstRow(row({ 0: 'PlayPause', 3: '900B', 4: '0', 5: '1', 6: '2', 7: '3', 8: '900B', 9: '0', 10: '1', 11: '2', 12: '3' }));
      assert.deepEqual(deckCodes(inputCodesOf(r)), ['1:900B', '2:910B', '3:920B', '4:930B']);
      assert.deepEqual(deckCodes(outputCodesOf(r)), ['1:900B', '2:910B', '3:920B', '4:930B']);
    });

    it('pads on channels 7, 9, 11, 13: 9700 9900 9B00 9D00', () => {
      const r = firstRow(row({ 0: 'PAD1_HotCue', 3: '9000', 4: '7', 5: '9', 6: '11', 7: '13' }));
      assert.deepEqual(deckCodes(inputCodesOf(r)), ['1:9700', '2:9900', '3:9B00', '4:9D00']);
    });

    it('channels need not be in order: 2,3,0,1', () => {
      const r = firstRow(row({ 0: 'X', 3: '900B', 4: '2', 5: '3', 6: '0', 7: '1' }));
      assert.deepEqual(deckCodes(inputCodesOf(r)), ['1:920B', '2:930B', '3:900B', '4:910B']);
    });

    it('adds the deck channel to a non-zero base channel (942E with 2,3,0,1)', () => {
      const r = firstRow(row({ 0: 'X', 3: '942E', 4: '2', 5: '3', 6: '0', 7: '1' }));
      assert.deepEqual(deckCodes(inputCodesOf(r)), ['1:962E', '2:972E', '3:942E', '4:952E']);
    });

    it('empty base and a full code per deck: ,9646,9647,9648,9649', () => {
      const r = firstRow(row({ 0: 'Load', 4: '9646', 5: '9647', 6: '9648', 7: '9649' }));
      assert.deepEqual(deckCodes(inputCodesOf(r)), ['1:9646', '2:9647', '3:9648', '4:9649']);
    });

    it('a base code alone serves every deck (deck 0)', () => {
      const r = firstRow(row({ 0: 'Browse', 3: 'B640' }));
      assert.deepEqual(deckCodes(inputCodesOf(r)), ['0:B640']);
    });

    it('gives no code for a channel past 15, a channel without base, or a bad cell', () => {
      const r = firstRow(row({ 0: 'X', 3: '9F0B', 4: '1', 5: 'zz' }));
      assert.deepEqual(deckCodes(inputCodesOf(r)), []);
      assert.deepEqual(deckCodes(inputCodesOf(firstRow(row({ 0: 'X', 4: '1' })))), []);
    });

    it('cuts a 6-hex MIDI OUT code to its first 4 digits, as Rekordbox does', () => {
      assert.deepEqual(deckCodes(outputCodesOf(firstRow(row({ 0: 'X', 8: '900B7F' })))), ['0:900B']);
      assert.deepEqual(deckCodes(inputCodesOf(firstRow(row({ 0: 'X', 3: '900B7F' })))), []);
    });
  });

  it('parses options with their ranges, with and without a trailing ;', () => {
    const text = row({ 0: 'Cue', 13: 'Fast;Blink=500;Priority=50;' });
    const r = firstRow(text);
    assert.deepEqual(
      optionsOf(r).map(o => [o.name, o.value, text.slice(o.start, o.end)]),
      [
        ['Fast', undefined, 'Fast'],
        ['Blink', '500', 'Blink=500'],
        ['Priority', '50', 'Priority=50'],
      ],
    );
  });

  it('finds the column under a character; a comma belongs to the field before it', () => {
    const r = firstRow('PlayPause,PlayPause,Button,900B');
    assert.equal(columnAt(r, 0), 0);
    assert.equal(columnAt(r, 9), 0);
    assert.equal(columnAt(r, 10), 1);
    assert.equal(columnAt(r, 27), 3);
  });

  it('picks the line ending most lines use, CRLF for a new file', () => {
    assert.equal(parseMapping('a\nb\nc\r\n').lineEnding, '\n');
    assert.equal(parseMapping('a\r\nb\r\n').lineEnding, '\r\n');
    assert.equal(parseMapping('a').lineEnding, '\r\n');
  });

  for (const f of corpusFiles()) {
    it(`reads ${f.file}: device "${f.device}"`, () => {
      const model = parseMapping(f.text);
      assert.equal(model.deviceName, f.device);
      assert.equal(model.dialect, f.kind === 'Rekordbox EXPORT' ? 'export' : 'factory');
      assert.ok(model.mappingRows.length > 0);
    });
  }
});

describe('a byte order mark', () => {
  it('still leaves line 1 the @file line (the BOM itself is a non-ascii warning, not a file-line error)', async () => {
    const { computeDiagnostics } = await import('../../../../../server/src/service/features/diagnostics');
    const model = parseMapping('\uFEFF@file,1,X\r\n' + row({ 0: 'Cue', 2: 'Button', 3: '900C' }));
    assert.equal(model.deviceName, 'X');
    assert.deepEqual(computeDiagnostics(model).map(d => d.code), ['non-ascii']);
  });
});
