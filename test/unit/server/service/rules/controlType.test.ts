/** `unknown-type`: a type no real file or round-trip report shows (docs/diagnostics.md#unknown-type). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Warning: W } = DiagnosticSeverity;

describe('unknown-type', () => {
  it('warns on an unknown type with a suggestion, and accepts an empty type', () => {
    const source = FACTORY_HEAD + 'Cue,Cue,[[Buton]],900C,,,,,,,,,,,\n' + row({ 0: 'FailSafeState', 3: '967E', 13: 'RO' });
    const [d] = expectDiagnostics(source, [['unknown-type', W]]);
    assert.match(d.message, /did you mean 'Button'/);
  });
});
