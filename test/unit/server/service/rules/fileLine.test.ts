/** `file-line`: line 1 is `@file,1,<device name>` (docs/diagnostics.md#file-line). */
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { expectDiagnostics } from '../../../../helpers/expectDiagnostics';

const { Error: E, Warning: W } = DiagnosticSeverity;

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
