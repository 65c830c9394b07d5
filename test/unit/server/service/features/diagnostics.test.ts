/**
 * The runner: every rule over a model, the cap, and whole-corpus checks. Each rule's own cases are in
 * test/unit/server/service/rules/<rule>.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles, writtenByRekordbox } from '../../../../helpers/fixtures';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';

const { Error: E } = DiagnosticSeverity;

function diagnose(text: string): Diagnostic[] {
  return computeDiagnostics(parseMapping(text), { uri: 'file:///test.midi.csv' });
}


describe('diagnostics', () => {
  it('caps the number of diagnostics and says how many were left out', () => {
    const rows = Array.from({ length: 50 }, () => row({ 0: 'Cue', 2: 'Button', 3: 'ZZZZ' }));
    const diagnostics = computeDiagnostics(parseMapping(FACTORY_HEAD + rows.join('\n')), { maxDiagnostics: 10, ruleSeverities: { 'identical-rows': 'off' } });
    assert.equal(diagnostics.length, 10);
    assert.equal(diagnostics[9].code, 'too-many-problems');
    assert.match(diagnostics[9].message, /^41 more problems/);
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
  });
});
