import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles, writtenByRekordbox } from '../../../../helpers/fixtures';
import { FACTORY_HEAD, marked, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W } = DiagnosticSeverity;

function diagnose(text: string): Diagnostic[] {
  return computeDiagnostics(parseMapping(text), { uri: 'file:///test.midi.csv' });
}


describe('diagnostics', () => {
  describe('file-line', () => {
    it('reports a missing @file line on the first cell', () => {
      expectDiagnostics('[[PlayPause]],,Button,900B,,,,,,,,,,,', [['file-line', E]]);
    });

    it('reports a missing device name', () => {
      expectDiagnostics('@file,1,[[]]\n', [['file-line', E]]);
    });

    it('reports a @file line with no version or device', () => {
      expectDiagnostics('[[@file]]\n', [['file-line', E]]);
    });

    it('warns on a version other than 1', () => {
      expectDiagnostics('@file,[[2]],X\n', [['file-line', W]]);
    });

    it('accepts padding after the device name but not text', () => {
      expectDiagnostics('@file,1,X,,,,,,,,,,,,\n', []);
      expectDiagnostics('@file,1,X,[[Y]]\n', [['file-line', W]]);
    });

    it('reports an empty text as a missing @file line', () => {
      expectDiagnostics('[[]]', [['file-line', E]]);
    });
  });

  describe('field-count', () => {
    it('reports a row whose extra field holds text (shifted columns) as an error on the extra fields', () => {
      const source = FACTORY_HEAD + 'PAD1_HotCue,PAD1.HotCue.Call,Pad,9000,7,8,,,,9000,7,8,,,[[,Shifted comment]]';
      const [d] = expectDiagnostics(source, [['field-count', E]]);
      assert.match(d.message, /16 fields.*'Shifted comment'.*shifted/);
    });

    it('reports a whole file padded alike once, not on every row', () => {
      const pad = ',,,,';
      const text = ['@file,1,X' + ',,,,,,,,,,,,,,,,', '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment[[' + pad + ']]', row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }) + pad, row({ 0: 'Cue', 2: 'Button', 3: '900C' }) + pad].join('\r\n');
      const [d] = expectDiagnostics(text, [['field-count', W]]);
      assert.match(d.message, /Every row has 19 fields/);
    });

    it('warns on text in a padded file’s extra fields: Rekordbox ignores it', () => {
      const pad = ',,,,';
      const text = [FACTORY_HEAD.trimEnd() + pad, row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }) + '[[,,,,Note]]'].join('\n');
      const diagnostics = diagnose(marked(text).text);
      assert.deepEqual(
        diagnostics.map(d => [d.code, d.severity, d.range.start.line, d.data]),
        [
          ['field-count', W, 1, { kind: 'uniform-padding', fields: 19 }],
          ['field-count', W, 2, { kind: 'ignored-text', fields: 19 }],
        ],
      );
      assert.deepEqual(diagnostics[1].range, marked(text).ranges[0]);
    });

    it('warns on a single row padded with empty fields', () => {
      expectDiagnostics(FACTORY_HEAD + row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }) + '[[,,]]', [['field-count', W]]);
    });

    it('warns on a mapping row with fewer than 15 fields, from its last field on', () => {
      expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,[[900B]]', [['field-count', W]]);
    });

    it('leaves short separator rows and empty lines alone', () => {
      expectDiagnostics(FACTORY_HEAD + ',,,\n\n' + row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }), []);
    });
  });

  describe('code cells', () => {
    it('reports a code that is not 4 hex digits on its cell, naming the bad character', () => {
      const [d] = expectDiagnostics(FACTORY_HEAD + 'Sync,Sync,Button,[[90O8]],,,,,,,,,,,', [['bad-hex', E]]);
      assert.match(d.message, /'O' is not a hex digit/);
    });

    it('reports a code with too few digits', () => {
      const [d] = expectDiagnostics(FACTORY_HEAD + 'Sync,Sync,Button,[[900]],,,,,,,,,,,', [['bad-hex', E]]);
      assert.match(d.message, /3 digits/);
    });

    it('warns that a 6-hex MIDI OUT code is cut to 4, and errs on a 6-hex MIDI IN code', () => {
      expectDiagnostics(FACTORY_HEAD + 'Sync,Sync,Button,[[90587F]],,,,,[[90587F]],,,,,,', [
        ['bad-hex', E],
        ['long-code', W],
      ]);
    });

    it('accepts lower-case hex, as some real files have', () => {
      expectDiagnostics(FACTORY_HEAD + row({ 0: 'Sync', 2: 'Button', 3: '9058', 8: '9058' }).toLowerCase().replace('sync', 'Sync').replace('button', 'Button'), []);
    });
  });

  describe('deck cells', () => {
    it('reports a deck cell that is neither a channel 0–15 nor a 4-hex code', () => {
      expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,900B,0,[[16]],[[x]],9,,,,,,,', [
        ['bad-deck', E],
        ['bad-deck', E],
      ]);
    });

    it('reports base channel + deck channel past 15 on the deck cell', () => {
      const [d] = expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,9E0B,0,1,[[2]],[[3]],,,,,,,', [
        ['channel-overflow', E],
        ['channel-overflow', E],
      ]);
      assert.match(d.message, /base channel 14 \+ deck channel 2 = 16/);
    });

    it('warns on a deck channel with no base code to apply it to', () => {
      expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,,[[0]],,,,,,,,,,', [['deck-without-base', W]]);
    });
  });

  it('warns on an unknown type with a suggestion, and accepts an empty type', () => {
    const [d] = expectDiagnostics(FACTORY_HEAD + 'Cue,Cue,[[Buton]],900C,,,,,,,,,,,\n' + row({ 0: 'FailSafeState', 3: '967E', 13: 'RO' }), [['unknown-type', W]]);
    assert.match(d.message, /did you mean 'Button'/);
  });

  describe('options', () => {
    it('warns on an unknown option and errs on bad values, each on its own option', () => {
      expectDiagnostics(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,Fast;[[Slow]];[[Priority=150]];[[Blink=fast]];[[Value=]];[[Fast=1]],', [
        ['unknown-option', W],
        ['bad-option-value', E],
        ['bad-option-value', E],
        ['bad-option-value', E],
        ['bad-option-value', E],
      ]);
    });

    it('errs on Min and Max values that are not whole numbers in 0–16383, saying why', () => {
      const found = expectDiagnostics(FACTORY_HEAD + 'NeedleSearch,,Value,B003,,,,,,,,,,RO;[[Min=-1]];[[Max=16384]];[[Min=1.5]];[[Max=]];Min=0;Max=72,', [
        ['bad-option-value', E],
        ['bad-option-value', E],
        ['bad-option-value', E],
        ['bad-option-value', E],
      ]);
      assert.deepEqual(
        found.map(d => d.message),
        ["Min needs a whole number, not '-1'.", 'Max must be between 0 and 16383, not 16384.', "Min needs a whole number, not '1.5'.", "'Max' needs a value: Max=N."],
      );
    });

    it('accepts every option real files use, with a trailing ;', () => {
      expectDiagnostics(FACTORY_HEAD + row({ 0: 'Cue', 2: 'Button', 3: '900C', 13: 'Fast;RO;Dual;Priority=100;Blink=1000;Value=2048;Min=1;Max=16383;' }), []);
    });
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

  describe('duplicate-code', () => {
    it('reports the same effective code on two functions on each cell, with related information', () => {
      const source =
        FACTORY_HEAD +
        'PlayPause,PlayPause,Button,900B,0,[[1]],,,,,,,,,\n' + // deck 2 receives 910B
        'Cue,Cue,Button,[[910B]],,,,,,,,,,,';
      const diagnostics = expectDiagnostics(source, [
        ['duplicate-code', E],
        ['duplicate-code', E],
      ]);
      assert.equal(
        diagnostics[0].message,
        '910B on deck 2 also triggers Cue (line 4): Rekordbox lets one MIDI code trigger only one function (910B = note on, ch 2, note 11 (B-1)).',
      );
      assert.deepEqual(
        diagnostics[1].relatedInformation?.map(r => [r.location.range.start.line, r.location.range.start.character, r.message]),
        [[2, 34, '910B also triggers PlayPause (deck 2)']],
      );
    });

    it('skips rows that assign nothing and output-only rows, and allows one function on several rows', () => {
      const rows = [
        row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }),
        row({ 0: 'PlayPause', 2: 'Button', 3: '900B', 14: 'second copy' }),
        row({ 0: '#', 2: 'Button', 3: '900B' }),
        row({ 0: '#JogScratch', 2: 'JogRotate', 3: '900B' }),
        row({ 0: 'NoFunction', 2: 'Button', 3: '900B' }),
        row({ 0: 'LoadedIndicator', 2: 'Indicator', 3: '[[900B]]' }),
        row({ 0: 'JogIndicatorInterval', 2: 'Parameter', 3: 'FFF1', 13: 'Value=12' }),
        row({ 0: 'JogRatency', 2: 'Parameter', 3: 'FFF1', 13: 'Value=4' }),
      ];
      // The Indicator's MIDI IN is reported by its own rule, never as a duplicate.
      expectDiagnostics(FACTORY_HEAD + rows.join('\n'), [['input-on-indicator', W]]);
    });

    it('treats note off (8x) and note on (9x) as different codes', () => {
      expectDiagnostics(FACTORY_HEAD + row({ 0: 'Cue', 2: 'Button', 4: '8F14' }) + '\n' + row({ 0: 'PlayPause', 2: 'Button', 4: '9F14' }), []);
    });

    it('stays linear: one code on 3,000 rows names at most 10 related rows per diagnostic', () => {
      const rows = Array.from({ length: 3000 }, (_, i) => row({ 0: i % 2 ? 'PlayPause' : 'Cue', 2: 'Button', 3: '900B' }));
      const diagnostics = computeDiagnostics(parseMapping(FACTORY_HEAD + rows.join('\n')), { maxDiagnostics: 10_000, ruleSeverities: { 'identical-rows': 'off' } });
      assert.equal(diagnostics.length, 3000);
      assert.ok(diagnostics.every(d => d.relatedInformation!.length === 10));
      assert.match(diagnostics[0].message, /and 1497 more/);
    });
  });

  it('caps the number of diagnostics and says how many were left out', () => {
    const rows = Array.from({ length: 50 }, () => row({ 0: 'Cue', 2: 'Button', 3: 'ZZZZ' }));
    const diagnostics = computeDiagnostics(parseMapping(FACTORY_HEAD + rows.join('\n')), { maxDiagnostics: 10, ruleSeverities: { 'identical-rows': 'off' } });
    assert.equal(diagnostics.length, 10);
    assert.equal(diagnostics[9].code, 'too-many-problems');
    assert.match(diagnostics[9].message, /^41 more problems/);
  });

  it('warns on quoted fields and errs on an unclosed quote', () => {
    expectDiagnostics(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,[["a comment"]]\nPlayPause,PlayPause,Button,900B,,,,,,,,,,,[["open comment]]', [
      ['quoted-field', W],
      ['quoted-field', E],
    ]);
  });

  it('survives any text: binary junk, a lone @, no newline, a huge line', () => {
    const junk = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    for (const text of [junk, '@', '@file', 'x'.repeat(100_000), ','.repeat(50_000), '"'.repeat(1001), '\r\n'.repeat(1000)]) {
      const diagnostics = diagnose(text);
      assert.ok(Array.isArray(diagnostics));
    }
  });

  describe('real files', () => {
    for (const f of corpusFiles()) {
      if (writtenByRekordbox(f)) {
        it(`no error on ${f.file} (${f.kind})`, () => {
          const errors = diagnose(f.text).filter(d => d.severity === E);
          assert.deepEqual(errors.map(d => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
        });
      }
    }

    it('errors on exactly the 8 shifted rows of the 16-field file, on the text past column 15', () => {
      const f = corpusFiles().find(c => c.file === 'handmade-DDJ-SX-16-fields.midi.csv')!;
      const errors = diagnose(f.text).filter(d => d.severity === E);
      const lines = f.text.split('\n');
      const shifted = lines.map((l, i) => [l, i] as const).filter(([l]) => l.split(',').length === 16).map(([, i]) => i);
      assert.equal(shifted.length, 8);
      assert.deepEqual(
        errors.map(d => [d.code, d.range.start.line]),
        shifted.map(i => ['field-count', i]),
      );
      for (const d of errors) {
        const line = lines[d.range.start.line];
        assert.equal(line.slice(d.range.start.character, d.range.end.character), ',DDJ-SX pad channels 8/9');
      }
    });

    it('reports the 19-field file’s padding once, and the one row with text in it', () => {
      const f = corpusFiles().find(c => c.file === 'edited-DDJ-FLX6-19-fields.midi.csv')!;
      const fieldCount = diagnose(f.text).filter(d => d.code === 'field-count');
      assert.deepEqual(
        fieldCount.map(d => [d.severity, d.range.start.line + 1, (d.data as { kind: string }).kind]),
        [
          [W, 2, 'uniform-padding'],
          [W, 40, 'ignored-text'],
        ],
      );
    });
  });
});
