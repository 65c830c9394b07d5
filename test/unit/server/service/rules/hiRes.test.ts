/** `hires-lsb-collision` and `hires-cc-range`: 14-bit controls (docs/format.md#14-bit-controls). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles, writtenByRekordbox } from '../../../../helpers/fixtures';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W } = DiagnosticSeverity;
const CODES = ['hires-lsb-collision', 'hires-cc-range'];


const hiRes = (name: string, base: string, ...decks: string[]) =>
  row({ 0: name, 2: 'KnobSliderHiRes', 3: base, ...Object.fromEntries(decks.map((d, i) => [4 + i, d])) });

describe('hires-lsb-collision', () => {
  it('errs on a row that receives another function’s implied LSB (CC n+32), with related information to the HiRes row', () => {
    const source = FACTORY_HEAD + hiRes('ChannelFader', 'B013', '0', '1') + '\n' + 'EQHigh,,KnobSlider,[[B033]],,,,,,,,,,,';
    const [d] = expectDiagnostics(source, [['hires-lsb-collision', E]]);
    assert.equal(
      d.message,
      'B033 is the fine half (LSB, CC 19+32) of the 14-bit control on B013 (ChannelFader, line 3): moving that control also sends B033, ' +
        'so Rekordbox fires EQHigh from it or never lets it reach this row. Use another code, or make ChannelFader a 7-bit KnobSlider.',
    );
    assert.deepEqual(d.data, { code: 'B033', msb: 'B013', msbLine: 2 });
    assert.deepEqual(
      d.relatedInformation?.map(r => [r.location.uri, r.location.range.start.line, r.location.range.start.character, r.message]),
      [['file:///test.midi.csv', 2, 35, 'ChannelFader: KnobSliderHiRes on B013 (deck 1), fine value on B033']],
    );
  });

  it('checks every deck: deck 2’s LSB is on channel 2', () => {
    const source = FACTORY_HEAD + hiRes('ChannelFader', 'B013', '0', '1') + '\n' + 'EQHigh,,KnobSlider,,B007,[[B133]],,,,,,,,,';
    const [d] = expectDiagnostics(source, [['hires-lsb-collision', E]]);
    assert.match(d.message, /^B133 on deck 2 is the fine half .* on B113 \(ChannelFader, line 3\)/);
  });

  it('warns when the LSB row carries the same function (the 16-field SX file’s TempoSlider): one reading makes it only redundant', () => {
    const source = FACTORY_HEAD + hiRes('TempoSlider', 'B000', '0', '1') + '\n' + 'TempoSlider,TempoSlider+Shift,KnobSlider,B020,[[0]],[[1]],,,,,,,,,';
    const [d] = expectDiagnostics(source, [
      ['hires-lsb-collision', W],
      ['hires-lsb-collision', W],
    ]);
    assert.match(d.message, /the HiRes row already reads this fine value/);
  });

  it('warns when the HiRes row assigns nothing: the hardware still sends the LSB', () => {
    const source = FACTORY_HEAD + hiRes('#', 'B013') + '\n' + 'EQHigh,,KnobSlider,[[B033]],,,,,,,,,,,';
    const [d] = expectDiagnostics(source, [['hires-lsb-collision', W]]);
    assert.match(d.message, /no function assigned/);
  });

  it('errs when any HiRes owner of the LSB carries another function', () => {
    const source = FACTORY_HEAD + [hiRes('EQHigh', 'B013'), hiRes('ChannelFader', 'B013')].join('\n') + '\n' + 'EQHigh,,KnobSlider,[[B033]],,,,,,,,,,,';
    const [d] = expectDiagnostics(source, [['hires-lsb-collision', E]], {}, ['hires-lsb-collision']);
    assert.match(d.message, /\(ChannelFader, line 4\)/);
    assert.equal(d.relatedInformation?.length, 2);
  });

  it('leaves alone: other channels, rows that assign nothing, output-only rows, MIDI OUT, notes, the MSB itself', () => {
    const rows = [
      hiRes('ChannelFader', 'B013', '0', '1'),
      row({ 0: 'EQHigh', 2: 'KnobSlider', 3: 'B233' }), // channel 3: no deck 3 on the HiRes row
      row({ 0: 'EQMid', 2: 'KnobSlider', 3: 'B034' }), // CC 52, not 51
      row({ 0: '#', 2: 'KnobSlider', 3: 'B033' }),
      row({ 0: '#EQLow', 2: 'KnobSlider', 3: 'B033' }),
      row({ 0: 'NoFunction', 2: 'KnobSlider', 3: 'B033' }),
      row({ 0: 'LoadedIndicator', 2: 'Indicator', 8: 'B033' }),
      row({ 0: 'PlayPause', 2: 'Button', 3: '9033', 8: 'B033' }),
      row({ 0: 'Cue', 2: 'Button', 3: '900C', 8: 'B133' }),
    ];
    expectDiagnostics(FACTORY_HEAD + rows.join('\n'), []);
  });

  it('stays linear: 2,000 HiRes rows on one CC and 2,000 rows on its LSB name at most 10 related rows each', () => {
    const rows = [
      ...Array.from({ length: 2000 }, () => hiRes('ChannelFader', 'B013')),
      ...Array.from({ length: 2000 }, () => row({ 0: 'EQHigh', 2: 'KnobSlider', 3: 'B033' })),
    ];
    const start = Date.now();
    const diagnostics = computeDiagnostics(parseMapping(FACTORY_HEAD + rows.join('\n')), { maxDiagnostics: 10_000 }).filter(
      d => d.code === 'hires-lsb-collision',
    );
    assert.equal(diagnostics.length, 2000);
    assert.ok(diagnostics.every(d => d.relatedInformation!.length === 10 && d.severity === E));
    assert.ok(Date.now() - start < 5000, 'took too long');
  });
});

describe('hires-cc-range', () => {
  it('warns on a KnobSliderHiRes on CC 32–63 (an LSB), once on the base cell, naming the MSB', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'TempoSlider,,KnobSliderHiRes,[[B020]],0,1,2,3,,,,,,,', [['hires-cc-range', W]]);
    assert.deepEqual(d.data, { cc: 32, msbCode: 'B000' });
    assert.match(d.message, /CC 32 is itself the fine half of CC 0: a KnobSliderHiRes row on B000 reads both halves/);
  });

  it('warns on CC 64 and above: no 14-bit partner', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'Browse,,KnobSliderHiRes,,[[B640]],[[B741]],,,,,,,,,', [
      ['hires-cc-range', W],
      ['hires-cc-range', W],
    ]);
    assert.deepEqual(d.data, { cc: 64 });
    assert.match(d.message, /no 14-bit partner/);
  });

  it('accepts CC 0–31, and leaves rows that assign nothing alone', () => {
    const rows = [hiRes('TempoSlider', 'B000', '0', '1'), hiRes('ChannelFader', 'B01F'), hiRes('#', 'B040'), hiRes('NoFunction', 'B050')];
    expectDiagnostics(FACTORY_HEAD + rows.join('\n'), []);
  });

  it('leaves a HiRes row on a note to type-mismatch', () => {
    expectDiagnostics(FACTORY_HEAD + 'TempoSlider,,[[KnobSliderHiRes]],9040,,,,,,,,,,,', [['type-mismatch', W]]);
  });
});

describe('14-bit rules on real files', () => {
  for (const f of corpusFiles()) {
    if (f.file === 'handmade-DDJ-SX-16-fields.midi.csv') continue;
    it(`nothing on ${f.file} (${f.kind})`, () => {
      const found = computeDiagnostics(parseMapping(f.text)).filter(d => CODES.includes(String(d.code)));
      assert.deepEqual(found.map(d => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    });
  }

  it('the 16-field SX file: its TempoSlider row on B020 (CC 32) is the LSB of its B000 row, same function: warnings only', () => {
    const f = corpusFiles().find(c => c.file === 'handmade-DDJ-SX-16-fields.midi.csv')!;
    const found = computeDiagnostics(parseMapping(f.text)).filter(d => CODES.includes(String(d.code)));
    assert.deepEqual(
      found.map(d => [d.range.start.line + 1, d.code, d.severity, (d.data as { code?: string }).code]),
      [
        [23, 'hires-cc-range', W, undefined],
        [23, 'hires-lsb-collision', W, 'B020'],
        [23, 'hires-lsb-collision', W, 'B120'],
        [23, 'hires-lsb-collision', W, 'B220'],
        [23, 'hires-lsb-collision', W, 'B320'],
      ],
    );
    assert.ok(writtenByRekordbox(f) === false);
  });
});
