/**
 * What a rule is: one object (made with `defineRule`) that declares its diagnostic codes — each
 * with its level(s), a one-line summary and its section in docs/diagnostics.md — next to the check
 * that reports them. rules/index.ts lists the rules; the codes, the `rekordboxMidi.rules` schema and
 * the docs table all come from there (scripts/syncRuleDocs.ts).
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { FunctionCatalog } from '../catalog/functionCatalog';
import { DeckCode } from '../model/expandDeckCodes';
import { MappingModel, Row } from '../model/mappingModel';

export const SOURCE = 'rekordbox-midi';

/** A level a code reports at, as docs/diagnostics.md and the setting name it. */
export type RuleLevel = 'error' | 'warning' | 'information' | 'hint';

/** What a rule declares about each of its codes. */
export interface RuleCodeInfo {
  /** The level(s) the rule reports the code at (some codes report at two, depending on the case). */
  readonly levels: readonly RuleLevel[];
  /** One line, Markdown: the docs table and the setting's schema show it. */
  readonly summary: string;
  /** The code's section: `docs/diagnostics.md#<anchor>`. */
  readonly docs: string;
}

export interface RuleContext<Code extends string> {
  model: MappingModel;
  uri: string;
  catalog: FunctionCatalog;
  /** The field count every row shares when the whole file was padded alike (see rules/fieldCount.ts). */
  paddedCount: number | undefined;
  /** Rows whose columns a stray field has shifted: their cells past the shift are not checked one by one. */
  isShifted(row: Row): boolean;
  /** What each deck of a row receives (see expandDeckCodes). */
  inputCodes(row: Row): DeckCode[];
  /** Reports a diagnostic; only the codes the rule declares type-check. */
  report(
    code: Code,
    severity: DiagnosticSeverity,
    range: Range,
    message: string,
    extra?: { relatedInformation?: DiagnosticRelatedInformation[]; data?: unknown },
  ): void;
}

export interface Rule<Code extends string> {
  readonly codes: { readonly [C in Code]: RuleCodeInfo };
  check(context: RuleContext<Code>): void;
}

/** The codes a rule (or a union of rules) declares. */
export type CodesOf<R> = R extends Rule<infer Code> ? Code : never;

/** A rule, its codes inferred from the keys of `codes` (so `report` takes no other). */
export function defineRule<Code extends string>(rule: Rule<Code>): Rule<Code> {
  return rule;
}

export function makeDiagnostic(
  code: string,
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
