/** `identical-rows`: the same mapping row written twice (see docs/diagnostics.md). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics, DiagnosticsOptions } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Warning: W, Error: E } = DiagnosticSeverity;
const CODE = 'identical-rows';
const ON: DiagnosticsOptions = { ruleSeverities: { [CODE]: 'warning' } };


const PLAY = 'PlayPause,PlayPause,Button,900B,0,1,2,3,900B,0,1,2,3,Fast;Priority=50,Play/Pause';

describe('identical-rows', () => {
  it('is on by default, and can be turned off', () => {
    expectDiagnostics(FACTORY_HEAD + PLAY + '\n[[' + PLAY + ']]', [[CODE, W]]);
    expectDiagnostics(FACTORY_HEAD + PLAY + '\n' + PLAY, [], { ruleSeverities: { [CODE]: 'off' } });
  });

  it('when on: warns on each later copy (its 15 columns), pointing at the first', () => {
    const diagnostics = expectDiagnostics(FACTORY_HEAD + [PLAY, row({ 0: 'Cue', 2: 'Button', 3: '900C' }), `[[${PLAY}]]`, `[[${PLAY}]]`].join('\n'), [
      [CODE, W],
      [CODE, W],
    ], ON);
    assert.equal(diagnostics[0].message, 'Same row as line 3 (PlayPause): Rekordbox reads this mapping twice. Delete one of them.');
    assert.deepEqual(diagnostics[1].data, { firstLine: 2 });
    assert.deepEqual(
      diagnostics[1].relatedInformation?.map(r => [r.location.uri, r.location.range.start.line, r.location.range.end.character, r.message]),
      [['file:///test.midi.csv', 2, PLAY.length, 'first written here']],
    );
  });

  it('when on: compares trimmed cells, hex codes in any case, options as a set, and ignores padding past column 15', () => {
    const respelt = ' PlayPause ,PlayPause,Button,900b,0,1,2,3,900B,0,1,2,3,Priority=50;Fast;,Play/Pause ';
    expectDiagnostics(FACTORY_HEAD + [PLAY, `[[${respelt}]]`, `[[${PLAY}]][[,,,]]`].join('\n'), [
      [CODE, W],
      [CODE, W],
      ['field-count', W],
    ], ON, [CODE, 'field-count']);
  });

  it('when on: leaves alone rows that differ (a code, the label, the comment) and comment or placeholder rows', () => {
    const rows = [
      PLAY,
      PLAY.replace('900B,0,1,2,3,900B', '900C,0,1,2,3,900B'), // Xone:4D-style: one function on two codes
      PLAY.replace('PlayPause,PlayPause,', 'PlayPause,PlayPause+Shift,'),
      PLAY.replace('Play/Pause', 'second deck set'),
      '#,,,,,,,,,,,,,, === notes ===',
      '#,,,,,,,,,,,,,, === notes ===',
      'Browse,,,,,,,,,,,,,,',
      'Browse,,,,,,,,,,,,,,',
    ];
    expectDiagnostics(FACTORY_HEAD + rows.join('\n'), [], ON, [CODE]);
  });

  it('can be an error when asked', () => {
    expectDiagnostics(FACTORY_HEAD + PLAY + '\n[[' + PLAY + ']]', [[CODE, E]], { ruleSeverities: { [CODE]: 'error' } });
  });

  it('stays linear: 5,000 copies of one row', () => {
    const start = Date.now();
    const diagnostics = computeDiagnostics(parseMapping(FACTORY_HEAD + Array(5000).fill(PLAY).join('\n')), { ...ON, maxDiagnostics: 10_000 });
    assert.equal(diagnostics.length, 4999);
    assert.ok(Date.now() - start < 5000);
  });

  describe('real files (rule on)', () => {
    for (const f of corpusFiles()) {
      it(f.file, () => {
        const found = computeDiagnostics(parseMapping(f.text), ON).filter(d => d.code === CODE);
        // The FLX6 edit repeats `MFXSampleVolume,,RotaryAsKnob,,…` (no codes) on lines 141 and 146.
        const expected = f.file === 'edited-DDJ-FLX6-19-fields.midi.csv' ? [[146, 141]] : [];
        assert.deepEqual(
          found.map(d => [d.range.start.line + 1, (d.data as { firstLine: number }).firstLine + 1]),
          expected,
        );
      });
    }
  });
});
