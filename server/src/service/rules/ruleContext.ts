import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { FunctionCatalog } from '../catalog/functionCatalog';
import { MappingModel, Row } from '../model/mappingModel';

/** Every diagnostic code the server reports; stable, documented in docs/diagnostics.md. */
export type RuleCode =
  | 'file-line'
  | 'field-count'
  | 'quoted-field'
  | 'bad-hex'
  | 'long-code'
  | 'bad-deck'
  | 'channel-overflow'
  | 'deck-without-base'
  | 'unknown-type'
  | 'unknown-option'
  | 'bad-option-value'
  | 'unknown-function'
  | 'duplicate-code';

export const SOURCE = 'rekordbox-midi';

export interface RuleContext {
  model: MappingModel;
  uri: string;
  catalog: FunctionCatalog;
  /** Rows whose columns a stray field has shifted: their cells past the shift are not checked one by one. */
  isShifted(row: Row): boolean;
  report(
    code: RuleCode,
    severity: DiagnosticSeverity,
    range: Range,
    message: string,
    extra?: { relatedInformation?: DiagnosticRelatedInformation[]; data?: unknown },
  ): void;
}

export type Rule = (context: RuleContext) => void;

export function makeDiagnostic(
  code: RuleCode,
  severity: DiagnosticSeverity,
  range: Range,
  message: string,
  extra?: { relatedInformation?: DiagnosticRelatedInformation[]; data?: unknown },
): Diagnostic {
  const diagnostic: Diagnostic = { range, severity, code, source: SOURCE, message };
  if (extra?.relatedInformation?.length) diagnostic.relatedInformation = extra.relatedInformation;
  if (extra?.data !== undefined) diagnostic.data = extra.data;
  return diagnostic;
}
