/**
 * `nonzero-base-channel`: the open question in docs/format.md#added-or-replaced-the-open-question (is a deck channel added to the
 * base channel, or does it replace it?).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { BaseChannelData } from '../../../../../server/src/service/rules/baseChannel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { FACTORY_HEAD, marked, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W, Hint: H } = DiagnosticSeverity;
const CODE = 'nonzero-base-channel';


/** Applies single-line edits (as a quick fix would) to the text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
    const l = lines[e.range.start.line];
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return lines.join('\n');
}

describe('nonzero-base-channel', () => {
  it('warns on the base cell of the FLX6 edit’s row (942E with 2,3,0,1), with both readings and the rewrite in data', () => {
    const source = FACTORY_HEAD + 'PlayPause,PlayPause,Button,[[942E]],2,3,0,1,,,,,,Fast;Priority=50,Play/Pause';
    const [d] = expectDiagnostics(source, [[CODE, W]]);
    assert.equal(
      d.message,
      'Base MIDI IN 942E is on channel 4 (shown as 5) and the deck columns give channels 2,3,0,1: no Rekordbox file shows whether a deck channel ' +
        'is added to the base channel or replaces it. Added (the reading used here): the decks receive 962E 972E 942E 952E. ' +
        'Replaced: 922E 932E 902E 912E. Write channel 0 in the base with absolute deck channels, which mean the same either way: 902E,6,7,4,5.',
    );
    const data = d.data as BaseChannelData;
    assert.deepEqual(
      { ...data, edits: undefined },
      {
        side: 'input',
        base: '902E',
        decks: ['6', '7', '4', '5'],
        added: ['962E', '972E', '942E', '952E'],
        replaced: ['922E', '932E', '902E', '912E'],
        edits: undefined,
      },
    );
    // The edits make the row say the same thing under both readings, and the warning goes away.
    const fixed = applyEdits(marked(source).text, data.edits);
    assert.equal(fixed.split('\n')[2], 'PlayPause,PlayPause,Button,902E,6,7,4,5,,,,,,Fast;Priority=50,Play/Pause');
    assert.deepEqual(computeDiagnostics(parseMapping(fixed)), []);
  });

  it('checks MIDI OUT too, keeps full codes and empty decks as they are, and edits only what changes', () => {
    const source = FACTORY_HEAD + 'PlayPause,,Button,900B,0,1,,,[[920B]],0,9650,,1,,';
    const [d] = expectDiagnostics(source, [[CODE, W]]);
    const data = d.data as BaseChannelData;
    assert.equal(data.side, 'output');
    assert.deepEqual(data.decks, ['2', '9650', '', '3']);
    assert.deepEqual(data.added, ['920B', '9650', '', '930B']);
    assert.deepEqual(data.replaced, ['900B', '9650', '', '910B']);
    assert.match(d.message, /^Base MIDI OUT 920B .* channels 0,1: .* the decks are sent 920B 9650 930B\./);
    assert.equal(applyEdits(marked(source).text, data.edits).split('\n')[2], 'PlayPause,,Button,900B,0,1,,,900B,2,9650,,3,,');
  });

  it('leaves alone: base channel 0, a base alone, full deck codes, and what channel-overflow already reports', () => {
    const rows = [
      row({ 0: 'PlayPause', 2: 'Button', 3: '900B', 4: '0', 5: '1', 6: '2', 7: '3' }),
      row({ 0: 'Cue', 2: 'Button', 3: '940C' }),
      row({ 0: 'Load', 2: 'Button', 3: '9646', 4: '9647', 5: '9648' }),
      row({ 0: 'Sync', 2: 'Button', 3: 'F858', 4: '0' }), // not a channel message
    ];
    expectDiagnostics(FACTORY_HEAD + rows.join('\n'), []);
    expectDiagnostics(FACTORY_HEAD + 'PlayPause,PlayPause,Button,9E0B,0,1,[[2]],[[3]],,,,,,,', [
      ['channel-overflow', E],
      ['channel-overflow', E],
    ]);
  });

  it('can be set to hint or off', () => {
    const source = FACTORY_HEAD + 'PlayPause,,Button,[[942E]],2,3,0,1,,,,,,,';
    expectDiagnostics(source, [[CODE, H]], { ruleSeverities: { [CODE]: 'hint' } });
    expectDiagnostics(source.replace(/\[\[|\]\]/g, ''), [], { ruleSeverities: { [CODE]: 'off' } });
  });

  describe('real files', () => {
    for (const f of corpusFiles()) {
      it(`${f.file}`, () => {
        const found = computeDiagnostics(parseMapping(f.text)).filter(d => d.code === CODE);
        const expected = f.file === 'edited-DDJ-FLX6-19-fields.midi.csv' ? [[21, W, '902E,6,7,4,5'], [30, W, 'B008,6,7,4,5']] : [];
        assert.deepEqual(
          found.map(d => {
            const data = d.data as BaseChannelData;
            return [d.range.start.line + 1, d.severity, [data.base, ...data.decks].join(',')];
          }),
          expected,
        );
      });
    }
  });
});
