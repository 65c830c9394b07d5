/** Runs every rule over a model and returns LSP diagnostics, most severe first when capped. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultCatalog, FunctionCatalog } from '../catalog/functionCatalog';
import { MappingModel } from '../model/mappingModel';
import { checkCellSyntax } from '../rules/cellSyntax';
import { checkControlType } from '../rules/controlType';
import { checkDuplicateCodes } from '../rules/duplicateCodes';
import { checkFieldCount, isShiftedRow, uniformPaddedCount } from '../rules/fieldCount';
import { checkFileLine } from '../rules/fileLine';
import { checkFunctionName } from '../rules/functionName';
import { checkOptions } from '../rules/options';
import { checkQuotedFields } from '../rules/quotedFields';
import { Rule, RuleContext, makeDiagnostic, SOURCE } from '../rules/ruleContext';

export const RULES: readonly Rule[] = [
  checkFileLine,
  checkFieldCount,
  checkQuotedFields,
  checkCellSyntax,
  checkControlType,
  checkOptions,
  checkFunctionName,
  checkDuplicateCodes,
];

/** More than this many diagnostics help nobody (a binary file would give millions). */
export const MAX_DIAGNOSTICS = 1000;

export interface DiagnosticsOptions {
  uri?: string;
  catalog?: FunctionCatalog;
  maxDiagnostics?: number;
}

export function computeDiagnostics(model: MappingModel, options: DiagnosticsOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const paddedCount = uniformPaddedCount(model);
  const context: RuleContext = {
    model,
    isShifted: row => isShiftedRow(row, paddedCount),
    uri: options.uri ?? 'untitled:mapping.midi.csv',
    catalog: options.catalog ?? defaultCatalog,
    report: (code, severity, range, message, extra) => diagnostics.push(makeDiagnostic(code, severity, range, message, extra)),
  };
  for (const rule of RULES) rule(context);
  diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.severity ?? 1) - (b.severity ?? 1),
  );
  const max = options.maxDiagnostics ?? MAX_DIAGNOSTICS;
  if (diagnostics.length <= max) return diagnostics;
  const kept = [...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, max - 1);
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  kept.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'too-many-problems',
    message: `${diagnostics.length - kept.length} more problems are not shown (only the first ${max - 1}, most severe first). Is this really a Rekordbox mapping?`,
  });
  return kept;
}
