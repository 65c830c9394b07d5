import assert from 'node:assert/strict';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics, DiagnosticsOptions } from '../../server/src/service/features/diagnostics';
import { parseMapping } from '../../server/src/service/model/mappingModel';
import { marked } from './markers';

/**
 * Checks that the marked text yields exactly these diagnostics (of every code, unless `only` names
 * some), in order, each on the range its `[[…]]` marks.
 */
export function expectDiagnostics(
  source: string,
  expected: [code: string, severity: DiagnosticSeverity][],
  options: DiagnosticsOptions = {},
  only?: string[],
): Diagnostic[] {
  const { text, ranges } = marked(source);
  const diagnostics = computeDiagnostics(parseMapping(text), { uri: 'file:///test.midi.csv', ...options }).filter(
    d => !only || only.includes(String(d.code)),
  );
  assert.deepEqual(
    diagnostics.map(d => [d.code, d.severity, d.range]),
    expected.map(([code, severity], i) => [code, severity, ranges[i]]),
    diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).join('\n'),
  );
  return diagnostics;
}
