/** `quoted-field`: Rekordbox never writes quotes (docs/diagnostics.md#quoted-field). */
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { FACTORY_HEAD } from '../../../../helpers/markers';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W } = DiagnosticSeverity;

describe('quoted-field', () => {
  it('warns on quoted fields and errs on an unclosed quote', () => {
    expectDiagnostics(FACTORY_HEAD + 'Cue,Cue,Button,900C,,,,,,,,,,,[["a comment"]]\nPlayPause,PlayPause,Button,900B,,,,,,,,,,,[["open comment]]', [
      ['quoted-field', W],
      ['quoted-field', E],
    ]);
  });
});
