/** `type-mismatch` and `input-on-indicator`: types that do not fit their codes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics, DiagnosticsOptions } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { EXPORT_HEAD, FACTORY_HEAD, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Warning: W, Information: I } = DiagnosticSeverity;
const CODES = ['type-mismatch', 'input-on-indicator'];
const INDICATOR_ON: DiagnosticsOptions = { ruleSeverities: { 'input-on-indicator': 'warning' } };


describe('type-mismatch', () => {
  it('warns on a KnobSlider on a note, on the type cell, naming the note', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'ChannelFader,,[[KnobSlider]],9F29,,,,,,,,,,,', [['type-mismatch', W]]);
    assert.equal(
      d.message,
      'KnobSlider reads a value that moves (a control change), but 9F29 is a note (note on, ch 16, note 41 (F2)): a note only says pressed or released. ' +
        "Use Button for a note, or the control's CC code (Bn…).",
    );
    assert.deepEqual(d.data, { kind: 'continuous-on-note', codes: ['9F29'] });
  });

  it('checks every continuous type and every deck, note off (8x) included', () => {
    const rows = ['Rotary', 'KnobSliderHiRes', 'JogRotate', 'RotaryAsKnob', 'Difference'].map(
      (type, i) => `JogScratch,,[[${type}]],,B00${i},80${i}1,,,,,,,,,`,
    );
    const diagnostics = expectDiagnostics(FACTORY_HEAD + rows.join('\n'), rows.map(() => ['type-mismatch', W] as [string, DiagnosticSeverity]));
    assert.deepEqual(diagnostics[0].data, { kind: 'continuous-on-note', codes: ['8001'] });
  });

  it('leaves alone what real files do: Button on a CC, JogTouch, Value and Pad on notes, rows that assign nothing', () => {
    const rows = [
      row({ 0: 'PlayPause', 2: 'Button', 3: 'BF10', 8: 'BF10' }), // Xone:4D EXPORT
      row({ 0: 'JogTouch', 2: 'JogTouch', 3: '9036', 4: '0', 5: '1' }),
      row({ 0: 'JogJogCutterScratch', 2: 'Value', 3: '9028', 8: '9028' }),
      row({ 0: 'PAD1_HotCue', 2: 'Pad', 3: '9700' }),
      row({ 0: 'ChannelFader', 2: 'KnobSlider', 3: 'B013' }),
      row({ 0: 'NoFunction', 2: 'KnobSlider', 3: '9F29', 13: 'Fast;' }), // PartySaver EXPORT
      row({ 0: '#JogScratch', 2: 'JogRotate', 3: '9022' }),
      row({ 0: '#', 2: 'Rotary', 3: '9023' }),
      row({ 0: 'FailSafeState', 3: '967E', 13: 'RO' }), // an empty type (GRV6)
    ];
    expectDiagnostics(FACTORY_HEAD + rows.join('\n'), []);
  });

  it('warns on a Parameter row without an FFFx code: on its MIDI IN cell, or on the type when MIDI IN is empty', () => {
    const source =
      FACTORY_HEAD + 'JogRatency,JogRatency,Parameter,[[900B]],,,,,,,,,,Value=4,\nMidiOutInterval,MidiOutInterval,[[Parameter]],,,,,,,,,,,Value=2,';
    const [d] = expectDiagnostics(source, [
      ['type-mismatch', W],
      ['type-mismatch', W],
    ]);
    assert.match(d.message, /900B is a MIDI message/);
    assert.deepEqual(d.data, { kind: 'parameter-without-code' });
  });

  it('warns on an FFFx code on a row that is not a Parameter, in any code cell', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'PlayPause,,Button,[[FFF1]],,,,,900B,,[[fff2]],,,,', [
      ['type-mismatch', W],
      ['type-mismatch', W],
    ]);
    assert.deepEqual(d.data, { kind: 'parameter-code', code: 'FFF1' });
    assert.match(d.message, /This row is a Button\.$/);
  });

  it('accepts the factory Parameter rows', () => {
    const rows = [
      'JogIndicatorInterval,JogIndicatorInterval,Parameter,FFF1,,,,,,,,,,Value=12,',
      'JogRatency,JogRatency,Parameter,FFF2,,,,,,,,,,Value=4,unused',
    ];
    expectDiagnostics(FACTORY_HEAD + rows.join('\n'), []);
  });

  it('can be set to another level', () => {
    expectDiagnostics(EXPORT_HEAD + 'ChannelFader,,[[KnobSlider]],9F29,,,,,,,,,,,', [['type-mismatch', I]], {
      ruleSeverities: { 'type-mismatch': 'information' },
    });
    expectDiagnostics(EXPORT_HEAD + 'ChannelFader,,KnobSlider,9F29,,,,,,,,,,,', [], { ruleSeverities: { 'type-mismatch': 'off' } });
  });
});

describe('input-on-indicator', () => {
  it('is on by default, and can be turned off', () => {
    expectDiagnostics(FACTORY_HEAD + row({ 0: 'LoadedIndicator', 2: 'Indicator', 3: '[[900B]]' }), [['input-on-indicator', W]]);
    expectDiagnostics(FACTORY_HEAD + row({ 0: 'LoadedIndicator', 2: 'Indicator', 3: '900B' }), [], { ruleSeverities: { 'input-on-indicator': 'off' } });
  });

  it('when on: an Indicator with MIDI IN and no MIDI OUT should have its code in MIDI OUT (range: the MIDI IN cells)', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'LoadedIndicator,,Indicator,[[900B,0,1]],,,,,,,,,', [['input-on-indicator', W]], INDICATOR_ON);
    assert.deepEqual(d.data, { kind: 'move-to-output' });
    assert.match(d.message, /belongs in MIDI OUT/);
  });

  it('when on: with MIDI OUT too, the MIDI IN code does nothing', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'JogPlayPauseIndicatorShort,,JogIndicator,,[[B060]],,,,B060,,,,,,', [['input-on-indicator', W]], INDICATOR_ON);
    assert.deepEqual(d.data, { kind: 'unused' });
  });

  it('when on: leaves Indicators with MIDI OUT only, Parameters, and rows that assign nothing alone', () => {
    const rows = [
      row({ 0: 'LoadedIndicator', 2: 'Indicator', 8: '900B', 9: '0', 10: '1' }),
      row({ 0: 'JogIndicatorInterval', 2: 'Parameter', 3: 'FFF1', 13: 'Value=12' }),
      row({ 0: '#', 2: 'Indicator', 3: '9010' }),
    ];
    expectDiagnostics(FACTORY_HEAD + rows.join('\n'), [], INDICATOR_ON);
  });
});

describe('type rules on real files', () => {
  for (const f of corpusFiles()) {
    it(`nothing on ${f.file} (${f.kind}), input-on-indicator included`, () => {
      const found = computeDiagnostics(parseMapping(f.text), INDICATOR_ON).filter(d => CODES.includes(String(d.code)));
      assert.deepEqual(found.map(d => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    });
  }
});
