import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultCatalog, FunctionCatalog } from '../../../../../server/src/service/catalog/functionCatalog';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles, writtenByRekordbox } from '../../../../helpers/fixtures';
import { EXPORT_HEAD, FACTORY_HEAD, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Warning: W } = DiagnosticSeverity;

function unknownFunctions(text: string, catalog?: FunctionCatalog): Diagnostic[] {
  return computeDiagnostics(parseMapping(text), { uri: 'file:///test.midi.csv', catalog }).filter(d => d.code === 'unknown-function');
}

function one(name: string): Diagnostic {
  const found = unknownFunctions(FACTORY_HEAD + row({ 0: name, 2: 'Button', 3: '9000' }));
  assert.equal(found.length, 1, name);
  return found[0];
}

const suggestionsOf = (d: Diagnostic) => (d.data as { suggestions: string[] }).suggestions;

/** unknown-function warnings per corpus file before the family-aware catalog: the count may only go down. */
const BEFORE: Record<string, number> = {
  'edited-DDJ-FLX6-19-fields.midi.csv': 0,
  'export-DDJ-FLX4.midi.csv': 0,
  'export-LPD8-mk2.midi.csv': 0,
  'export-NEON-Bridge.midi.csv': 0,
  'export-PartySaver.midi.csv': 0,
  'export-RB-MIDI-Bluetooth.midi.csv': 0,
  'export-Xone-4D.midi.csv': 0,
  'factory-DDJ-FLX10.midi.csv': 0,
  'factory-DDJ-GRV6.midi.csv': 0,
  'factory-DDJ-SX.midi.csv': 0,
  'handmade-Codex-Performer.midi.csv': 0,
  'handmade-DDJ-SX-16-fields.midi.csv': 0,
  'handmade-supplemental-template.midi.csv': 0,
};

describe('unknown-function', () => {
  describe('real files', () => {
    for (const f of corpusFiles()) {
      it(`${f.file}: no more unknown-function warnings than before (${BEFORE[f.file]})`, () => {
        assert.ok(f.file in BEFORE, `${f.file} is new: add its count to BEFORE`);
        const found = unknownFunctions(f.text);
        assert.ok(found.length <= BEFORE[f.file], found.map(d => d.message).join('\n'));
      });
      if (writtenByRekordbox(f)) {
        it(`${f.file} (${f.kind}): every function name is in the catalog`, () => {
          assert.deepEqual(unknownFunctions(f.text).map(d => d.message), []);
          for (const r of parseMapping(f.text).mappingRows) {
            if (r.functionState === 'assigned') assert.ok(defaultCatalog.has(r.functionName), r.functionName);
          }
        });
      }
    }
  });

  it('is a warning, on the function cell, with suggestions a quick fix can use', () => {
    const text = FACTORY_HEAD + 'PlayPuase,PlayPause,Button,900B,0,1,,,,,,,,,';
    const [d] = unknownFunctions(text);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
    assert.deepEqual(suggestionsOf(d), ['PlayPause']);
    assert.equal(d.message, "Unknown function 'PlayPuase': no Rekordbox file seen so far uses it (there is no official list). Did you mean 'PlayPause'?");
  });

  it('never warns on a family member no file spells out', () => {
    const names = [
      'PAD13_PadMode7+Shift',
      'PAD13_HotCue+Shift',
      'PAD16_Slicer',
      'PAD9_VelocitySampler+Velocity',
      'FX2Assign.SAMPLER',
      'Parameter2Left_KeyShift',
    ];
    const text = EXPORT_HEAD + names.map((n, i) => row({ 0: n, 2: 'Pad', 3: `97${(i + 16).toString(16)}` })).join('\n');
    assert.deepEqual(unknownFunctions(text).map(d => d.message), []);
  });

  it('says pads are 1–16 for PAD17_HotCue and offers the nearest pads', () => {
    const d = one('PAD17_HotCue');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /^Unknown function 'PAD17_HotCue': it looks like PAD1\.\.16_HotCue\[\+Shift\], but pads are 1–16\. Did you mean 'PAD16_HotCue'/);
    assert.equal(suggestionsOf(d)[0], 'PAD16_HotCue');
  });

  it('says names are case-sensitive and offers the one spelling', () => {
    const d = one('Pad1_hotcue');
    assert.match(d.message, /names are case-sensitive: Rekordbox writes 'PAD1_HotCue'\. Did you mean 'PAD1_HotCue'\?$/);
    assert.deepEqual(suggestionsOf(d), ['PAD1_HotCue']);
    assert.deepEqual(suggestionsOf(one('playpause')), ['PlayPause']);
  });

  it('names the effects seen for an unknown effect', () => {
    const d = one('FX1-1Select.BITCRUSH');
    assert.match(d.message, /'BITCRUSH' is not one of the effects seen \(DELAY, ECHO, /);
  });

  it('warns on invented names, with the real name when one is close', () => {
    assert.equal(suggestionsOf(one('HighEQ'))[0], 'EQHigh');
    assert.ok(suggestionsOf(one('HotCue1')).includes('PAD1_HotCue'));
    const far = one('FilterKnob');
    assert.deepEqual(suggestionsOf(far), []);
    assert.doesNotMatch(far.message, /Did you mean/);
  });

  it('leaves #, #Name and NoFunction alone', () => {
    const text = FACTORY_HEAD + ['#', '#WhateverDisabled', 'NoFunction', ''].map((f, i) => row({ 0: f, 2: 'Button', 3: `90${10 + i}` })).join('\n');
    assert.deepEqual(unknownFunctions(text), []);
  });

  it('uses the catalog it is given', () => {
    const empty = new FunctionCatalog([]);
    const [d] = unknownFunctions(FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), empty);
    assert.deepEqual(suggestionsOf(d), []);
  });

  it('warns on an unknown function with "did you mean", but not on #, #Name, NoFunction', () => {
    const source =
      FACTORY_HEAD +
      '[[PlayPuase]],,Button,900B,,,,,,,,,,,\n' +
      ['#', '#WhateverDisabled', 'NoFunction'].map((f, i) => row({ 0: f, 2: 'Button', 3: `90${10 + i}` })).join('\n');
    const [d] = expectDiagnostics(source, [['unknown-function', W]]);
    assert.match(d.message, /Did you mean 'PlayPause'/);
    assert.deepEqual((d.data as { suggestions: string[] }).suggestions[0], 'PlayPause');
  });
});
