/** `unknown-option` and `bad-option-value` (docs/diagnostics.md#unknown-option). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { FACTORY_HEAD, row } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W } = DiagnosticSeverity;

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
      [
        "Min needs a whole number, not '-1'.",
        'Max must be between 0 and 16383, not 16384.',
        "Min needs a whole number, not '1.5'.",
        "'Max' needs a value: Max=N.",
      ],
    );
  });

  it('accepts every option real files use, with a trailing ;', () => {
    expectDiagnostics(FACTORY_HEAD + row({ 0: 'Cue', 2: 'Button', 3: '900C', 13: 'Fast;RO;Dual;Priority=100;Blink=1000;Value=2048;Min=1;Max=16383;' }), []);
  });
});
