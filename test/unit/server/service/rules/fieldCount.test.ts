/** `field-count`: mapping rows have 15 fields (docs/diagnostics.md#field-count). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../../../server/src/service/features/diagnostics';
import { parseMapping } from '../../../../../server/src/service/model/mappingModel';
import { corpusFiles } from '../../../../helpers/fixtures';
import { FACTORY_HEAD, marked, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W } = DiagnosticSeverity;

function diagnose(text: string) {
  return computeDiagnostics(parseMapping(text), { uri: 'file:///test.midi.csv' });
}

describe('field-count', () => {
  it('reports a row whose extra field holds text (shifted columns) as an error on the extra fields', () => {
    const source = FACTORY_HEAD + 'PAD1_HotCue,PAD1.HotCue.Call,Pad,9000,7,8,,,,9000,7,8,,,[[,Shifted comment]]';
    const [d] = expectDiagnostics(source, [['field-count', E]]);
    assert.match(d.message, /16 fields.*'Shifted comment'.*shifted/);
  });

  it('reports a whole file padded alike once, not on every row', () => {
    const pad = ',,,,';
    const text = [
      '@file,1,X' + ',,,,,,,,,,,,,,,,',
      '#name,function,type,input,deck1,deck2,deck3,deck4,output,deck1,deck2,deck3,deck4,option,comment[[' + pad + ']]',
      row({ 0: 'PlayPause', 2: 'Button', 3: '900B' }) + pad,
      row({ 0: 'Cue', 2: 'Button', 3: '900C' }) + pad,
    ].join('\r\n');
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
