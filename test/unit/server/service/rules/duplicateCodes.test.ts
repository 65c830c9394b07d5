/** `duplicate-code`: one MIDI code on two functions (docs/diagnostics.md#duplicate-code). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W } = DiagnosticSeverity;

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
    const diagnostics = computeDiagnostics(parseMapping(FACTORY_HEAD + rows.join('\n')), {
      maxDiagnostics: 10_000,
      ruleSeverities: { 'identical-rows': 'off' },
    });
    assert.equal(diagnostics.length, 3000);
    assert.ok(diagnostics.every(d => d.relatedInformation!.length === 10));
    assert.match(diagnostics[0].message, /and 1497 more/);
  });
});
