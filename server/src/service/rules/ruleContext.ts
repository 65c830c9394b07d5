import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { FunctionCatalog } from '../catalog/functionCatalog';
import { DeckCode } from '../model/expandDeckCodes';
import { MappingModel, Row } from '../model/mappingModel';

/**
 * Every diagnostic code the rules report; stable, documented in docs/diagnostics.md. The list is
 * what the `rekordboxMidi.rules` setting can name (see features/diagnostics.ts).
 */
export const RULE_CODES = [
  'file-line',
  'field-count',
  'quoted-field',
  'bad-hex',
  'long-code',
  'bad-deck',
  'channel-overflow',
  'deck-without-base',
  'unknown-type',
  'unknown-option',
  'bad-option-value',
  'unknown-function',
  'duplicate-code',
  'hires-lsb-collision',
  'hires-cc-range',
  'type-mismatch',
  'input-on-indicator',
  'nonzero-base-channel',
  'identical-rows',
  'app-folder',
  'mixed-line-endings',
  'non-ascii',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

export const SOURCE = 'rekordbox-midi';

export interface RuleContext {
  model: MappingModel;
  uri: string;
  catalog: FunctionCatalog;
  /** The field count every row shares when the whole file was padded alike (see rules/fieldCount.ts). */
  paddedCount: number | undefined;
  /** Rows whose columns a stray field has shifted: their cells past the shift are not checked one by one. */
  isShifted(row: Row): boolean;
  /** What each deck of a row receives (see expandDeckCodes). */
  inputCodes(row: Row): DeckCode[];
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
