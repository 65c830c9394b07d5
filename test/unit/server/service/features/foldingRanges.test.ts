import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import { computeFoldingRanges } from '../../../../../server/src/service/features/foldingRanges';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { junkTexts } from '../../../../helpers/junk';
import { FACTORY_HEAD } from '../../../../helpers/markers';

describe('folding ranges', () => {
  it('folds each section from its row to its last non-empty row', () => {
    const text =
      FACTORY_HEAD + // lines 0-1
      '# Deck,,,,,,,,,,,,,,\n' + // 2
      'PlayPause,PlayPause,Button,900B,,,,,,,,,,,\n' + // 3
      'Cue,Cue,Button,900C,,,,,,,,,,,\n' + // 4
      ',,,,,,,,,,,,,,\n' + // 5
      '\n' + // 6
      '# Empty,,,,,,,,,,,,,,\n' + // 7
      ',,,,,,,,,,,,,,\n' + // 8
      '# Mixer,,,,,,,,,,,,,,\n' + // 9
      'EQHigh,EQHigh,KnobSlider,B007,,,,,,,,,,,\n' + // 10
      '\n'; // 11, 12
    assert.deepEqual(computeFoldingRanges(parseMapping(text)), [
      { startLine: 2, endLine: 4, kind: FoldingRangeKind.Region },
      { startLine: 9, endLine: 10, kind: FoldingRangeKind.Region },
    ]);
  });

  it('gives an EXPORT file no folds, and a factory file one per section with rows', () => {
    for (const f of corpusFiles()) {
      const model = parseMapping(f.text);
      const folds = computeFoldingRanges(model);
      if (f.kind === 'Rekordbox EXPORT') assert.deepEqual(folds, [], f.file);
      assert.equal(folds.length, model.sections.filter(s => s.endLine > s.row.line.line).length, f.file);
      for (const fold of folds) {
        assert.match(model.csv.text.slice(model.rows[fold.startLine].line.offset).slice(0, 2), /^# /, f.file);
        assert.equal(model.rows[fold.endLine].kind, 'mapping', f.file);
      }
    }
    const flx10 = corpusFiles().find(f => f.file === 'factory-DDJ-FLX10.midi.csv')!;
    assert.deepEqual(computeFoldingRanges(parseMapping(flx10.text))[0], { startLine: 3, endLine: 12, kind: FoldingRangeKind.Region });
  });

  it('never throws', () => {
    for (const { name, text } of junkTexts()) assert.doesNotThrow(() => computeFoldingRanges(parseMapping(text)), name);
  });
});
